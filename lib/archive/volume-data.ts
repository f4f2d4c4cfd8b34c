// What the compiled volume of an archived cycle is made of, read from its dossier entries (the
// immutable snapshots written at archiving): the volume's order and ranking rows first — one small
// row per unit, names and kinds as archived — then each unit's archived report, 200 at a time, in
// that order, fetched by primary key while the previous batch is being written. The reports are
// never all in memory; the order is fixed once, so the contents, the tables and the chapters agree.
import { beijingDate } from "@/lib/collection/deadline";
import { now } from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/prisma";
import { createStoredWrite } from "@/lib/files/storage";
import type { UnitReport } from "@/lib/reports/model";
import { writeVolume, type VolumeInput, type VolumeProgress, type VolumeRankingRow, type VolumeScheme } from "@/lib/reports/volume";

const BATCH = 200;

type OrderRow = VolumeRankingRow & { entryId: string; schemeName: string | null; schemeVersion: number | null; issuer: string | null };

/** The volume of a cycle's dossier entries: schemes in the order of their unit kinds, units by rank, then name in pinyin order. */
export async function volumeSource(client: PrismaClient, cycleId: string, batch = BATCH): Promise<VolumeInput> {
  const cycle = await client.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { id: true, name: true, year: true, archivedAt: true } });
  const order = await client.$queryRaw<OrderRow[]>`
    SELECT d.id AS "entryId", d.organisation_id AS "unitId", d.scheme_label AS "schemeKey", d.rank_position AS position,
           d.report->'unit'->>'name' AS name, d.report->'unit'->>'kindLabel' AS kind, d.total::text AS total, d.grade,
           d.report->'scheme'->>'name' AS "schemeName", (d.report->'scheme'->>'version')::int AS "schemeVersion",
           d.report->>'issuer' AS issuer
      FROM dossier_entry d
     WHERE d.cycle_id = ${cycleId}
     ORDER BY min(d.unit_kind) OVER (PARTITION BY d.scheme_label), d.scheme_label, d.rank_position,
              (d.report->'unit'->>'name') COLLATE "zh-Hans-CN-x-icu", d.id`;
  if (order.length === 0) throw new Error(`评价周期“${cycle.name}”没有归档的评价报告，不能生成汇编`);

  const schemes: VolumeScheme[] = [];
  for (const row of order) {
    const last = schemes.at(-1);
    if (last?.key === row.schemeKey) last.units++;
    else schemes.push({ key: row.schemeKey, title: row.schemeName ? `${row.schemeName}（第${row.schemeVersion}版）` : row.schemeKey, units: 1 });
  }
  const rankings: VolumeRankingRow[] = order.map((r) => ({
    unitId: r.unitId, schemeKey: r.schemeKey, position: r.position, name: r.name, kind: r.kind, total: r.total, grade: r.grade,
  }));
  const ids = order.map((r) => r.entryId);

  const fetchBatch = async (from: number): Promise<UnitReport[]> => {
    const wanted = ids.slice(from, from + batch);
    const rows = await client.dossierEntry.findMany({ where: { id: { in: wanted } }, select: { id: true, report: true } });
    const byId = new Map(rows.map((r) => [r.id, r.report as unknown as UnitReport]));
    return wanted.map((id) => {
      const report = byId.get(id);
      if (!report) throw new Error(`档案记录 ${id} 在生成汇编时不见了`);
      return report;
    });
  };
  async function* chapters(): AsyncGenerator<UnitReport> {
    let next: Promise<UnitReport[]> | null = fetchBatch(0);
    for (let from = 0; next; from += batch) {
      const reports: UnitReport[] = await next;
      next = from + batch < ids.length ? fetchBatch(from + batch) : null;
      next?.catch(() => undefined);
      yield* reports;
    }
  }
  async function* rankingRows(): AsyncGenerator<VolumeRankingRow> {
    yield* rankings;
  }

  return {
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year },
    issuer: order[0]!.issuer ?? "",
    date: beijingDate(cycle.archivedAt ?? now()),
    schemes,
    rankings: rankingRows,
    chapters: chapters(),
  };
}

export type BuiltVolume = { storedName: string; sha256: string; size: number; units: number };

/**
 * Writes the cycle's volume into the file store (EVIDENCE_DIR, under a random name, like evidence):
 * streamed to a temporary file that takes its name only when complete. The caller records the
 * CompiledVolume row; should that fail, it removes the file with discardStored(storedName).
 */
export async function buildVolumeFile(client: PrismaClient, cycleId: string, onProgress?: VolumeProgress): Promise<BuiltVolume> {
  const source = await volumeSource(client, cycleId);
  const target = await createStoredWrite();
  try {
    const { units } = await writeVolume(source, target.stream, onProgress);
    const { sha256, size } = await target.commit();
    return { storedName: target.storedName, sha256, size, units };
  } catch (error) {
    await target.abort();
    throw error;
  }
}

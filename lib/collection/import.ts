import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { formatDateTimeCn, now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyRole } from "@/lib/notifications/mutations";
import { lockSubmission, writeRefusal, type CycleHead } from "./access";
import { beijingDate } from "./deadline";
import { buildTemplate, readFactSheets, validateFactSheets, FactSheetFileError, type FactSheets, type ImportCounts, type ImportProblem, type PlannedEntry, type PlannedRecord } from "./spreadsheet";
import { loadCurrentAnswers, loadSourceScope } from "./spreadsheet/data";
import type { SourceScope } from "./spreadsheet/scope";
import { slotKey } from "./slots";

/*
 * The facts spreadsheet of a source (issue 6 item 3): download the pre-filled template; import it
 * all or nothing. The import checks the same rules as the forms (cycle collecting, before the
 * deadline or reopened, submission not submitted; only the caller's slots and enrolled units;
 * values through the engine's fact schemas) inside ONE transaction that holds the submission's row
 * lock, and writes set-based: a few INSERT … ON CONFLICT statements, never a query per row.
 */

const BATCH = 5000;

export type FactImportInput = { cycleId: string; bytes: Uint8Array; fileName: string; blankRecordsAsNone: boolean; checkOnly?: boolean };

export type FactImportOutcome =
  | { status: "problems"; fileName: string; rows: number; badRows: number; problems: ImportProblem[] }
  | { status: "checked"; fileName: string; rows: number; counts: ImportCounts }
  | { status: "imported"; fileName: string; rows: number; counts: ImportCounts; changedEntries: number; insertedRecords: number; skippedRecords: number };

function requireSource(actor: Actor): void {
  if (!hasPermission(actor.roles, "submit:facts:assigned")) throw new AppError("NOT_FOUND");
}

/** The source's template for a cycle, pre-filled with what it has reported so far. */
export async function factTemplate(actor: Actor, cycleId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  requireSource(actor);
  const scope = await loadSourceScope(db(), cycleId, actor.organisationId);
  if (!scope) throw new AppError("NOT_FOUND");
  const current = await loadCurrentAnswers(db(), cycleId, actor.organisationId);
  const at = now();
  const bytes = await buildTemplate(scope, current, formatDateTimeCn(at));
  return { bytes, fileName: `${scope.cycleName}-${scope.sourceName}-数据报送模板-${beijingDate(at)}.xlsx` };
}

async function upsertEntries(tx: Tx, actor: Actor, cycleId: string, entries: readonly PlannedEntry[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < entries.length; i += BATCH) {
    const rows = entries.slice(i, i + BATCH).map((e) => ({ u: e.unitId, i: e.indicatorCode, s: e.subKey, a: e.answer, v: e.value ?? null }));
    changed += await tx.$executeRaw`
      INSERT INTO fact_entry (id, cycle_id, source_org_id, unit_id, indicator_code, sub_key, answer, value, updated_by_id, version, updated_at)
      SELECT gen_random_uuid()::text, ${cycleId}, ${actor.organisationId}, r.u, r.i, r.s, r.a::"FactAnswer", r.v, ${actor.id}, 1, now()
        FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(u text, i text, s text, a text, v jsonb)
      ON CONFLICT (cycle_id, source_org_id, unit_id, indicator_code, sub_key) DO UPDATE
        SET answer = EXCLUDED.answer, value = EXCLUDED.value, updated_by_id = EXCLUDED.updated_by_id,
            version = fact_entry.version + 1, updated_at = now()
        WHERE fact_entry.answer IS DISTINCT FROM EXCLUDED.answer OR fact_entry.value IS DISTINCT FROM EXCLUDED.value`;
  }
  return changed;
}

/** New records only: a row identical to a live record of the same source is skipped (re-imports are idempotent). */
async function insertRecords(tx: Tx, actor: Actor, cycleId: string, records: readonly PlannedRecord[]): Promise<InsertedRecord[]> {
  const inserted: InsertedRecord[] = [];
  for (let i = 0; i < records.length; i += BATCH) {
    const rows = records.slice(i, i + BATCH).map((r) => ({ u: r.unitId, i: r.indicatorCode, s: r.subKey, k: r.itemKey, d: r.occurredOn, t: r.description, n: r.referenceNo }));
    inserted.push(
      ...(await tx.$queryRaw<InsertedRecord[]>`
        INSERT INTO fact_record (id, cycle_id, source_org_id, unit_id, indicator_code, sub_key, item_key, occurred_on, description, reference_no, created_by_id)
        SELECT gen_random_uuid()::text, ${cycleId}, ${actor.organisationId}, r.u, r.i, r.s, r.k, r.d, r.t, r.n, ${actor.id}
          FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(u text, i text, s text, k text, d text, t text, n text)
         WHERE NOT EXISTS (
           SELECT 1 FROM fact_record f
            WHERE f.cycle_id = ${cycleId} AND f.source_org_id = ${actor.organisationId} AND f.unit_id = r.u
              AND f.indicator_code = r.i AND f.sub_key = r.s AND f.item_key = r.k AND f.occurred_on = r.d
              AND f.description = r.t AND f.reference_no IS NOT DISTINCT FROM r.n AND f.withdrawn_at IS NULL)
        RETURNING unit_id AS "unitId", indicator_code AS "indicatorCode", sub_key AS "subKey", item_key AS "itemKey", description, occurred_on AS "occurredOn"`),
    );
  }
  return inserted;
}

type InsertedRecord = { unitId: string; indicatorCode: string; subKey: string; itemKey: string; description: string; occurredOn: string };

/**
 * The warning of a new negative record (as addRecord raises for one), once per import: one notice to
 * the office listing the units, one to each unit's users listing its records. Set-based writes.
 */
async function warnNegativeRecords(tx: Tx, cycle: CycleHead, scope: SourceScope, sourceName: string, inserted: readonly InsertedRecord[]): Promise<void> {
  const kindOf = new Map(scope.units.map((u) => [u.id, u]));
  const byUnit = new Map<string, string[]>();
  for (const r of inserted) {
    const unit = kindOf.get(r.unitId);
    const slot = unit && scope.slots[unit.unitKind]?.find((s) => slotKey(s) === slotKey(r));
    if (!slot || (slot.rule.kind !== "deduction" && slot.rule.kind !== "veto")) continue;
    const item = slot.recordItems.find((i) => i.key === r.itemKey)?.label;
    byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), `“${slot.name}”${item ? `（${item}）` : ""}：${r.description}（${r.occurredOn}）`]);
  }
  if (byUnit.size === 0) return;
  const total = [...byUnit.values()].reduce((n, list) => n + list.length, 0);
  const names = [...byUnit].map(([id, list]) => `${kindOf.get(id)?.name ?? id}${list.length}条`);
  await notifyRole(tx, "office", {
    kind: "collection.negative_record",
    title: `新的负面记录：${total}条（表格导入）`,
    body: `${sourceName}通过表格导入了${total}条负面记录，涉及${byUnit.size}个单位：${names.slice(0, 10).join("、")}${names.length > 10 ? " 等" : ""}`,
    link: `/cycles/${cycle.id}/monitor`,
  });
  const users = await tx.user.findMany({ where: { organisationId: { in: [...byUnit.keys()] }, active: true, roles: { has: "unit" } }, select: { id: true, organisationId: true } });
  const data = users.map((u) => {
    const list = byUnit.get(u.organisationId) ?? [];
    const body = `${sourceName}报送了关于本单位的${list.length}条记录：${list.slice(0, 3).join("；")}${list.length > 3 ? " 等" : ""}`;
    return { userId: u.id, kind: "collection.negative_record", title: "本单位有新的负面记录", body, link: `/unit/${cycle.id}` };
  });
  for (let i = 0; i < data.length; i += BATCH) await tx.notification.createMany({ data: data.slice(i, i + BATCH) });
}

async function readOrRefuse(bytes: Uint8Array, fileName: string): Promise<FactSheets> {
  try {
    return await readFactSheets(bytes, fileName);
  } catch (error) {
    if (error instanceof FactSheetFileError) throw new AppError("INVALID", error.message, { file: [error.message] });
    throw error;
  }
}

/**
 * Validates a filled template and, when every row is right (and checkOnly is not set), applies it in
 * one transaction. Any bad row → every problem and nothing written; any failure → nothing written.
 */
export async function importFactSheet(actor: Actor, input: FactImportInput, ip?: string | null): Promise<FactImportOutcome> {
  requireSource(actor);
  const sheets = await readOrRefuse(input.bytes, input.fileName);
  const rows = sheets.values.length + sheets.records.length;
  return db().$transaction(
    async (tx) => {
      const at = now();
      const { cycle, submission } = await lockSubmission(tx, input.cycleId, actor.organisationId);
      const scope = await loadSourceScope(tx, cycle.id, actor.organisationId);
      if (!scope) throw new AppError("NOT_FOUND");
      const refusal = writeRefusal(cycle, submission, at);
      if (refusal) throw new AppError("FORBIDDEN", refusal);
      const current = await loadCurrentAnswers(tx, cycle.id, actor.organisationId);
      const checked = validateFactSheets(scope, sheets, current, { today: beijingDate(at), blankRecordsAsNone: input.blankRecordsAsNone });
      if (!checked.ok) return { status: "problems", fileName: input.fileName, rows, badRows: checked.badRows, problems: checked.problems };
      if (input.checkOnly) return { status: "checked", fileName: input.fileName, rows, counts: checked.counts };
      const changedEntries = await upsertEntries(tx, actor, cycle.id, checked.plan.entries);
      const inserted = await insertRecords(tx, actor, cycle.id, checked.plan.records);
      await warnNegativeRecords(tx, cycle, scope, actor.organisationName, inserted);
      const result = { changedEntries, insertedRecords: inserted.length, skippedRecords: checked.plan.records.length - inserted.length };
      await writeAudit(tx, {
        actor,
        action: "collection.imported",
        entityType: "submission",
        entityId: submission.id,
        meta: { cycleId: cycle.id, fileName: input.fileName, rows, ...checked.counts, ...result, blankRecordsAsNone: input.blankRecordsAsNone },
        ip,
      });
      return { status: "imported", fileName: input.fileName, rows, counts: checked.counts, ...result };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
}

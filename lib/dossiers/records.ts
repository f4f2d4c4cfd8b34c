import "server-only";
import { db } from "@/lib/db/client";
import { readStoredDocument } from "@/lib/schemes/document";
import type { Prisma } from "@/prisma/generated/client/client";
import type { DossierRecordsQuery } from "./schema";
import { matchingSlots, recordItemLabel, slotKeyOf, standingSlots, type Standing, type StandingSlot } from "./standing";

/*
 * Trust and breach records (守信激励 / 失信记录) of a dossier: the records sources reported about the
 * unit in its archived years (withdrawn ones left out), classified by the rule of the slot they
 * counted towards in that year's scheme (standing.ts). Which slots qualify is worked out from the
 * schemes; filtering, counting and paging are done by PostgreSQL over fact_record.
 */

export type DossierRecord = {
  id: string; year: number; cycleName: string; standing: Standing; indicatorCode: string; indicatorName: string; item: string;
  occurredOn: string; description: string; referenceNo: string | null; source: string;
};

export type DossierRecords = { rows: DossierRecord[]; total: number; counts: Record<Standing, number>; years: number[] };

type YearSlots = { cycleId: string; year: number; cycleName: string; slots: StandingSlot[] };

async function slotsPerYear(organisationId: string): Promise<YearSlots[]> {
  const entries = await db().dossierEntry.findMany({ where: { organisationId }, select: { cycleId: true, year: true, cycleName: true, schemeVersionId: true }, orderBy: { year: "desc" } });
  const versions = await db().schemeVersion.findMany({ where: { id: { in: [...new Set(entries.map((e) => e.schemeVersionId))] } }, select: { id: true, document: true } });
  const slots = new Map(versions.map((v) => [v.id, standingSlots(readStoredDocument(v.document))]));
  return entries.map((e) => ({ cycleId: e.cycleId, year: e.year, cycleName: e.cycleName, slots: slots.get(e.schemeVersionId) ?? [] }));
}

/** The where clause of the records of these slots per year; a text also matches a record's description. */
function recordsWhere(organisationId: string, years: YearSlots[], standing: Standing | null, text: string | undefined): Prisma.FactRecordWhereInput {
  const bySlot = (slots: StandingSlot[]) => slots.map((s) => ({ indicatorCode: s.indicatorCode, subKey: s.subKey }));
  const perYear = years.flatMap((y): Prisma.FactRecordWhereInput[] => {
    const named = matchingSlots(y.slots, standing, text);
    const described = text ? matchingSlots(y.slots, standing, undefined) : [];
    const or: Prisma.FactRecordWhereInput[] = [];
    if (named.length > 0) or.push({ OR: bySlot(named) });
    if (described.length > 0) or.push({ OR: bySlot(described), description: { contains: text!.trim(), mode: "insensitive" } });
    return or.length > 0 ? [{ cycleId: y.cycleId, OR: or }] : [];
  });
  // No slot qualifies: an impossible clause rather than an unfiltered one.
  return { unitId: organisationId, withdrawnAt: null, OR: perYear.length > 0 ? perYear : [{ id: { in: [] } }] };
}

/** One page of the organisation's trust and breach records, newest first, with the count of each kind. */
export async function dossierRecords(organisationId: string, query: DossierRecordsQuery, size: number): Promise<DossierRecords> {
  const all = await slotsPerYear(organisationId);
  const years = query.ryear ? all.filter((y) => y.year === query.ryear) : all;
  const standing = query.standing ?? null;
  const where = recordsWhere(organisationId, years, standing, query.rq);
  const [records, total, trust, breach] = await Promise.all([
    db().factRecord.findMany({
      where, orderBy: [{ occurredOn: "desc" }, { id: "asc" }], skip: (query.rpage - 1) * size, take: size,
      select: { id: true, cycleId: true, indicatorCode: true, subKey: true, itemKey: true, occurredOn: true, description: true, referenceNo: true, sourceOrgId: true },
    }),
    db().factRecord.count({ where }),
    db().factRecord.count({ where: recordsWhere(organisationId, years, "trust", query.rq) }),
    db().factRecord.count({ where: recordsWhere(organisationId, years, "breach", query.rq) }),
  ]);
  const sources = await db().organisation.findMany({ where: { id: { in: [...new Set(records.map((r) => r.sourceOrgId))] } }, select: { id: true, name: true, shortName: true } });
  const sourceName = new Map(sources.map((s) => [s.id, s.shortName ?? s.name]));
  const yearOf = new Map(all.map((y) => [y.cycleId, y]));
  const rows = records.flatMap((r): DossierRecord[] => {
    const y = yearOf.get(r.cycleId);
    const slot = y?.slots.find((s) => slotKeyOf(s) === slotKeyOf(r));
    if (!y || !slot) return [];
    return [{
      id: r.id, year: y.year, cycleName: y.cycleName, standing: slot.standing, indicatorCode: r.indicatorCode, indicatorName: slot.name,
      item: recordItemLabel(slot, r.itemKey), occurredOn: r.occurredOn, description: r.description, referenceNo: r.referenceNo,
      source: sourceName.get(r.sourceOrgId) ?? "",
    }];
  });
  return { rows, total, counts: { trust, breach }, years: [...new Set(all.map((y) => y.year))] };
}

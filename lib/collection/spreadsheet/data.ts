import "server-only";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import type { UnitKind } from "@/lib/orgs/kinds";
import { readStoredDocument } from "@/lib/schemes/document";
import { sourceSlots } from "../access";
import { reportingSlots, type ReportingSlot } from "../slots";
import { cellKey, type CurrentAnswers } from "./plan";
import { buildScope, type SourceScope } from "./scope";

type Client = PrismaClient | Tx;

/**
 * A source's scope in a cycle (enrolled units × the slots it answers), or null when the cycle does
 * not exist or assigns the source nothing (callers answer "not found").
 */
export async function loadSourceScope(client: Client, cycleId: string, sourceOrgId: string): Promise<SourceScope | null> {
  const [cycle, source, slots, schemes, units] = await Promise.all([
    client.cycle.findUnique({ where: { id: cycleId }, select: { id: true, year: true, name: true, collectionDeadline: true } }),
    client.organisation.findUnique({ where: { id: sourceOrgId }, select: { name: true } }),
    sourceSlots(client, cycleId, sourceOrgId),
    client.cycleScheme.findMany({ where: { cycleId }, select: { unitKind: true, schemeVersion: { select: { document: true } } } }),
    client.cycleUnit.findMany({
      where: { cycleId },
      select: { unitKind: true, organisation: { select: { id: true, uscc: true, name: true } } },
      orderBy: { organisation: { name: "asc" } },
    }),
  ]);
  if (!cycle || !source || slots.length === 0) return null;
  const allSlots: Partial<Record<UnitKind, ReportingSlot[]>> = {};
  for (const s of schemes) allSlots[s.unitKind] = reportingSlots(readStoredDocument(s.schemeVersion.document));
  return buildScope(
    { cycleId, year: cycle.year, cycleName: cycle.name, collectionDeadline: cycle.collectionDeadline, sourceOrgId, sourceName: source.name },
    slots.map((slot) => ({ slot, unitKinds: slot.unitKinds, answers: slot.answers })),
    allSlots,
    units.map((u) => ({ ...u.organisation, unitKind: u.unitKind })),
  );
}

/** The source's stored answers and live-record counts per cell (counted in the database). */
export async function loadCurrentAnswers(client: Client, cycleId: string, sourceOrgId: string): Promise<CurrentAnswers> {
  const [entries, counts] = await Promise.all([
    client.factEntry.findMany({ where: { cycleId, sourceOrgId }, select: { unitId: true, indicatorCode: true, subKey: true, answer: true, value: true } }),
    client.factRecord.groupBy({ by: ["unitId", "indicatorCode", "subKey"], where: { cycleId, sourceOrgId, withdrawnAt: null }, _count: { _all: true } }),
  ]);
  return {
    entries: new Map(entries.map((e) => [cellKey(e.unitId, e), { answer: e.answer, value: e.value }])),
    liveRecords: new Map(counts.map((c) => [cellKey(c.unitId, c), c._count._all])),
  };
}

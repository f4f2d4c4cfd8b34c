import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { isAppError } from "@/lib/errors";
import { slotForUnit, sourceSlots, windowEnd, writeRefusal, type CycleHead, type SourceSlot } from "./access";
import { readStoredDocument } from "@/lib/schemes/document";
import { sourceCellStatus, type CellStatus, type FactAnswerKind } from "./derive";
import { reportingSlots } from "./slots";

/*
 * Reads of the source workspace, scoped in the query to the caller's organisation: its assigned
 * slots, its own answers; and the unit's read-only view of what was reported about itself.
 */

type Client = PrismaClient | Tx;

export const SLOT_PAGE_SIZE = 20;
const cycleSelect = { id: true, year: true, name: true, status: true, collectionDeadline: true, commitmentsDeadline: true } as const;
const cellKey = (unitId: string, code: string, subKey: string) => `${unitId}|${code}|${subKey}`;

type OwnCell = { status: CellStatus; version: number };

/** The caller's own cells in a cycle: answers and live-record counts, keyed by unit|indicator|subKey. */
async function ownCells(client: Client, cycleId: string, orgId: string): Promise<(unitId: string, slot: SourceSlot) => OwnCell> {
  const [entries, counts] = await Promise.all([
    client.factEntry.findMany({ where: { cycleId, sourceOrgId: orgId }, select: { unitId: true, indicatorCode: true, subKey: true, answer: true, version: true } }),
    client.factRecord.groupBy({ by: ["unitId", "indicatorCode", "subKey"], where: { cycleId, sourceOrgId: orgId, withdrawnAt: null }, _count: { _all: true } }),
  ]);
  const answers = new Map(entries.map((e) => [cellKey(e.unitId, e.indicatorCode, e.subKey), { answer: e.answer as FactAnswerKind, version: e.version }]));
  const live = new Map(counts.map((c) => [cellKey(c.unitId, c.indicatorCode, c.subKey), c._count._all]));
  return (unitId, slot) => {
    const key = cellKey(unitId, slot.indicatorCode, slot.subKey);
    const entry = answers.get(key);
    return { status: sourceCellStatus(slot.mode, entry?.answer, live.get(key) ?? 0), version: entry?.version ?? 0 };
  };
}

type EnrolledUnit = { id: string; name: string; kind: string };

async function enrolledUnits(client: Client, cycleId: string, q?: string): Promise<EnrolledUnit[]> {
  const rows = await client.cycleUnit.findMany({
    where: { cycleId, ...(q ? { organisation: { OR: [{ name: { contains: q, mode: "insensitive" } }, { shortName: { contains: q, mode: "insensitive" } }] } } : {}) },
    select: { unitKind: true, organisation: { select: { id: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.organisation.id, name: r.organisation.name, kind: r.unitKind }));
}

export type MissingCell = { unitId: string; unitName: string; indicatorCode: string; subKey: string; slotName: string };

/** Every (unit × slot) the source answers, and those still unanswered. */
export async function unansweredCells(client: Client, cycleId: string, orgId: string): Promise<{ cells: number; missing: MissingCell[] }> {
  const slots = (await sourceSlots(client, cycleId, orgId)).filter((s) => s.answers);
  const [units, cellOf] = await Promise.all([enrolledUnits(client, cycleId), ownCells(client, cycleId, orgId)]);
  let cells = 0;
  const missing: MissingCell[] = [];
  for (const slot of slots) {
    for (const unit of units) {
      if (!slot.unitKinds.includes(unit.kind as SourceSlot["unitKinds"][number])) continue;
      cells++;
      if (cellOf(unit.id, slot).status.kind === "missing") {
        missing.push({ unitId: unit.id, unitName: unit.name, indicatorCode: slot.indicatorCode, subKey: slot.subKey, slotName: slot.name });
      }
    }
  }
  return { cells, missing };
}

export type SourceCycleRow = CycleHead & { submissionStatus: string | null; submittedAt: Date | null };

/** Cycles in which the caller's organisation is an assigned source (drafts are not shown). */
export async function listSourceCycles(actor: Actor): Promise<SourceCycleRow[]> {
  const cycles = await db().cycle.findMany({
    where: { status: { not: "draft" }, assignments: { some: { sourceOrgId: actor.organisationId } } },
    select: { ...cycleSelect, submissions: { where: { sourceOrgId: actor.organisationId }, select: { status: true, submittedAt: true } } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
  });
  return cycles.map(({ submissions, ...c }) => ({ ...c, submissionStatus: submissions[0]?.status ?? null, submittedAt: submissions[0]?.submittedAt ?? null }));
}

export type SubmissionView = { status: "draft" | "submitted" | "returned"; submittedAt: Date | null; returnComment: string | null; reopenedUntil: Date | null; reopenReason: string | null; version: number };
export type StatusCounts = Record<CellStatus["kind"], number>;
export type Workspace = {
  cycle: CycleHead;
  submission: SubmissionView | null;
  windowEnd: Date;
  /** Why the source cannot write now, or null. */
  refusal: string | null;
  slots: (SourceSlot & { counts: StatusCounts; total: number })[];
};

/** The source's "my indicators × units" overview, or null when it has nothing in this cycle. */
export async function sourceWorkspace(actor: Actor, cycleId: string): Promise<Workspace | null> {
  const client = db();
  const cycle = await client.cycle.findFirst({ where: { id: cycleId, status: { not: "draft" } }, select: cycleSelect });
  if (!cycle) return null;
  const slots = await sourceSlots(client, cycleId, actor.organisationId);
  if (slots.length === 0) return null;
  const [submission, units, cellOf] = await Promise.all([
    client.submission.findUnique({
      where: { cycleId_sourceOrgId: { cycleId, sourceOrgId: actor.organisationId } },
      select: { status: true, submittedAt: true, returnComment: true, reopenedUntil: true, reopenReason: true, version: true },
    }),
    enrolledUnits(client, cycleId),
    ownCells(client, cycleId, actor.organisationId),
  ]);
  const withCounts = slots.map((slot) => {
    const counts: StatusCounts = { missing: 0, records: 0, value: 0, none: 0, not_applicable: 0 };
    const mine = units.filter((u) => slot.unitKinds.includes(u.kind as SourceSlot["unitKinds"][number]));
    for (const unit of mine) counts[cellOf(unit.id, slot).status.kind]++;
    return { ...slot, counts, total: mine.length };
  });
  return { cycle, submission, windowEnd: windowEnd(cycle, submission), refusal: writeRefusal(cycle, submission, now()), slots: withCounts };
}

export type SlotUnitRow = { unitId: string; unitName: string; status: CellStatus; version: number };

/** One slot's units with the caller's cell status; search by name, filter unanswered, a page at a time. */
export async function slotUnits(
  actor: Actor,
  cycleId: string,
  ref: { schemeVersionId?: string; indicatorCode: string; subKey: string },
  query: { q?: string; page: number; only?: "missing" },
): Promise<{ workspace: Workspace; slot: Workspace["slots"][number]; rows: SlotUnitRow[]; total: number } | null> {
  const workspace = await sourceWorkspace(actor, cycleId);
  const slot = workspace?.slots.find(
    (s) => s.indicatorCode === ref.indicatorCode && s.subKey === ref.subKey && (!ref.schemeVersionId || s.schemeVersionId === ref.schemeVersionId),
  );
  if (!workspace || !slot) return null;
  const [units, cellOf] = await Promise.all([enrolledUnits(db(), cycleId, query.q), ownCells(db(), cycleId, actor.organisationId)]);
  const rows = units
    .filter((u) => slot.unitKinds.includes(u.kind as SourceSlot["unitKinds"][number]))
    .map((u) => ({ unitId: u.id, unitName: u.name, ...cellOf(u.id, slot) }))
    .filter((r) => query.only !== "missing" || r.status.kind === "missing");
  const page = rows.slice((query.page - 1) * SLOT_PAGE_SIZE, query.page * SLOT_PAGE_SIZE);
  return { workspace, slot, rows: page, total: rows.length };
}

const evidenceSelect = { id: true, originalName: true, size: true, mimeType: true } as const;

/** One cell of the caller: its answer, every record (withdrawn ones too) with evidence, or null. */
export async function cellDetail(actor: Actor, ref: { cycleId: string; unitId: string; indicatorCode: string; subKey: string }) {
  const workspace = await sourceWorkspace(actor, ref.cycleId);
  if (!workspace) return null;
  let scope;
  try {
    scope = await slotForUnit(db(), actor.organisationId, ref);
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
  const where = { cycleId: ref.cycleId, sourceOrgId: actor.organisationId, unitId: ref.unitId, indicatorCode: ref.indicatorCode, subKey: ref.subKey };
  const [entry, records] = await Promise.all([
    db().factEntry.findUnique({ where: { cycleId_sourceOrgId_unitId_indicatorCode_subKey: where }, select: { id: true, answer: true, value: true, version: true, updatedAt: true } }),
    db().factRecord.findMany({ where, orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], include: { evidence: { select: evidenceSelect } } }),
  ]);
  const entryEvidence = entry ? await db().evidence.findMany({ where: { entryId: entry.id }, select: evidenceSelect }) : [];
  const live = records.filter((r) => !r.withdrawnAt).length;
  const status = sourceCellStatus(scope.slot.mode, entry?.answer as FactAnswerKind | undefined, live);
  return { workspace, ...scope, entry, entryEvidence, records, status };
}

export type UnitCycleRow = CycleHead;

/** Cycles the caller's own organisation is enrolled in (drafts are not shown). */
export async function listUnitCycles(actor: Actor): Promise<UnitCycleRow[]> {
  return db().cycle.findMany({
    where: { status: { not: "draft" }, units: { some: { organisationId: actor.organisationId } } },
    select: cycleSelect,
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
  });
}

/**
 * What was reported about the caller's own organisation in one cycle: per slot of its scheme, the
 * live records and the answers with their sources. Never another unit's data: the unit is the
 * caller's organisation, not a parameter.
 */
export async function unitReportedData(actor: Actor, cycleId: string) {
  const unitId = actor.organisationId;
  const enrolled = await db().cycleUnit.findFirst({
    where: { cycleId, organisationId: unitId, cycle: { status: { not: "draft" } } },
    select: { unitKind: true, issuedAt: true, cycle: { select: cycleSelect } },
  });
  if (!enrolled) return null;
  const scheme = await db().cycleScheme.findUnique({
    where: { cycleId_unitKind: { cycleId, unitKind: enrolled.unitKind } },
    select: { schemeVersion: { select: { document: true, name: true } } },
  });
  const [entries, records, sources] = await Promise.all([
    db().factEntry.findMany({ where: { cycleId, unitId }, select: { id: true, unitId: true, sourceOrgId: true, indicatorCode: true, subKey: true, answer: true, value: true, updatedAt: true } }),
    db().factRecord.findMany({ where: { cycleId, unitId, withdrawnAt: null }, include: { evidence: { select: evidenceSelect } }, orderBy: { occurredOn: "asc" } }),
    db().organisation.findMany({ where: { assignments: { some: { cycleId } } }, select: { id: true, name: true } }),
  ]);
  const sourceName = (id: string) => sources.find((s) => s.id === id)?.name ?? "—";
  const slots = scheme ? reportingSlots(readStoredDocument(scheme.schemeVersion.document)) : [];
  const reported = slots.map((slot) => {
    const here = <T extends { indicatorCode: string; subKey: string }>(r: T) => r.indicatorCode === slot.indicatorCode && r.subKey === slot.subKey;
    return {
      slot,
      records: records.filter(here).map((r) => ({ ...r, sourceName: sourceName(r.sourceOrgId) })),
      answers: entries.filter((e) => here(e) && e.answer !== "records").map((e) => ({ ...e, sourceName: sourceName(e.sourceOrgId) })),
    };
  });
  return { cycle: enrolled.cycle, unitKind: enrolled.unitKind, issuedAt: enrolled.issuedAt, schemeName: scheme?.schemeVersion.name ?? null, reported };
}

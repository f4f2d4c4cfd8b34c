import "server-only";
import { db } from "@/lib/db/client";
import type { UnitKind } from "@/lib/orgs/kinds";
import { loadCycleSlots, type CycleSlot } from "./cycle-slots";
import { correctionRefusal } from "./correction-policy";
import { CORRECTION_OPERATIONS, type CorrectionOperation } from "./correction-schema";
import { answersSlot, deriveSlot, sourceCellStatus, type CellStatus, type FactAnswerKind, type SlotOutcome } from "./derive";

/*
 * What the office sees when it corrects one cell of a unit: the slot, every source that answers it
 * with its answer and records (withdrawn ones too), what the cell derives to now (so staff see what
 * is still missing), and the corrections already made to it.
 */

const evidenceSelect = { id: true, originalName: true, size: true } as const;

export type CorrectionRecord = {
  id: string;
  itemKey: string;
  occurredOn: string;
  description: string;
  referenceNo: string | null;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  evidence: { id: string; originalName: string; size: number }[];
};

export type CorrectionSourceCell = {
  sourceOrgId: string;
  name: string;
  lead: boolean;
  entry: { id: string; answer: FactAnswerKind; value: unknown; version: number; updatedAt: Date } | null;
  entryEvidence: { id: string; originalName: string; size: number }[];
  status: CellStatus;
  live: CorrectionRecord[];
  withdrawn: CorrectionRecord[];
};

export type CorrectionHistoryRow = { id: string; at: Date; actorName: string | null; operation: CorrectionOperation | null; sourceName: string; reason: string };

export type CorrectionView = {
  cycle: { id: string; name: string; year: number; status: string; collectionDeadline: string };
  unit: { id: string; name: string; kind: UnitKind; issuedAt: Date | null };
  slot: CycleSlot;
  /** Why the cell cannot be corrected now, or null. */
  refusal: string | null;
  /** The cell derived from every source's answer now: fact, not applicable, pending (who owes it) or a problem. */
  outcome: SlotOutcome;
  sourceNames: Record<string, string>;
  /** Sources that answer the slot (records and yes/no: all; other values: the lead). */
  sources: CorrectionSourceCell[];
  /** Sources assigned to the slot that do not answer it (not the lead of a single value). */
  others: { sourceOrgId: string; name: string }[];
  corrections: CorrectionHistoryRow[];
};

export type CorrectionCellRef = { cycleId: string; unitId: string; indicatorCode: string; subKey: string };

/** A composite indicator asked for as a whole: its sub-items, each corrected on its own. */
export type CorrectionItems = { cycle: CorrectionView["cycle"]; unit: CorrectionView["unit"]; indicatorName: string; items: { subKey: string; name: string }[] };

const HISTORY_SHOWN = 20;

const isOperation = (v: unknown): v is CorrectionOperation => typeof v === "string" && (CORRECTION_OPERATIONS as readonly string[]).includes(v);

async function history(ref: CorrectionCellRef, names: Record<string, string>): Promise<CorrectionHistoryRow[]> {
  const rows = await db().auditLog.findMany({
    where: {
      action: "collection.corrected",
      AND: [
        { meta: { path: ["cycleId"], equals: ref.cycleId } },
        { meta: { path: ["unitId"], equals: ref.unitId } },
        { meta: { path: ["indicator"], equals: ref.indicatorCode } },
        { meta: { path: ["subKey"], equals: ref.subKey } },
      ],
    },
    orderBy: { id: "desc" },
    take: HISTORY_SHOWN,
    select: { id: true, at: true, actorName: true, meta: true },
  });
  return rows.map((r) => {
    const meta = (r.meta ?? {}) as Record<string, unknown>;
    const sourceOrgId = typeof meta.sourceOrgId === "string" ? meta.sourceOrgId : "";
    return {
      id: String(r.id),
      at: r.at,
      actorName: r.actorName,
      operation: isOperation(meta.operation) ? meta.operation : null,
      sourceName: names[sourceOrgId] ?? (typeof meta.source === "string" ? meta.source : "—"),
      reason: typeof meta.reason === "string" ? meta.reason : "",
    };
  });
}

/** The slot of one enrolled unit's scheme, or null (the action builds the value from the form with its rule). */
export async function correctionSlot(ref: CorrectionCellRef): Promise<CycleSlot | null> {
  const enrolled = await db().cycleUnit.findUnique({ where: { cycleId_organisationId: { cycleId: ref.cycleId, organisationId: ref.unitId } }, select: { unitKind: true } });
  if (!enrolled) return null;
  const { slots } = await loadCycleSlots(db(), ref.cycleId);
  return slots.find((s) => s.unitKind === enrolled.unitKind && s.indicatorCode === ref.indicatorCode && s.subKey === ref.subKey) ?? null;
}

/** The correction view of one cell, the sub-items of a composite indicator, or null (no such cell). */
export async function correctionView(ref: CorrectionCellRef): Promise<CorrectionView | CorrectionItems | null> {
  const client = db();
  const [cycle, enrolment, sentBack] = await Promise.all([
    client.cycle.findUnique({ where: { id: ref.cycleId }, select: { id: true, name: true, year: true, status: true, collectionDeadline: true } }),
    client.cycleUnit.findUnique({
      where: { cycleId_organisationId: { cycleId: ref.cycleId, organisationId: ref.unitId } },
      select: { unitKind: true, issuedAt: true, request: { select: { status: true } }, organisation: { select: { id: true, name: true } } },
    }),
    client.approvalUnit.count({ where: { cycleId: ref.cycleId, unitId: ref.unitId, resolvedAt: null } }),
  ]);
  if (!cycle || !enrolment) return null;
  const unit = { id: enrolment.organisation.id, name: enrolment.organisation.name, kind: enrolment.unitKind, issuedAt: enrolment.issuedAt };
  const { slots } = await loadCycleSlots(client, cycle.id);
  const ofUnit = slots.filter((s) => s.unitKind === unit.kind && s.indicatorCode === ref.indicatorCode);
  const slot = ofUnit.find((s) => s.subKey === ref.subKey);
  if (!slot) {
    const items = ofUnit.filter((s) => s.subKey !== "");
    if (ref.subKey !== "" || items.length === 0) return null;
    return { cycle, unit, indicatorName: items[0]!.name.split(" · ")[0] ?? ref.indicatorCode, items: items.map((s) => ({ subKey: s.subKey, name: s.name })) };
  }

  const cell = { cycleId: cycle.id, unitId: unit.id, indicatorCode: slot.indicatorCode, subKey: slot.subKey };
  const assigned = slot.bound.sources;
  const [entries, records, orgs] = await Promise.all([
    client.factEntry.findMany({ where: cell, select: { id: true, sourceOrgId: true, answer: true, value: true, version: true, updatedAt: true } }),
    client.factRecord.findMany({ where: cell, orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], include: { evidence: { select: evidenceSelect } } }),
    client.organisation.findMany({ where: { id: { in: assigned.map((s) => s.sourceOrgId) } }, select: { id: true, name: true } }),
  ]);
  const names: Record<string, string> = Object.fromEntries(orgs.map((o) => [o.id, o.name]));
  const entryEvidence = await client.evidence.findMany({ where: { entryId: { in: entries.map((e) => e.id) } }, select: { ...evidenceSelect, entryId: true } });

  const outcome = deriveSlot(
    slot.bound,
    entries.map((e) => ({ indicatorCode: slot.indicatorCode, subKey: slot.subKey, sourceOrgId: e.sourceOrgId, answer: e.answer as FactAnswerKind, value: e.value })),
    records.map((r) => ({ indicatorCode: r.indicatorCode, subKey: r.subKey, sourceOrgId: r.sourceOrgId, itemKey: r.itemKey, withdrawnAt: r.withdrawnAt })),
  );
  const toRow = (r: (typeof records)[number]): CorrectionRecord => ({
    id: r.id, itemKey: r.itemKey, occurredOn: r.occurredOn, description: r.description, referenceNo: r.referenceNo,
    createdAt: r.createdAt, withdrawnAt: r.withdrawnAt, withdrawReason: r.withdrawReason, evidence: r.evidence,
  });
  const sources: CorrectionSourceCell[] = [];
  const others: CorrectionView["others"] = [];
  for (const s of assigned) {
    const name = names[s.sourceOrgId] ?? s.sourceOrgId;
    if (!answersSlot(slot, assigned, s.sourceOrgId)) {
      others.push({ sourceOrgId: s.sourceOrgId, name });
      continue;
    }
    const entry = entries.find((e) => e.sourceOrgId === s.sourceOrgId) ?? null;
    const mine = records.filter((r) => r.sourceOrgId === s.sourceOrgId);
    const live = mine.filter((r) => !r.withdrawnAt).map(toRow);
    sources.push({
      sourceOrgId: s.sourceOrgId,
      name,
      lead: s.lead,
      entry: entry && { id: entry.id, answer: entry.answer as FactAnswerKind, value: entry.value, version: entry.version, updatedAt: entry.updatedAt },
      entryEvidence: entry ? entryEvidence.filter((f) => f.entryId === entry.id).map(({ id, originalName, size }) => ({ id, originalName, size })) : [],
      status: sourceCellStatus(slot.mode, entry?.answer as FactAnswerKind | undefined, live.length),
      live,
      withdrawn: mine.filter((r) => r.withdrawnAt).map(toRow),
    });
  }
  return {
    cycle,
    unit,
    slot,
    refusal: correctionRefusal(cycle.status, unit.issuedAt, enrolment.request?.status === "filed" || sentBack > 0),
    outcome,
    sourceNames: names,
    sources,
    others,
    corrections: await history(cell, names),
  };
}

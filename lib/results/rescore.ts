import type { AuditActor } from "@/lib/auth/actor";
import { loadCycleSlots } from "@/lib/collection/cycle-slots";
import { deriveUnitFacts, type EntryInput, type RecordInput } from "@/lib/collection/derive";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { needsAllUnits } from "@/lib/results/plan";
import { scoreUnits, type UnitFacts, type UnitKind } from "@/lib/scoring";
import { Prisma } from "@/prisma/generated/client/client";

/*
 * Re-scores ONE unit from its facts as they now stand, after its initial result was issued: for a
 * decided re-evaluation request (lib/feedback/decide.ts) and for a unit a reviewer sent back
 * (lib/archive/approval.ts). Other units' results stand; where a rank rule compares units, the
 * unit's value is ranked against the other units' values of their issued results. The new result
 * is recorded as a one-unit run and becomes the unit's current (final) result.
 */

export type RescoreTarget = { cycleId: string; unitId: string; cycleUnitId: string; unitKind: string; issuedResultId: string | null };

async function scoreAlone(tx: Tx, unit: RescoreTarget) {
  const slots = await loadCycleSlots(tx, unit.cycleId);
  const scheme = slots.schemes.find((s) => s.unitKind === unit.unitKind);
  if (!scheme) throw new AppError("CONFLICT", "该单位类别没有指标体系");
  const bound = slots.slots.filter((s) => s.unitKind === unit.unitKind).map((s) => s.bound);
  const [entries, records] = await Promise.all([
    tx.factEntry.findMany({ where: { cycleId: unit.cycleId, unitId: unit.unitId }, select: { indicatorCode: true, subKey: true, sourceOrgId: true, answer: true, value: true } }),
    tx.factRecord.findMany({ where: { cycleId: unit.cycleId, unitId: unit.unitId, withdrawnAt: null }, select: { indicatorCode: true, subKey: true, sourceOrgId: true, itemKey: true } }),
  ]);
  const derived = deriveUnitFacts(bound, { entries: entries as EntryInput[], records: records as RecordInput[] });
  if (!derived.complete) {
    const problems = [...derived.pending.map((p) => `${p.indicatorCode}：缺少数据`), ...derived.problems.map((p) => `${p.indicatorCode}：${p.message}`)];
    throw new AppError("CONFLICT", `该单位的指标数据不完整，不能重新评分：${problems.join("；")}`);
  }
  const units: UnitFacts[] = [{ code: unit.unitId, facts: derived.facts }];
  if (needsAllUnits(scheme.document)) {
    const others = await tx.$queryRaw<{ unit_id: string; facts: Record<string, unknown> }[]>`
      SELECT r.unit_id, r.facts FROM cycle_unit cu JOIN unit_result r ON r.id = COALESCE(cu.issued_result_id, cu.current_result_id)
       WHERE cu.cycle_id = ${unit.cycleId} AND cu.unit_kind::text = ${unit.unitKind} AND cu.organisation_id <> ${unit.unitId}`;
    units.push(...others.map((o) => ({ code: o.unit_id, facts: o.facts })));
  }
  const outcome = scoreUnits(scheme.document, units);
  if (!outcome.ok) throw new AppError("CONFLICT", `重新评分失败：${outcome.problems.slice(0, 5).map((p) => p.message).join("；")}`);
  return { result: outcome.results[0]!, facts: derived.facts, schemeVersionId: scheme.schemeVersionId };
}

/** Scores the unit alone and makes the new result its current one; returns the stored result. */
export async function rescoreUnit(tx: Tx, actor: NonNullable<AuditActor>, unit: RescoreTarget) {
  const initial = unit.issuedResultId ? await tx.unitResult.findUniqueOrThrow({ where: { id: unit.issuedResultId } }) : null;
  const { result, facts, schemeVersionId } = await scoreAlone(tx, unit);
  const at = now();
  const last = await tx.scoringRun.aggregate({ where: { cycleId: unit.cycleId }, _max: { number: true } });
  const run = await tx.scoringRun.create({
    data: {
      cycleId: unit.cycleId, number: (last._max.number ?? 0) + 1, status: "succeeded", selectedUnitIds: [unit.unitId],
      startedById: actor.id, startedByName: actor.displayName, startedAt: at, finishedAt: at, unitCount: 1,
    },
  });
  await tx.scoringRunProgress.create({ data: { runId: run.id, phase: "done", done: 1, total: 1 } });
  const stored = await tx.unitResult.create({
    data: {
      runId: run.id, cycleId: unit.cycleId, unitId: unit.unitId, unitKind: unit.unitKind as UnitKind,
      schemeVersionId, total: new Prisma.Decimal(result.total), grade: result.grade, rank: initial?.rank ?? result.rank,
      categories: result.categories as unknown as Prisma.InputJsonValue, indicators: result.indicators as unknown as Prisma.InputJsonValue, facts: facts as Prisma.InputJsonValue,
    },
  });
  await tx.cycleUnit.update({ where: { id: unit.cycleUnitId }, data: { currentResultId: stored.id, version: { increment: 1 } } });
  return { stored, initial, at };
}

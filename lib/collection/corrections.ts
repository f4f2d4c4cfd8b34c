import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { UnitKind } from "@/lib/orgs/kinds";
import { factSchemaFor } from "@/lib/scoring";
import { Prisma } from "@/prisma/generated/client/client";
import { loadCycleSlots, type CycleSlot } from "./cycle-slots";
import { correctionRefusal } from "./correction-policy";
import { writeEntry, type EntryData } from "./entry-write";
import {
  correctAddRecordSchema,
  correctionTargetSchema,
  correctNoneSchema,
  correctNotApplicableSchema,
  correctValueSchema,
  correctWithdrawSchema,
  type CorrectionOperation,
  type CorrectionTarget,
} from "./correction-schema";
import { beijingDate } from "./deadline";
import { answersSlot } from "./derive";
import { recordDateProblem } from "./record-dates";

/*
 * The office corrects one cell (cycle, unit, indicator, sub-item) on behalf of an assigned source
 * once collection has closed (spec/workflow.md "scoring": correct facts with a reason). The fact
 * stays the source's (source_org_id); who changed it is the office user (updated_by / created_by),
 * and why is in the "collection.corrected" audit row written in the same transaction. Allowed in
 * scoring and feedback, until the unit's initial result is issued. Records are never overwritten.
 */

type Problems = Record<string, string[]>;

function problemsOf(result: z.ZodSafeParseResult<unknown>): Problems {
  const out: Problems = {};
  if (!result.success) for (const issue of result.error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

function refuseIfAny(problems: Problems): void {
  if (Object.keys(problems).length > 0) throw new AppError("INVALID", "提交的内容有误，请按提示修改", problems);
}

/** Parses the whole input; a problem found later (the value, the date) is reported together with these. */
function check<S extends z.ZodType>(schema: S, raw: unknown): { input: z.output<S> | null; target: CorrectionTarget; problems: Problems } {
  const parsed = schema.safeParse(raw);
  const problems = problemsOf(parsed);
  const target = correctionTargetSchema.safeParse(raw);
  if (!target.success) refuseIfAny({ ...problemsOf(target), ...problems });
  return { input: parsed.success ? parsed.data : null, target: target.data!, problems };
}

const field = (raw: unknown, key: string): unknown => (typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[key] : undefined);

function requireCorrector(actor: Actor): void {
  if (!hasPermission(actor.roles, "correct:facts:any")) throw new AppError("NOT_FOUND");
}

export type CorrectionScope = {
  cycle: { id: string; name: string; year: number; status: string; collectionDeadline: string };
  unit: { id: string; name: string; kind: UnitKind };
  slot: CycleSlot;
  source: { id: string; name: string };
};

/**
 * Locks the cycle and the unit's enrolment (so issuing or a state change waits for the correction)
 * and checks that the cell may be corrected for this source; refuses otherwise.
 */
async function correctableCell(tx: Tx, target: CorrectionTarget): Promise<CorrectionScope> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cycle WHERE id = ${target.cycleId} FOR SHARE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  const [enrolment] = await tx.$queryRaw<{ unit_kind: UnitKind; issued_at: Date | null; under_review: boolean }[]>`
    SELECT cu.unit_kind::text AS unit_kind, cu.issued_at,
           (EXISTS (SELECT 1 FROM reevaluation_request r WHERE r.cycle_unit_id = cu.id AND r.status = 'filed')
            OR EXISTS (SELECT 1 FROM approval_unit a WHERE a.cycle_id = cu.cycle_id AND a.unit_id = cu.organisation_id AND a.resolved_at IS NULL)) AS under_review
      FROM cycle_unit cu
     WHERE cu.cycle_id = ${target.cycleId} AND cu.organisation_id = ${target.unitId} FOR SHARE OF cu`;
  if (!enrolment) throw new AppError("NOT_FOUND");
  const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: target.cycleId }, select: { id: true, name: true, year: true, status: true, collectionDeadline: true } });
  const refusal = correctionRefusal(cycle.status, enrolment.issued_at, enrolment.under_review);
  if (refusal) throw new AppError("CONFLICT", refusal);
  const { slots } = await loadCycleSlots(tx, cycle.id);
  const slot = slots.find((s) => s.unitKind === enrolment.unit_kind && s.indicatorCode === target.indicatorCode && s.subKey === target.subKey);
  if (!slot) throw new AppError("NOT_FOUND");
  const [unit, source] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: target.unitId }, select: { id: true, name: true } }),
    tx.organisation.findUnique({ where: { id: target.sourceOrgId }, select: { id: true, name: true } }),
  ]);
  const sources = slot.bound.sources;
  if (!source || !sources.some((s) => s.sourceOrgId === source.id)) {
    throw new AppError("INVALID", "该单位不是这个指标的数据来源单位，不能代其更正", { sourceOrgId: ["不是该指标的数据来源单位"] });
  }
  if (!answersSlot(slot, sources, source.id)) {
    throw new AppError("INVALID", "该指标为单值指标，以牵头数据来源单位的填报为准，请更正牵头单位的数据", { sourceOrgId: ["不是该指标的牵头数据来源单位"] });
  }
  return { cycle, unit: { ...unit, kind: enrolment.unit_kind }, slot, source };
}

const cellWhere = (t: CorrectionTarget) => ({ cycleId: t.cycleId, sourceOrgId: t.sourceOrgId, unitId: t.unitId, indicatorCode: t.indicatorCode, subKey: t.subKey });

const liveRecords = (tx: Tx, t: CorrectionTarget) => tx.factRecord.count({ where: { ...cellWhere(t), withdrawnAt: null } });

/** The source's answer, rewritten by the office with optimistic locking (expectedVersion 0 = no answer yet). */
const putEntry = (tx: Tx, actor: Actor, t: CorrectionTarget, expectedVersion: number, data: EntryData) => writeEntry(tx, actor.id, cellWhere(t), expectedVersion, data);

const entryState = (entry: { answer: string; value: unknown; version: number } | null) => entry && { answer: entry.answer, value: entry.value, version: entry.version };

type AuditFacts = { entityType: "fact_entry" | "fact_record"; entityId: string; before?: unknown; after?: unknown; reason: string; operation: CorrectionOperation };

const audit = (tx: Tx, actor: Actor, scope: CorrectionScope, facts: AuditFacts, ip?: string | null) =>
  writeAudit(tx, {
    actor,
    action: "collection.corrected",
    entityType: facts.entityType,
    entityId: facts.entityId,
    before: facts.before,
    after: facts.after,
    meta: {
      reason: facts.reason,
      operation: facts.operation,
      cycleId: scope.cycle.id,
      unitId: scope.unit.id,
      unit: scope.unit.name,
      indicator: scope.slot.indicatorCode,
      subKey: scope.slot.subKey,
      sourceOrgId: scope.source.id,
      source: scope.source.name,
    },
    ip,
  });

/** A single value for the source, checked with the engine's own fact schema. */
export async function correctValue(actor: Actor, raw: unknown, ip?: string | null): Promise<{ version: number }> {
  requireCorrector(actor);
  const { input, target, problems } = check(correctValueSchema, raw);
  return db().$transaction(async (tx) => {
    const scope = await correctableCell(tx, target);
    if (scope.slot.mode !== "value") throw new AppError("INVALID", "该指标按记录填报，请逐条补录或撤回记录");
    const value = field(raw, "value");
    const checked = factSchemaFor(scope.slot.rule, scope.slot.max).safeParse(value);
    if (!checked.success) problems.value = checked.error.issues.map((i) => i.message);
    refuseIfAny(problems);
    const ok = input!;
    const { before, after } = await putEntry(tx, actor, target, ok.expectedVersion, { answer: "value", value: ok.value as Prisma.InputJsonValue });
    await audit(tx, actor, scope, { entityType: "fact_entry", entityId: after.id, before: entryState(before), after: entryState(after), reason: ok.correctionReason, operation: "value" }, ip);
    return { version: after.version };
  });
}

/** "无" for the source: no events for this unit. Refused while the cell has live records. */
export async function correctToNone(actor: Actor, raw: unknown, ip?: string | null): Promise<{ version: number }> {
  requireCorrector(actor);
  const { input, target, problems } = check(correctNoneSchema, raw);
  refuseIfAny(problems);
  const ok = input!;
  return db().$transaction(async (tx) => {
    const scope = await correctableCell(tx, target);
    if (scope.slot.mode !== "records") throw new AppError("INVALID", "单值指标不能填报“无”，请更正数值");
    const count = await liveRecords(tx, target);
    if (count > 0) throw new AppError("CONFLICT", `该来源单位已报送${count}条有效记录，不能更正为“无”；如记录有误，请先撤回`);
    const { before, after } = await putEntry(tx, actor, target, ok.expectedVersion, { answer: "none", value: Prisma.DbNull });
    await audit(tx, actor, scope, { entityType: "fact_entry", entityId: after.id, before: entryState(before), after: entryState(after), reason: ok.correctionReason, operation: "none" }, ip);
    return { version: after.version };
  });
}

/** 不涉及 for the source, with the reason kept on the answer; refused while the cell has live records. */
export async function correctToNotApplicable(actor: Actor, raw: unknown, ip?: string | null): Promise<{ version: number }> {
  requireCorrector(actor);
  const { input, target, problems } = check(correctNotApplicableSchema, raw);
  refuseIfAny(problems);
  const ok = input!;
  return db().$transaction(async (tx) => {
    const scope = await correctableCell(tx, target);
    const count = await liveRecords(tx, target);
    if (count > 0) throw new AppError("CONFLICT", `该来源单位已报送${count}条有效记录，不能更正为“不涉及”；如记录有误，请先撤回`);
    const { before, after } = await putEntry(tx, actor, target, ok.expectedVersion, { answer: "not_applicable", value: { reason: ok.reason } });
    await audit(tx, actor, scope, { entityType: "fact_entry", entityId: after.id, before: entryState(before), after: entryState(after), reason: ok.correctionReason, operation: "not_applicable" }, ip);
    return { version: after.version };
  });
}

/** A record the source did not report (attributed to the source, created by the office user). */
export async function correctAddRecord(actor: Actor, raw: unknown, ip?: string | null): Promise<{ recordId: string }> {
  requireCorrector(actor);
  const { input, target, problems } = check(correctAddRecordSchema, raw);
  return db().$transaction(async (tx) => {
    const scope = await correctableCell(tx, target);
    const { slot, cycle } = scope;
    if (slot.mode !== "records") throw new AppError("INVALID", "该指标按单值填报，不能添加记录，请更正数值");
    const occurredOn = correctAddRecordSchema.shape.occurredOn.safeParse(field(raw, "occurredOn"));
    if (occurredOn.success) {
      const dateProblem = recordDateProblem(occurredOn.data, cycle.year, cycle.collectionDeadline, beijingDate(now()));
      if (dateProblem) problems.occurredOn = [dateProblem];
    }
    const itemKey = slot.recordItems.length > 0 ? String(field(raw, "itemKey") ?? "").trim() : "";
    if (slot.recordItems.length > 0 && !slot.recordItems.some((i) => i.key === itemKey)) {
      problems.itemKey = [slot.rule.kind === "award" ? "请选择奖励级别" : "请选择扣分项"];
    }
    refuseIfAny(problems);
    const ok = input!;
    const where = cellWhere(target);
    const record = await tx.factRecord.create({
      data: { ...where, itemKey, occurredOn: ok.occurredOn, description: ok.description, referenceNo: ok.referenceNo, createdById: actor.id },
    });
    await tx.factEntry.upsert({
      where: { cycleId_sourceOrgId_unitId_indicatorCode_subKey: where },
      create: { ...where, answer: "records", updatedById: actor.id },
      update: { answer: "records", value: Prisma.DbNull, updatedById: actor.id, version: { increment: 1 } },
    });
    const after = { itemKey, occurredOn: record.occurredOn, description: record.description, referenceNo: record.referenceNo };
    await audit(tx, actor, scope, { entityType: "fact_record", entityId: record.id, after, reason: ok.correctionReason, operation: "record_added" }, ip);
    return { recordId: record.id };
  });
}

/** Withdraws one of the source's records with a reason; the record stays, marked withdrawn. */
export async function correctWithdrawRecord(actor: Actor, raw: unknown, ip?: string | null): Promise<void> {
  requireCorrector(actor);
  const parsed = correctWithdrawSchema.safeParse(raw);
  refuseIfAny(problemsOf(parsed));
  const input = parsed.data!;
  await db().$transaction(async (tx) => {
    const record = await tx.factRecord.findFirst({ where: { id: input.recordId, cycleId: input.cycleId } });
    if (!record) throw new AppError("NOT_FOUND");
    const scope = await correctableCell(tx, record);
    const at = now();
    const done = await tx.factRecord.updateMany({
      where: { id: record.id, withdrawnAt: null },
      data: { withdrawnAt: at, withdrawnById: actor.id, withdrawReason: input.reason },
    });
    if (done.count !== 1) throw new AppError("CONFLICT", "该记录已撤回");
    const before = { itemKey: record.itemKey, occurredOn: record.occurredOn, description: record.description, referenceNo: record.referenceNo };
    await audit(tx, actor, scope, { entityType: "fact_record", entityId: record.id, before, after: { withdrawnAt: at, withdrawReason: input.reason }, reason: input.correctionReason, operation: "record_withdrawn" }, ip);
  });
}

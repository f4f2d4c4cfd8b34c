import "server-only";
import type { z } from "zod";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { recordDateProblem } from "./record-dates";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyOrganisation, notifyRole } from "@/lib/notifications/mutations";
import { factSchemaFor } from "@/lib/scoring";
import { Prisma } from "@/prisma/generated/client/client";
import { lockSubmission, sourceSlots, writableCell, writeRefusal, type CellScope } from "./access";
import { unansweredCells } from "./data";
import { beijingDate, endOfBeijingDay, isPastDeadline } from "./deadline";
import { writeEntry, type EntryData } from "./entry-write";
import {
  addRecordSchema,
  markNoneSchema,
  markNotApplicableSchema,
  reopenSubmissionSchema,
  returnSubmissionSchema,
  saveValueSchema,
  slotRefSchema,
  submitSubmissionSchema,
  withdrawRecordSchema,
  type CellRef,
} from "./schema";

/*
 * The source's writes and the office's return/reopen (spec/workflow.md "Data collection"). Each is
 * one transaction with its audit row; the acting user is explicit. Records are never overwritten: a
 * correction withdraws one (with a reason) and adds another.
 */

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new AppError("INVALID", "提交的内容有误，请按提示修改", fieldErrors);
}

const cellWhere = (orgId: string, ref: CellRef) => ({
  cycleId: ref.cycleId,
  sourceOrgId: orgId,
  unitId: ref.unitId,
  indicatorCode: ref.indicatorCode,
  subKey: ref.subKey,
});

const liveRecords = (tx: Tx, orgId: string, ref: CellRef) => tx.factRecord.count({ where: { ...cellWhere(orgId, ref), withdrawnAt: null } });

/** Writes the source's answer for a cell with optimistic locking (expectedVersion 0 = no answer yet). */
const putEntry = (tx: Tx, actor: Actor, ref: CellRef, expectedVersion: number, data: EntryData) =>
  writeEntry(tx, actor.id, cellWhere(actor.organisationId, ref), expectedVersion, data);

async function linkEvidence(tx: Tx, actor: Actor, cycleId: string, ids: string[], link: { recordId: string } | { entryId: string }) {
  if (ids.length === 0) return;
  const linked = await tx.evidence.updateMany({
    where: { id: { in: ids }, ownerOrgId: actor.organisationId, cycleId, recordId: null, entryId: null },
    data: link,
  });
  if (linked.count !== new Set(ids).size) throw new AppError("INVALID", "佐证材料不存在或已被其他记录使用，请重新上传", { evidenceIds: ["佐证材料无效"] });
}

const audit = (tx: Tx, actor: Actor, action: string, scope: Pick<CellScope, "slot" | "unit">, extra: { entityType: string; entityId: string; before?: unknown; after?: unknown; meta?: Record<string, unknown> }, ip?: string | null) =>
  writeAudit(tx, { actor, action, ...extra, meta: { unit: scope.unit.name, indicator: scope.slot.indicatorCode, subKey: scope.slot.subKey, ...extra.meta }, ip });

/** A single value (grade, rate, yes/no, number, manual score), checked with the engine's own schema. */
export async function saveValue(actor: Actor, raw: unknown, ip?: string | null): Promise<{ version: number }> {
  const input = parse(saveValueSchema, raw);
  return db().$transaction(async (tx) => {
    const scope = await writableCell(tx, actor, input, now());
    if (scope.slot.mode !== "value") throw new AppError("INVALID", "该指标按记录填报，请逐条添加记录");
    const checked = factSchemaFor(scope.slot.rule, scope.slot.max).safeParse(input.value);
    if (!checked.success) throw new AppError("INVALID", "填报值有误，请按提示修改", { value: checked.error.issues.map((i) => i.message) });
    const { before, after } = await putEntry(tx, actor, input, input.expectedVersion, { answer: "value", value: input.value as Prisma.InputJsonValue });
    await linkEvidence(tx, actor, input.cycleId, input.evidenceIds, { entryId: after.id });
    await audit(tx, actor, "collection.value_saved", scope, { entityType: "fact_entry", entityId: after.id, before: before && { answer: before.answer, value: before.value }, after: { answer: after.answer, value: after.value } }, ip);
    return { version: after.version };
  });
}

/** One event (a finding, a complaint, a listing, an award) with its evidence; counts derive from records. */
export async function addRecord(actor: Actor, raw: unknown, ip?: string | null): Promise<{ recordId: string }> {
  const input = parse(addRecordSchema, raw);
  return db().$transaction(async (tx) => {
    const at = now();
    const scope = await writableCell(tx, actor, input, at);
    const { slot, unit, cycle } = scope;
    if (slot.mode !== "records") throw new AppError("INVALID", "该指标按单值填报，不能添加记录");
    const problems: Record<string, string[]> = {};
    const dateProblem = recordDateProblem(input.occurredOn, cycle.year, cycle.collectionDeadline, beijingDate(at));
    if (dateProblem) problems.occurredOn = [dateProblem];
    const itemKey = slot.recordItems.length > 0 ? input.itemKey : "";
    if (slot.recordItems.length > 0 && !slot.recordItems.some((i) => i.key === itemKey)) {
      problems.itemKey = [slot.rule.kind === "award" ? "请选择奖励级别" : "请选择扣分项"];
    }
    if (Object.keys(problems).length > 0) throw new AppError("INVALID", "提交的内容有误，请按提示修改", problems);
    const where = cellWhere(actor.organisationId, input);
    const record = await tx.factRecord.create({
      data: { ...where, itemKey, occurredOn: input.occurredOn, description: input.description, referenceNo: input.referenceNo, createdById: actor.id },
    });
    await tx.factEntry.upsert({
      where: { cycleId_sourceOrgId_unitId_indicatorCode_subKey: where },
      create: { ...where, answer: "records", updatedById: actor.id },
      update: { answer: "records", value: Prisma.DbNull, updatedById: actor.id, version: { increment: 1 } },
    });
    await linkEvidence(tx, actor, input.cycleId, input.evidenceIds, { recordId: record.id });
    if (slot.rule.kind === "deduction" || slot.rule.kind === "veto") {
      const item = slot.recordItems.find((i) => i.key === itemKey)?.label;
      const what = `“${slot.name}”${item ? `（${item}）` : ""}：${input.description}（${input.occurredOn}）`;
      await notifyRole(tx, "office", { kind: "collection.negative_record", title: `新的负面记录：${unit.name}`, body: `${actor.organisationName}报送了关于${unit.name}的记录，${what}`, link: `/cycles/${cycle.id}` });
      await notifyOrganisation(tx, unit.id, { kind: "collection.negative_record", title: "本单位有新的负面记录", body: `${actor.organisationName}报送了关于本单位的记录，${what}`, link: `/unit/${cycle.id}` }, "unit");
    }
    await audit(tx, actor, "collection.record_added", scope, { entityType: "fact_record", entityId: record.id, after: { itemKey, occurredOn: record.occurredOn, description: record.description, referenceNo: record.referenceNo, evidenceIds: input.evidenceIds } }, ip);
    return { recordId: record.id };
  });
}

/** Withdraws a record with a reason; the record stays, marked withdrawn, and no longer counts. */
export async function withdrawRecord(actor: Actor, raw: unknown, ip?: string | null): Promise<void> {
  const input = parse(withdrawRecordSchema, raw);
  await db().$transaction(async (tx) => {
    const record = await tx.factRecord.findFirst({ where: { id: input.recordId, sourceOrgId: actor.organisationId } });
    if (!record) throw new AppError("NOT_FOUND");
    const scope = await writableCell(tx, actor, record, now());
    const done = await tx.factRecord.updateMany({
      where: { id: record.id, withdrawnAt: null },
      data: { withdrawnAt: now(), withdrawnById: actor.id, withdrawReason: input.reason },
    });
    if (done.count !== 1) throw new AppError("CONFLICT", "该记录已撤回");
    await audit(tx, actor, "collection.record_withdrawn", scope, { entityType: "fact_record", entityId: record.id, before: { description: record.description }, meta: { reason: input.reason } }, ip);
  });
}

/** "无": no events for this unit. Refused while the cell has live records. */
export async function markNone(actor: Actor, raw: unknown, ip?: string | null): Promise<{ version: number }> {
  const input = parse(markNoneSchema, raw);
  return db().$transaction(async (tx) => {
    const scope = await writableCell(tx, actor, input, now());
    if (scope.slot.mode !== "records") throw new AppError("INVALID", "单值指标不能填报“无”，请填写数值");
    const count = await liveRecords(tx, actor.organisationId, input);
    if (count > 0) throw new AppError("CONFLICT", `该单位已有${count}条记录，不能标记为“无”；如记录有误，请先撤回`);
    const { before, after } = await putEntry(tx, actor, input, input.expectedVersion, { answer: "none", value: Prisma.DbNull });
    await audit(tx, actor, "collection.marked_none", scope, { entityType: "fact_entry", entityId: after.id, before: before && { answer: before.answer } }, ip);
    return { version: after.version };
  });
}

/** 不涉及 for one unit, with the reason; refused while the cell has live records. */
export async function markNotApplicable(actor: Actor, raw: unknown, ip?: string | null): Promise<{ version: number }> {
  const input = parse(markNotApplicableSchema, raw);
  return db().$transaction(async (tx) => {
    const scope = await writableCell(tx, actor, input, now());
    const count = await liveRecords(tx, actor.organisationId, input);
    if (count > 0) throw new AppError("CONFLICT", `该单位已有${count}条记录，不能标记为“不涉及”；如记录有误，请先撤回`);
    const { before, after } = await putEntry(tx, actor, input, input.expectedVersion, { answer: "not_applicable", value: { reason: input.reason } });
    await audit(tx, actor, "collection.marked_not_applicable", scope, { entityType: "fact_entry", entityId: after.id, before: before && { answer: before.answer, value: before.value }, meta: { reason: input.reason } }, ip);
    return { version: after.version };
  });
}

/** "全部无记录的单位标记为无": one set-based statement; units with live records or an answer keep theirs. */
export async function markNoneForAll(actor: Actor, raw: unknown, ip?: string | null): Promise<{ marked: number }> {
  const input = parse(slotRefSchema, raw);
  if (!hasPermission(actor.roles, "submit:facts:assigned")) throw new AppError("NOT_FOUND");
  return db().$transaction(async (tx) => {
    const { cycle, submission } = await lockSubmission(tx, input.cycleId, actor.organisationId);
    const slots = (await sourceSlots(tx, input.cycleId, actor.organisationId)).filter((s) => s.indicatorCode === input.indicatorCode && s.subKey === input.subKey);
    if (slots.length === 0) throw new AppError("NOT_FOUND");
    const refusal = writeRefusal(cycle, submission, now());
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    if (slots.some((s) => s.mode !== "records")) throw new AppError("INVALID", "只有按记录填报的指标可以批量标记为“无”");
    const kinds = [...new Set(slots.flatMap((s) => s.unitKinds))];
    const org = actor.organisationId;
    const rows = await tx.$queryRaw<{ unit_id: string }[]>`
      INSERT INTO fact_entry (id, cycle_id, source_org_id, unit_id, indicator_code, sub_key, answer, updated_by_id, version, updated_at)
      SELECT gen_random_uuid()::text, cu.cycle_id, ${org}, cu.organisation_id, ${input.indicatorCode}, ${input.subKey}, 'none', ${actor.id}, 1, now()
      FROM cycle_unit cu
      WHERE cu.cycle_id = ${input.cycleId} AND cu.unit_kind::text = ANY(${kinds}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM fact_record r
          WHERE r.cycle_id = cu.cycle_id AND r.source_org_id = ${org} AND r.unit_id = cu.organisation_id
            AND r.indicator_code = ${input.indicatorCode} AND r.sub_key = ${input.subKey} AND r.withdrawn_at IS NULL)
      ON CONFLICT (cycle_id, source_org_id, unit_id, indicator_code, sub_key) DO UPDATE
        SET answer = 'none', value = NULL, updated_by_id = EXCLUDED.updated_by_id, version = fact_entry.version + 1, updated_at = now()
        WHERE fact_entry.answer = 'records'
      RETURNING unit_id`;
    await writeAudit(tx, { actor, action: "collection.marked_none_for_all", entityType: "cycle", entityId: cycle.id, meta: { indicator: input.indicatorCode, subKey: input.subKey, marked: rows.length, unitIds: rows.map((r) => r.unit_id) }, ip });
    return { marked: rows.length };
  });
}

/** draft/returned → submitted; refused while any of the source's cells is unanswered (all listed). */
export async function submitSubmission(actor: Actor, raw: unknown, ip?: string | null): Promise<{ cells: number }> {
  const input = parse(submitSubmissionSchema, raw);
  if (!hasPermission(actor.roles, "submit:facts:assigned")) throw new AppError("NOT_FOUND");
  return db().$transaction(async (tx) => {
    const { cycle, submission } = await lockSubmission(tx, input.cycleId, actor.organisationId);
    const { cells, missing } = await unansweredCells(tx, input.cycleId, actor.organisationId);
    if (cells === 0) throw new AppError("NOT_FOUND");
    const refusal = writeRefusal(cycle, submission, now());
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    if (missing.length > 0) {
      const lines = missing.map((m) => `${m.unitName} · ${m.slotName}`);
      throw new AppError("INVALID", `还有${missing.length}项未填报，不能提交：${lines.slice(0, 5).join("；")}${missing.length > 5 ? " 等" : ""}`, { cells: lines });
    }
    await tx.submission.update({ where: { id: submission.id }, data: { status: "submitted", submittedAt: now(), submittedById: actor.id, version: { increment: 1 } } });
    await notifyRole(tx, "office", { kind: "collection.submitted", title: `${actor.organisationName}已提交报送`, body: `${cycle.name}：${actor.organisationName}已提交全部${cells}项报送数据。`, link: `/cycles/${cycle.id}` });
    await writeAudit(tx, { actor, action: "collection.submitted", entityType: "submission", entityId: submission.id, before: { status: submission.status }, after: { status: "submitted" }, meta: { cycleId: cycle.id, cells }, ip });
    return { cells };
  });
}

async function officeSubmission(tx: Tx, actor: Actor, cycleId: string, sourceOrgId: string) {
  if (!hasPermission(actor.roles, "manage:cycles:any")) throw new AppError("NOT_FOUND");
  const assigned = await tx.sourceAssignment.count({ where: { cycleId, sourceOrgId } });
  if (assigned === 0) throw new AppError("NOT_FOUND");
  const locked = await lockSubmission(tx, cycleId, sourceOrgId);
  if (locked.cycle.status !== "collecting") throw new AppError("CONFLICT", "该评价周期不在数据归集阶段");
  return locked;
}

/** Office: submitted → returned, with a comment the source sees. */
export async function returnSubmission(actor: Actor, raw: unknown, ip?: string | null): Promise<void> {
  const input = parse(returnSubmissionSchema, raw);
  await db().$transaction(async (tx) => {
    const { cycle, submission } = await officeSubmission(tx, actor, input.cycleId, input.sourceOrgId);
    if (submission.status !== "submitted") throw new AppError("CONFLICT", "该单位尚未提交报送，无需退回");
    const at = now();
    if (isPastDeadline(cycle.collectionDeadline, at) && !(submission.reopenedUntil && submission.reopenedUntil > at)) {
      throw new AppError("CONFLICT", "已过数据归集截止日期，退回后对方无法修改；请改用“重新开放”并填写开放截止日期");
    }
    await tx.submission.update({ where: { id: submission.id }, data: { status: "returned", returnComment: input.comment, version: { increment: 1 } } });
    await notifyOrganisation(tx, input.sourceOrgId, { kind: "collection.returned", title: "报送被信用办退回", body: `${cycle.name}：${input.comment}`, link: `/collect/${cycle.id}` }, "source");
    await writeAudit(tx, { actor, action: "collection.returned", entityType: "submission", entityId: submission.id, before: { status: submission.status }, after: { status: "returned" }, meta: { cycleId: cycle.id, sourceOrgId: input.sourceOrgId, comment: input.comment }, ip });
  });
}

/** Office: lets a source change its data until the end of `until` (Beijing), with a reason. */
export async function reopenSubmission(actor: Actor, raw: unknown, ip?: string | null): Promise<{ until: Date }> {
  const input = parse(reopenSubmissionSchema, raw);
  return db().$transaction(async (tx) => {
    const { cycle, submission } = await officeSubmission(tx, actor, input.cycleId, input.sourceOrgId);
    const until = endOfBeijingDay(input.until);
    if (input.until < beijingDate(now())) throw new AppError("INVALID", "开放截止日期不能早于今天", { until: ["开放截止日期不能早于今天"] });
    const status = submission.status === "submitted" ? "returned" : submission.status;
    await tx.submission.update({
      where: { id: submission.id },
      data: { status, reopenedUntil: until, reopenReason: input.reason, ...(status !== submission.status ? { returnComment: input.reason } : {}), version: { increment: 1 } },
    });
    await notifyOrganisation(tx, input.sourceOrgId, { kind: "collection.reopened", title: "信用办已重新开放报送", body: `${cycle.name}：可补报至${input.until}。原因：${input.reason}`, link: `/collect/${cycle.id}` }, "source");
    await writeAudit(tx, { actor, action: "collection.reopened", entityType: "submission", entityId: submission.id, before: { status: submission.status, reopenedUntil: submission.reopenedUntil }, after: { status, reopenedUntil: until }, meta: { cycleId: cycle.id, sourceOrgId: input.sourceOrgId, reason: input.reason }, ip });
    return { until };
  });
}

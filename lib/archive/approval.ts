// Approval of a cycle's final results (seed 004 Art. 11(6)): the office submits the cycle once every
// unit's result is final; a reviewer approves, or sends named units back with comments; the office
// handles each sent-back unit (corrects its facts and re-scores it, or keeps the result with an
// explanation) and the reviewers decide again. Every step is one transaction with its audit row.
import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import { lockCycle, parseInput } from "@/lib/cycles/lock";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyOrganisation, notifyRole } from "@/lib/notifications/mutations";
import { rescoreUnit } from "@/lib/results/rescore";
import { cycleFinality, openSendBacks, scoringRunning } from "./data";
import { approvalBlockers, resolveRefusal, reviewRefusal } from "./policy";

type Actor = NonNullable<AuditActor>;
const id = z.string().min(1).max(60);
const comment = (what: string) => z.string().trim().min(2, `请填写${what}（至少2个字）`).max(2000, `${what}不能超过2000字`);

export const openApprovalSchema = z.object({ cycleId: id, version: z.coerce.number().int() });

/** feedback → approval, when every enrolled unit's result is final; the reviewers are told. */
export async function openApproval(client: PrismaClient, actor: Actor, raw: unknown, ip: string | null = null): Promise<void> {
  const input = parseInput(openApprovalSchema, raw);
  await client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId, input.version);
    const blockers = approvalBlockers(cycle.status, await cycleFinality(tx, cycle.id), await scoringRunning(tx, cycle.id));
    if (blockers.length > 0) throw new AppError("CONFLICT", `还不能提交审批：${blockers.join("；")}`);
    const at = now();
    await tx.cycle.update({ where: { id: cycle.id }, data: { status: "approval", approvalOpenedAt: at, approvalOpenedById: actor.id } });
    await writeAudit(tx, { actor, action: "cycle.approval_opened", entityType: "cycle", entityId: cycle.id, before: { status: cycle.status }, after: { status: "approval" }, meta: { name: cycle.name }, ip });
    await notifyRole(tx, "reviewer", {
      kind: "approval.opened", title: `${cycle.name}评价结果待审批`,
      body: "所有受评单位的评价结果均已确定，请审阅评价结果和评价报告，批准或退回修改。", link: `/review/${cycle.id}`,
    });
  });
}

export const decideApprovalSchema = z
  .object({
    cycleId: id,
    decision: z.enum(["approved", "sent_back"], { error: "请选择批准或退回" }),
    comment: comment("审批意见"),
    units: z.array(z.object({ unitId: id, comment: comment("退回理由") })).max(500, "一次最多退回500个单位").default([]),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "sent_back" && value.units.length === 0) ctx.addIssue({ code: "custom", path: ["units"], message: "退回时请至少选择一个单位并写明理由" });
    if (value.decision === "approved" && value.units.length > 0) ctx.addIssue({ code: "custom", path: ["units"], message: "批准时不能同时退回单位" });
    const seen = new Set<string>();
    value.units.forEach((u, i) => {
      if (seen.has(u.unitId)) ctx.addIssue({ code: "custom", path: ["units", i, "unitId"], message: "同一单位只能退回一次" });
      seen.add(u.unitId);
    });
  });
export type DecideApprovalInput = z.input<typeof decideApprovalSchema>;

async function lockForReview(tx: Tx, cycleId: string) {
  const [cycle] = await tx.$queryRaw<{ id: string; name: string; status: string; approved_at: Date | null }[]>`
    SELECT id, name, status::text AS status, approved_at FROM cycle WHERE id = ${cycleId} FOR UPDATE`;
  if (!cycle) throw new AppError("NOT_FOUND");
  return cycle;
}

/** A reviewer approves the cycle's final results, or sends named units back with comments. */
export async function decideApproval(client: PrismaClient, actor: Actor, raw: unknown, ip: string | null = null): Promise<{ round: number }> {
  const input = parseInput(decideApprovalSchema, raw);
  return client.$transaction(async (tx) => {
    const cycle = await lockForReview(tx, input.cycleId);
    const refusal = reviewRefusal({ status: cycle.status, approvedAt: cycle.approved_at, openSendBacks: await openSendBacks(tx, cycle.id) });
    if (refusal) throw new AppError("CONFLICT", refusal);
    if (input.units.length > 0) {
      const enrolled = await tx.cycleUnit.findMany({ where: { cycleId: cycle.id, organisationId: { in: input.units.map((u) => u.unitId) } }, select: { organisationId: true } });
      const known = new Set(enrolled.map((e) => e.organisationId));
      const unknown = input.units.map((u, i) => ({ ...u, i })).filter((u) => !known.has(u.unitId));
      if (unknown.length > 0) {
        throw new AppError("INVALID", "所选单位不是该周期的受评单位", Object.fromEntries(unknown.map((u) => [`units.${u.i}.unitId`, ["不是该周期的受评单位"]])));
      }
    }
    const last = await tx.cycleApproval.aggregate({ where: { cycleId: cycle.id }, _max: { round: true } });
    const round = (last._max.round ?? 0) + 1;
    const at = now();
    const approval = await tx.cycleApproval.create({
      data: {
        cycleId: cycle.id, round, decision: input.decision, comment: input.comment, decidedById: actor.id, decidedByName: actor.displayName, decidedAt: at,
        units: { create: input.units.map((u) => ({ cycleId: cycle.id, unitId: u.unitId, comment: u.comment })) },
      },
    });
    if (input.decision === "approved") {
      await tx.cycle.update({ where: { id: cycle.id }, data: { approvedAt: at, approvedById: actor.id, version: { increment: 1 } } });
    }
    await writeAudit(tx, {
      actor, action: input.decision === "approved" ? "cycle.approved" : "cycle.sent_back", entityType: "cycle", entityId: cycle.id,
      after: { round, decision: input.decision, comment: input.comment, units: input.units }, meta: { name: cycle.name, approvalId: approval.id }, ip,
    });
    await notifyRole(tx, "office", {
      kind: input.decision === "approved" ? "approval.approved" : "approval.sent_back",
      title: input.decision === "approved" ? `${cycle.name}评价结果已批准` : `${cycle.name}有${input.units.length}个单位被退回`,
      body: input.decision === "approved" ? `审批意见：${input.comment}。可以归档并生成汇编。` : `审批意见：${input.comment}。请逐一处理退回的单位。`,
      link: input.decision === "approved" ? `/cycles/${cycle.id}/archive` : `/cycles/${cycle.id}/approval`,
    });
    return { round };
  });
}

export const resolveSendBackSchema = z.object({
  cycleId: id,
  approvalUnitId: id,
  version: z.coerce.number().int(),
  resolution: z.enum(["rescored", "unchanged"], { error: "请选择处理方式" }),
  note: comment("处理说明"),
});
export type ResolveSendBackInput = z.input<typeof resolveSendBackSchema>;

/**
 * The office handles one sent-back unit: "rescored" scores the unit alone from its facts as they now
 * stand (corrected beforehand on the correction page) and makes that its final result; "unchanged"
 * keeps the result with the office's explanation. The unit is told when its result changes.
 */
export async function resolveSendBack(client: PrismaClient, actor: Actor, raw: unknown, ip: string | null = null): Promise<{ total: string | null }> {
  const input = parseInput(resolveSendBackSchema, raw);
  return client.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; version: number; resolved_at: Date | null; unit_id: string; comment: string; status: string; cycle_name: string; cycle_unit_id: string; unit_kind: string; issued_result_id: string | null; current_total: string | null; unit_name: string }[]>`
      SELECT a.id, a.version, a.resolved_at, a.unit_id, a.comment, c.status::text AS status, c.name AS cycle_name,
             cu.id AS cycle_unit_id, cu.unit_kind::text AS unit_kind, cu.issued_result_id, r.total::text AS current_total, o.name AS unit_name
        FROM approval_unit a JOIN cycle c ON c.id = a.cycle_id
        JOIN cycle_unit cu ON cu.cycle_id = a.cycle_id AND cu.organisation_id = a.unit_id
        JOIN organisation o ON o.id = a.unit_id
        LEFT JOIN unit_result r ON r.id = cu.current_result_id
       WHERE a.id = ${input.approvalUnitId} AND a.cycle_id = ${input.cycleId}
         FOR UPDATE OF a, cu`;
    if (!row) throw new AppError("NOT_FOUND");
    if (row.version !== input.version) throw new AppError("STALE");
    const refusal = resolveRefusal(row.status, row.resolved_at);
    if (refusal) throw new AppError("CONFLICT", refusal);
    const at = now();
    let total: string | null = row.current_total;
    let resultId: string | null = null;
    if (input.resolution === "rescored") {
      const { stored } = await rescoreUnit(tx, actor, { cycleId: input.cycleId, unitId: row.unit_id, cycleUnitId: row.cycle_unit_id, unitKind: row.unit_kind, issuedResultId: row.issued_result_id });
      await tx.cycleUnit.update({ where: { id: row.cycle_unit_id }, data: { adjustedAt: at } });
      total = stored.total.toFixed(2);
      resultId = stored.id;
    }
    await tx.approvalUnit.update({
      where: { id: row.id },
      data: { resolution: input.resolution, resolutionNote: input.note, resolvedAt: at, resolvedById: actor.id, resultId, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor, action: "approval.sendback_resolved", entityType: "approval_unit", entityId: row.id,
      before: { total: row.current_total }, after: { resolution: input.resolution, note: input.note, total, resultId },
      meta: { cycleId: input.cycleId, unit: row.unit_name }, ip,
    });
    if (input.resolution === "rescored") {
      await notifyOrganisation(tx, row.unit_id, {
        kind: "approval.rescored", title: `${row.cycle_name}评价结果经审批退回后重新评定`,
        body: `审批部门意见：${row.comment}。信用办重新评分后，本单位最终得分为${total}分。说明：${input.note}`, link: `/unit/${input.cycleId}/report`,
      }, "unit");
    }
    const remaining = await openSendBacks(tx, input.cycleId);
    if (remaining === 0) {
      await notifyRole(tx, "reviewer", {
        kind: "approval.resubmitted", title: `${row.cycle_name}退回的单位已处理完毕`, body: "请再次审阅并作出审批决定。", link: `/review/${input.cycleId}`,
      });
    }
    return { total };
  });
}

import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/cycles/lock";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyRole } from "@/lib/notifications/mutations";
import { Prisma } from "@/prisma/generated/client/client";
import { windowRefusal, type FeedbackFacts } from "./state";

/*
 * The unit's acts in its window (spec/workflow.md "The re-evaluation window"): confirm, file ONE
 * request, withdraw it before a decision. The unit's enrolment row is locked for the transaction,
 * the state is derived from the server's clock, and the unique constraint on
 * reevaluation_request.cycle_unit_id holds the one-shot rule even if two requests got past the lock.
 */

const ALREADY_FILED = "本单位已提出过复评申请，每个评价周期只能申请一次";

export const feedbackTargetSchema = z.object({ cycleId: z.string().min(1).max(60) });

export const requestItemSchema = z.object({
  indicatorCode: z.string().min(1, "请选择有异议的指标").max(60),
  reason: z.string().trim().min(5, "请写明理由（至少5个字）").max(2000, "理由不能超过2000字"),
});

export const fileRequestSchema = z.object({
  cycleId: z.string().min(1).max(60),
  items: z
    .array(requestItemSchema, { error: "请至少选择一个有异议的指标" })
    .min(1, "请至少选择一个有异议的指标")
    .max(100)
    .refine((items) => new Set(items.map((i) => i.indicatorCode)).size === items.length, "同一指标只能列一次"),
  evidenceIds: z.array(z.string().min(1).max(60)).max(50).default([]),
});
export type FileRequestInput = z.input<typeof fileRequestSchema>;

type Unit = { id: string; issued_result_id: string | null } & FeedbackFacts;

/** The unit's enrolment, locked, with what its state is derived from. */
async function lockUnit(tx: Tx, cycleId: string, unitId: string): Promise<Unit & { cycleName: string; unitName: string }> {
  const [row] = await tx.$queryRaw<{ id: string; issued_at: Date | null; feedback_ends_at: Date | null; confirmed_at: Date | null; issued_result_id: string | null; cycle_name: string; unit_name: string }[]>`
    SELECT cu.id, cu.issued_at, cu.feedback_ends_at, cu.confirmed_at, cu.issued_result_id, c.name AS cycle_name, o.name AS unit_name
      FROM cycle_unit cu JOIN cycle c ON c.id = cu.cycle_id JOIN organisation o ON o.id = cu.organisation_id
     WHERE cu.cycle_id = ${cycleId} AND cu.organisation_id = ${unitId} FOR UPDATE OF cu`;
  if (!row) throw new AppError("NOT_FOUND");
  const request = await tx.reevaluationRequest.findUnique({ where: { cycleUnitId: row.id }, select: { status: true, filedAt: true, withdrawnAt: true, decidedAt: true } });
  return {
    id: row.id, issued_result_id: row.issued_result_id, issuedAt: row.issued_at, feedbackEndsAt: row.feedback_ends_at, confirmedAt: row.confirmed_at,
    request, cycleName: row.cycle_name, unitName: row.unit_name,
  };
}

function refuseUnlessOpen(unit: Unit, at: Date): void {
  const refusal = windowRefusal(unit, at);
  if (refusal) throw new AppError("CONFLICT", refusal);
}

/** The unit accepts its initial result, which becomes final at once. */
export async function confirmResult(client: PrismaClient, actor: NonNullable<AuditActor>, raw: unknown, ip: string | null = null): Promise<{ confirmedAt: Date }> {
  const input = parseInput(feedbackTargetSchema, raw);
  return client.$transaction(async (tx) => {
    const unit = await lockUnit(tx, input.cycleId, actor.organisationId);
    const at = now();
    refuseUnlessOpen(unit, at);
    await tx.cycleUnit.update({ where: { id: unit.id }, data: { confirmedAt: at, confirmedById: actor.id, version: { increment: 1 } } });
    await writeAudit(tx, { actor, action: "feedback.confirmed", entityType: "cycle_unit", entityId: unit.id, after: { confirmedAt: at }, meta: { cycleId: input.cycleId, unit: unit.unitName }, ip });
    return { confirmedAt: at };
  });
}

/** The unit's one request: disputed indicators of its issued result, a reason each, evidence. */
export async function fileRequest(client: PrismaClient, actor: NonNullable<AuditActor>, raw: FileRequestInput, ip: string | null = null): Promise<{ requestId: string }> {
  const input = parseInput(fileRequestSchema, raw);
  try {
    return await client.$transaction(async (tx) => {
      const unit = await lockUnit(tx, input.cycleId, actor.organisationId);
      const at = now();
      refuseUnlessOpen(unit, at);
      const result = await tx.unitResult.findUniqueOrThrow({ where: { id: unit.issued_result_id! }, select: { indicators: true } });
      const codes = new Set((result.indicators as { code: string }[]).map((i) => i.code));
      const unknown = input.items.filter((i) => !codes.has(i.indicatorCode));
      if (unknown.length > 0) throw new AppError("INVALID", "所选指标不在本单位的评价结果中", { items: unknown.map((i) => `指标 ${i.indicatorCode} 不存在`) });
      const request = await tx.reevaluationRequest.create({
        data: {
          cycleUnitId: unit.id, cycleId: input.cycleId, unitId: actor.organisationId, filedAt: at, filedById: actor.id, filedByName: actor.displayName,
          items: { create: input.items.map((i) => ({ indicatorCode: i.indicatorCode, reason: i.reason })) },
        },
      });
      if (input.evidenceIds.length > 0) {
        const linked = await tx.evidence.updateMany({
          where: { id: { in: input.evidenceIds }, ownerOrgId: actor.organisationId, recordId: null, entryId: null, requestId: null },
          data: { requestId: request.id, cycleId: input.cycleId },
        });
        if (linked.count !== new Set(input.evidenceIds).size) throw new AppError("INVALID", "证明材料不存在或已被使用，请重新上传", { evidenceIds: ["证明材料无效"] });
      }
      await writeAudit(tx, {
        actor, action: "feedback.requested", entityType: "reevaluation_request", entityId: request.id,
        after: { filedAt: at, items: input.items, evidence: input.evidenceIds.length }, meta: { cycleId: input.cycleId, unit: unit.unitName }, ip,
      });
      await notifyRole(tx, "office", {
        kind: "feedback.requested",
        title: `${unit.unitName}提出复评申请`,
        body: `${unit.cycleName}：对${input.items.length}项指标有异议，请按规定复核并作出决定。`,
        link: `/cycles/${input.cycleId}/requests`,
      });
      return { requestId: request.id };
    });
  } catch (error) {
    // Two submissions that both passed the lock's check cannot both insert: the constraint answers.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", ALREADY_FILED);
    throw error;
  }
}

/** Withdrawing before a decision counts as confirming: the initial result becomes final. */
export async function withdrawRequest(client: PrismaClient, actor: NonNullable<AuditActor>, raw: unknown, ip: string | null = null): Promise<{ withdrawnAt: Date }> {
  const input = parseInput(feedbackTargetSchema, raw);
  return client.$transaction(async (tx) => {
    const unit = await lockUnit(tx, input.cycleId, actor.organisationId);
    if (unit.request?.status !== "filed") throw new AppError("CONFLICT", unit.request ? "复评申请已撤回或已有决定，不能撤回" : "本单位没有待处理的复评申请");
    const at = now();
    const request = await tx.reevaluationRequest.update({ where: { cycleUnitId: unit.id }, data: { status: "withdrawn", withdrawnAt: at } });
    await writeAudit(tx, { actor, action: "feedback.withdrawn", entityType: "reevaluation_request", entityId: request.id, before: { status: "filed" }, after: { status: "withdrawn", withdrawnAt: at }, meta: { cycleId: input.cycleId, unit: unit.unitName }, ip });
    return { withdrawnAt: at };
  });
}

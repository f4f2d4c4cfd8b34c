import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { parseInput } from "@/lib/cycles/lock";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";
import { notifyUsers } from "@/lib/notifications/mutations";
import { rescoreUnit } from "@/lib/results/rescore";
import { Prisma } from "@/prisma/generated/client/client";
import { fourEyesRefusal } from "./four-eyes";

/*
 * The office decides a re-evaluation request (spec/workflow.md): each disputed indicator upheld
 * (the facts corrected first, with a reason, on the correction page) or rejected, with a reason;
 * then the review is completed: ONLY this unit is re-scored from its facts as they now stand
 * (where a rank rule compares units, against the other units' values of the initial run), the
 * revised result becomes the unit's current and final result, and the unit is told. Four eyes: the
 * decider is not who ran the unit's scoring or edited its report, whenever the office has two or
 * more staff. Decisions are never overwritten.
 */

export const decideItemSchema = z.object({
  cycleId: z.string().min(1).max(60),
  requestId: z.string().min(1).max(60),
  indicatorCode: z.string().min(1).max(60),
  decision: z.enum(["upheld", "rejected"], { error: "请选择采纳或不予采纳" }),
  reason: z.string().trim().min(4, "请写明决定的理由（至少4个字）").max(2000, "理由不能超过2000字"),
});
export type DecideItemInput = z.input<typeof decideItemSchema>;

export const completeReviewSchema = z.object({ cycleId: z.string().min(1).max(60), requestId: z.string().min(1).max(60) });

type Locked = {
  id: string; cycle_id: string; cycle_name: string; cycle_status: string; unit_id: string; unit_name: string; status: string;
  cycle_unit_id: string; unit_kind: string; issued_result_id: string | null;
};

async function lockRequest(tx: Tx, cycleId: string, requestId: string): Promise<Locked> {
  const [row] = await tx.$queryRaw<Locked[]>`
    SELECT r.id, r.cycle_id, c.name AS cycle_name, c.status::text AS cycle_status, r.unit_id, o.name AS unit_name, r.status::text AS status,
           cu.id AS cycle_unit_id, cu.unit_kind::text AS unit_kind, cu.issued_result_id
      FROM reevaluation_request r JOIN cycle c ON c.id = r.cycle_id JOIN cycle_unit cu ON cu.id = r.cycle_unit_id JOIN organisation o ON o.id = r.unit_id
     WHERE r.id = ${requestId} AND r.cycle_id = ${cycleId} FOR UPDATE OF r, cu`;
  if (!row) throw new AppError("NOT_FOUND");
  if (row.cycle_status !== "feedback") throw new AppError("CONFLICT", "该评价周期不在反馈与复评阶段");
  if (row.status !== "filed") throw new AppError("CONFLICT", row.status === "withdrawn" ? "该复评申请已被撤回" : "该复评申请已有决定，不能再修改");
  return row;
}

export type FourEyesPeople = { officeStaff: number; scorer: { id: string | null; name: string | null } | null; editors: { id: string | null; name: string | null }[] };

/** Who the four-eyes rule looks at for a unit's request: the office's size, who scored it, who edited its report. */
export async function fourEyesPeople(client: PrismaClient | Tx, unit: { cycleId: string; unitId: string; issuedResultId: string | null }): Promise<FourEyesPeople> {
  const [officeStaff, issued, editors] = await Promise.all([
    client.user.count({ where: { active: true, roles: { has: "office" } } }),
    unit.issuedResultId ? client.unitResult.findUnique({ where: { id: unit.issuedResultId }, select: { run: { select: { startedById: true, startedByName: true } } } }) : null,
    client.reportText.findMany({ where: { cycleId: unit.cycleId, unitId: unit.unitId }, select: { editedById: true, editedByName: true }, distinct: ["editedById"] }),
  ]);
  return {
    officeStaff,
    scorer: issued ? { id: issued.run.startedById, name: issued.run.startedByName } : null,
    editors: editors.map((e) => ({ id: e.editedById, name: e.editedByName })),
  };
}

/** The four-eyes refusal for this actor (pure rule in four-eyes.ts over the people above). */
export function fourEyesFor(actorId: string, people: FourEyesPeople): string | null {
  return fourEyesRefusal({
    actorId, officeStaff: people.officeStaff, scorerId: people.scorer?.id ?? null,
    editorIds: people.editors.map((e) => e.id).filter((id): id is string => id !== null),
  });
}

/** Refuses the decider when the four-eyes rule says another staff member must decide. */
async function checkFourEyes(tx: Tx, actor: NonNullable<AuditActor>, request: Locked): Promise<void> {
  const refusal = fourEyesFor(actor.id, await fourEyesPeople(tx, { cycleId: request.cycle_id, unitId: request.unit_id, issuedResultId: request.issued_result_id }));
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

/** One disputed indicator: upheld or rejected, with the reason; final once recorded. */
export async function decideItem(client: PrismaClient, actor: NonNullable<AuditActor>, raw: DecideItemInput, ip: string | null = null): Promise<{ decided: number; open: number }> {
  const input = parseInput(decideItemSchema, raw);
  return client.$transaction(async (tx) => {
    const request = await lockRequest(tx, input.cycleId, input.requestId);
    await checkFourEyes(tx, actor, request);
    const item = await tx.requestItem.findUnique({ where: { requestId_indicatorCode: { requestId: request.id, indicatorCode: input.indicatorCode } } });
    if (!item) throw new AppError("NOT_FOUND");
    if (item.decision) throw new AppError("CONFLICT", "该指标已作出决定，决定不能修改");
    const at = now();
    await tx.requestItem.update({ where: { id: item.id }, data: { decision: input.decision, decisionReason: input.reason, decidedById: actor.id, decidedAt: at } });
    await writeAudit(tx, {
      actor, action: "feedback.item_decided", entityType: "request_item", entityId: item.id,
      after: { decision: input.decision, reason: input.reason }, meta: { cycleId: input.cycleId, requestId: request.id, unit: request.unit_name, indicator: input.indicatorCode }, ip,
    });
    const items = await tx.requestItem.findMany({ where: { requestId: request.id }, select: { decision: true } });
    return { decided: items.filter((i) => i.decision).length, open: items.filter((i) => !i.decision).length };
  });
}

/**
 * Completes the review once every disputed indicator is decided: re-scores the unit, stores the
 * revised result as its current (final) result, closes the request and tells the unit.
 */
export async function completeReview(client: PrismaClient, actor: NonNullable<AuditActor>, raw: unknown, ip: string | null = null): Promise<{ total: string; grade: string | null; initialTotal: string }> {
  const input = parseInput(completeReviewSchema, raw);
  try {
    return await client.$transaction(async (tx) => {
      const request = await lockRequest(tx, input.cycleId, input.requestId);
      await checkFourEyes(tx, actor, request);
      const items = await tx.requestItem.findMany({ where: { requestId: request.id } });
      const open = items.filter((i) => !i.decision);
      if (open.length > 0) throw new AppError("CONFLICT", `还有${open.length}项指标未作出决定：${open.map((i) => i.indicatorCode).join("、")}`);
      const { stored: revised, initial, at } = await rescoreUnit(tx, actor, {
        cycleId: request.cycle_id, unitId: request.unit_id, cycleUnitId: request.cycle_unit_id, unitKind: request.unit_kind, issuedResultId: request.issued_result_id,
      });
      const result = { total: revised.total.toFixed(2), grade: revised.grade };
      await tx.reevaluationRequest.update({ where: { id: request.id }, data: { status: "decided", decidedAt: at, decidedById: actor.id, revisedResultId: revised.id } });
      const upheld = items.filter((i) => i.decision === "upheld").length;
      await writeAudit(tx, {
        actor, action: "feedback.decided", entityType: "reevaluation_request", entityId: request.id,
        before: { total: initial?.total.toFixed(2) ?? null, grade: initial?.grade ?? null }, after: { total: result.total, grade: result.grade, resultId: revised.id },
        meta: { cycleId: request.cycle_id, unit: request.unit_name, upheld, rejected: items.length - upheld }, ip,
      });
      const users = await tx.user.findMany({ where: { active: true, roles: { has: "unit" }, organisationId: request.unit_id }, select: { id: true } });
      await notifyUsers(tx, users.map((u) => u.id), {
        kind: "feedback.decided",
        title: `${request.cycle_name}复评结果已作出`,
        body: `对${items.length}项有异议的指标：采纳${upheld}项，不予采纳${items.length - upheld}项。复评得分${result.total}分，为最终评价结果。`,
        link: `/unit/${request.cycle_id}/report`,
      });
      return { total: result.total, grade: result.grade, initialTotal: initial?.total.toFixed(2) ?? "" };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("STALE");
    throw error;
  }
}

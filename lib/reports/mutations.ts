import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit, writeAuditMany } from "@/lib/audit/mutations";
import { loadCalendar } from "@/lib/calendar/load";
import { feedbackDeadline, missingYearMessage } from "@/lib/calendar/working-days";
import { formatDateTimeCn, now } from "@/lib/clock";
import { parseInput } from "@/lib/cycles/lock";
import type { PrismaClient } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyUsers } from "@/lib/notifications/mutations";
import { Prisma } from "@/prisma/generated/client/client";
import { canIssueIn, textEditRefusal } from "./policy";

/*
 * The office's two acts on reports (spec/workflow.md "Scoring and initial reports"): editing the
 * problems and suggestions (every save a new version, optimistic locking on the version) and issuing
 * initial reports (送达: records the delivery time, freezes the initial result, tells the unit, and
 * moves the cycle into feedback). Each is one transaction with its audit rows.
 */

const PROBLEM_MAX = 2000;

export const reportTextItemSchema = z.object({
  indicatorCode: z.string().max(60),
  problem: z.string().trim().min(1, "请填写存在的问题").max(PROBLEM_MAX, `存在的问题不能超过${PROBLEM_MAX}字`),
  suggestion: z.string().trim().min(1, "请填写改进建议").max(PROBLEM_MAX, `改进建议不能超过${PROBLEM_MAX}字`),
});

export const saveReportTextSchema = z.object({
  cycleId: z.string().min(1).max(60),
  unitId: z.string().min(1).max(60),
  /** The text version the editor started from (0 = the generated text). */
  expectedVersion: z.coerce.number().int().min(0),
  items: z.array(reportTextItemSchema).max(200, "问题与建议最多200条"),
});
export type SaveReportTextInput = z.input<typeof saveReportTextSchema>;

/** Saves the staff's problems and suggestions as a new version; a stale editor is refused, never merged. */
export async function saveReportText(client: PrismaClient, actor: AuditActor, raw: SaveReportTextInput, ip: string | null = null): Promise<{ version: number }> {
  const input = parseInput(saveReportTextSchema, raw);
  try {
    return await client.$transaction(async (tx) => {
      const cu = await tx.cycleUnit.findUnique({
        where: { cycleId_organisationId: { cycleId: input.cycleId, organisationId: input.unitId } },
        select: { currentResultId: true, issuedAt: true, cycle: { select: { status: true, name: true } }, organisation: { select: { name: true } } },
      });
      if (!cu) throw new AppError("NOT_FOUND");
      const refusal = textEditRefusal(cu.cycle.status, cu.issuedAt);
      if (refusal) throw new AppError("CONFLICT", refusal);
      if (!cu.currentResultId) throw new AppError("CONFLICT", "该单位还没有评分结果，请先评分");
      const last = await tx.reportText.findFirst({ where: { cycleId: input.cycleId, unitId: input.unitId }, orderBy: { version: "desc" } });
      if ((last?.version ?? 0) !== input.expectedVersion) throw new AppError("STALE", "该报告的问题与建议已被他人修改，请刷新后重试（您的修改未保存）");
      const version = input.expectedVersion + 1;
      const saved = await tx.reportText.create({
        data: {
          cycleId: input.cycleId, unitId: input.unitId, version, resultId: cu.currentResultId,
          items: input.items, editedById: actor?.id ?? null, editedByName: actor?.displayName ?? null, editedAt: now(),
        },
      });
      await writeAudit(tx, {
        actor, action: "report.text_saved", entityType: "report_text", entityId: saved.id,
        before: last ? { version: last.version, items: last.items } : null, after: { version, items: input.items },
        meta: { cycleId: input.cycleId, cycle: cu.cycle.name, unitId: input.unitId, unit: cu.organisation.name }, ip,
      });
      return { version };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("STALE", "该报告的问题与建议已被他人修改，请刷新后重试（您的修改未保存）");
    throw error;
  }
}

export const issueReportsSchema = z.object({
  cycleId: z.string().min(1).max(60),
  /** Organisation ids; empty = every scored unit not issued yet. */
  unitIds: z.array(z.string().min(1).max(60)).max(100_000).default([]),
});
export type IssueReportsInput = z.input<typeof issueReportsSchema>;

/**
 * Issues the initial reports: every unit asked for must have a current result and not be issued
 * yet, or nothing is issued. The delivery time starts each unit's window (issue 8).
 */
export async function issueReports(client: PrismaClient, actor: AuditActor, raw: IssueReportsInput, ip: string | null = null): Promise<{ issued: number; notified: number; issuedAt: Date; feedbackEndsAt: Date }> {
  const input = parseInput(issueReportsSchema, raw);
  return client.$transaction(async (tx) => {
    // The cycle row lock serialises issuing against itself and against the move into feedback.
    const [cycle] = await tx.$queryRaw<{ id: string; name: string; status: string }[]>`SELECT id, name, status::text AS status FROM cycle WHERE id = ${input.cycleId} FOR UPDATE`;
    if (!cycle) throw new AppError("NOT_FOUND");
    if (!canIssueIn(cycle.status)) throw new AppError("CONFLICT", "只有评分阶段（或反馈阶段）的周期可以送达初评报告");
    if ((await tx.scoringRun.count({ where: { cycleId: cycle.id, status: "running" } })) > 0) throw new AppError("CONFLICT", "评分正在进行，请等评分完成后再送达");
    const selected = [...new Set(input.unitIds)];
    const candidates = await tx.cycleUnit.findMany({
      where: { cycleId: cycle.id, ...(selected.length > 0 ? { organisationId: { in: selected } } : { issuedAt: null }) },
      select: { id: true, organisationId: true, currentResultId: true, issuedAt: true, organisation: { select: { name: true } } },
    });
    if (selected.length > 0 && candidates.length !== selected.length) throw new AppError("INVALID", `有${selected.length - candidates.length}个所选单位不在本周期的受评单位中`);
    const names = (rows: typeof candidates) => `${rows.slice(0, 5).map((r) => r.organisation.name).join("、")}${rows.length > 5 ? `等${rows.length}个单位` : ""}`;
    const issuedAlready = candidates.filter((c) => c.issuedAt);
    if (issuedAlready.length > 0) throw new AppError("CONFLICT", `初评报告已经送达过：${names(issuedAlready)}`);
    const unscored = candidates.filter((c) => !c.currentResultId);
    if (unscored.length > 0) throw new AppError("CONFLICT", `还没有评分结果，不能送达：${names(unscored)}。请先评分`);
    if (candidates.length === 0) throw new AppError("CONFLICT", "没有可送达的单位：所有单位的初评报告都已送达");
    const issuedAt = now();
    // The window's end: 24:00 Beijing of the 5th working day after the day of delivery, from the
    // platform's calendar; a year without official data stops the issue, naming the year.
    const deadline = feedbackDeadline(await loadCalendar(tx), issuedAt);
    if (!deadline.ok) throw new AppError("CONFLICT", missingYearMessage(deadline));
    const ids = candidates.map((c) => c.id);
    const updated = await tx.$executeRaw`
      UPDATE cycle_unit SET issued_result_id = current_result_id, issued_at = ${issuedAt}, issued_by_id = ${actor?.id ?? null},
             feedback_ends_at = ${deadline.endsAt}, version = version + 1
       WHERE id = ANY(${ids}::text[]) AND issued_at IS NULL AND current_result_id IS NOT NULL`;
    if (updated !== ids.length) throw new AppError("STALE", "单位状态已被他人修改，请刷新后重试");
    const users = await tx.user.findMany({ where: { active: true, roles: { has: "unit" }, organisationId: { in: candidates.map((c) => c.organisationId) } }, select: { id: true, organisationId: true } });
    let notified = 0;
    for (let i = 0; i < users.length; i += 5000) {
      notified += await notifyUsers(tx, users.slice(i, i + 5000).map((u) => u.id), {
        kind: "report.issued",
        title: `${cycle.name}初评报告已送达`,
        body: `请查阅本单位的初评得分和评价报告。如无异议请确认；如有异议，可在${formatDateTimeCn(deadline.endsAt)}前（送达之日起5个工作日内）提出一次复评申请，逾期初评结果即为最终结果。`,
        link: `/unit/${cycle.id}/report`,
      });
    }
    await writeAuditMany(tx, candidates.map((c) => ({
      actor, action: "report.issued", entityType: "cycle_unit", entityId: c.id,
      after: { issuedAt, resultId: c.currentResultId }, meta: { cycleId: cycle.id, cycle: cycle.name, unitId: c.organisationId, unit: c.organisation.name }, ip,
    })));
    if (cycle.status === "scoring") {
      await tx.cycle.update({ where: { id: cycle.id }, data: { status: "feedback", version: { increment: 1 } } });
      await writeAudit(tx, { actor, action: "cycle.feedback_started", entityType: "cycle", entityId: cycle.id, before: { status: "scoring" }, after: { status: "feedback" }, meta: { firstIssued: candidates.length }, ip });
    }
    return { issued: candidates.length, notified, issuedAt, feedbackEndsAt: deadline.endsAt };
  }, { timeout: 120_000 });
}

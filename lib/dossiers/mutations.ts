import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/cycles/lock";
import type { PrismaClient } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyOrganisation } from "@/lib/notifications/mutations";
import type { UnitReport } from "@/lib/reports/model";
import { amendmentSubject, subjectLabel } from "./amendments";
import { rectifyRefusal, reviewRefusal } from "./policy";
import { REVIEW_LABELS } from "./rectification";
import {
  addAmendmentSchema, reviewRectificationSchema, updateRectificationSchema,
  type AddAmendmentInput, type ReviewRectificationInput, type UpdateRectificationInput,
} from "./schema";

/*
 * The three acts on a dossier (spec/workflow.md "Approval, archive, dossier, volume"): the unit
 * reports its rectification of a problem, the office reviews that report, the office amends an
 * archived entry. Each is one transaction with its audit row; rectifications carry the version they
 * were read at and a stale one is refused. The archived entry itself is never changed (the
 * database refuses it): an amendment is a record beside it.
 */

const STALE = "该整改事项已被他人修改，请刷新后重试（您的修改未保存）";
type Acting = NonNullable<AuditActor>;

const label = (r: { year: number; position: number; indicatorCode: string }) => `${r.year}年度第${r.position + 1}项问题${r.indicatorCode ? `（${r.indicatorCode}）` : ""}`;

/** The unit reports what it did about one problem of its own report; the office is then asked to review it. */
export async function updateRectification(client: PrismaClient, actor: Acting, raw: UpdateRectificationInput, ip: string | null = null): Promise<{ version: number }> {
  const input = parseInput(updateRectificationSchema, raw);
  return client.$transaction(async (tx) => {
    // Scoped to the caller's organisation: another unit's item is simply not found.
    const row = await tx.rectification.findFirst({ where: { id: input.id, organisationId: actor.organisationId } });
    if (!row) throw new AppError("NOT_FOUND", "未找到该整改事项，或它不属于本单位");
    if (row.version !== input.version) throw new AppError("STALE", STALE);
    const refusal = rectifyRefusal(row);
    if (refusal) throw new AppError("CONFLICT", `${label(row)}：${refusal}`);
    const after = { status: input.status, measures: input.measures, dueOn: input.dueOn, doneOn: input.doneOn, review: "pending" };
    const updated = await tx.rectification.updateMany({
      where: { id: row.id, version: input.version },
      data: { ...after, updatedById: actor.id, updatedAt: now(), version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("STALE", STALE);
    await writeAudit(tx, {
      actor, action: "rectification.updated", entityType: "rectification", entityId: row.id,
      before: { status: row.status, measures: row.measures, dueOn: row.dueOn, doneOn: row.doneOn, review: row.review }, after,
      meta: { entryId: row.entryId, organisationId: row.organisationId, year: row.year, position: row.position, indicatorCode: row.indicatorCode }, ip,
    });
    return { version: input.version + 1 };
  });
}

/** The office accepts the unit's report or returns it with a comment (the unit then reports again). */
export async function reviewRectification(client: PrismaClient, actor: Acting, raw: ReviewRectificationInput, ip: string | null = null): Promise<{ version: number; closed: boolean }> {
  const input = parseInput(reviewRectificationSchema, raw);
  return client.$transaction(async (tx) => {
    const row = await tx.rectification.findUnique({ where: { id: input.id } });
    if (!row) throw new AppError("NOT_FOUND", "未找到该整改事项");
    if (row.version !== input.version) throw new AppError("STALE", STALE);
    const refusal = reviewRefusal(row);
    if (refusal) throw new AppError("CONFLICT", `${label(row)}：${refusal}`);
    const at = now();
    const after = { review: input.decision, reviewComment: input.comment || null };
    const updated = await tx.rectification.updateMany({
      where: { id: row.id, version: input.version, review: "pending" },
      data: { ...after, reviewedById: actor.id, reviewedAt: at, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("STALE", STALE);
    await writeAudit(tx, {
      actor, action: "rectification.reviewed", entityType: "rectification", entityId: row.id,
      before: { status: row.status, review: row.review }, after: { status: row.status, ...after },
      meta: { entryId: row.entryId, organisationId: row.organisationId, year: row.year, position: row.position, indicatorCode: row.indicatorCode }, ip,
    });
    const closed = row.status === "done" && input.decision === "accepted";
    await notifyOrganisation(tx, row.organisationId, {
      kind: "rectification.reviewed",
      title: `整改情况${REVIEW_LABELS[input.decision]}：${label(row)}`,
      body: input.decision === "returned"
        ? `信用办退回了本单位报送的整改情况：${input.comment}。请补充后重新报送。`
        : closed ? "信用办认可本单位已完成整改，该问题已办结。" : `信用办认可本单位的整改进度${input.comment ? `：${input.comment}` : ""}。完成后请报送完成情况。`,
      link: "/unit/dossier",
    }, "unit");
    return { version: input.version + 1, closed };
  });
}

/** The office amends an archived entry: a separate, audited record with its reason; the snapshot stays. */
export async function addAmendment(client: PrismaClient, actor: Acting, raw: AddAmendmentInput, ip: string | null = null): Promise<{ id: string }> {
  const input = parseInput(addAmendmentSchema, raw);
  return client.$transaction(async (tx) => {
    const entry = await tx.dossierEntry.findUnique({ where: { id: input.entryId }, select: { id: true, organisationId: true, year: true, cycleName: true, total: true, grade: true, report: true } });
    if (!entry) throw new AppError("NOT_FOUND", "未找到该档案记录");
    const report = entry.report as unknown as UnitReport;
    // What stood in the archive is taken from the snapshot, not typed: only a text excerpt is typed.
    let before: string | null;
    switch (input.subject) {
      case "total":
        before = entry.total.toFixed(2);
        break;
      case "grade":
        before = entry.grade;
        break;
      case "indicator": {
        const indicator = report.indicators.find((i) => i.code === input.indicatorCode);
        if (!indicator) throw new AppError("INVALID", "提交的内容有误，请按提示修改", { indicatorCode: [`指标 ${input.indicatorCode} 不在${entry.year}年度的归档报告中`] });
        if (Number(input.after) > indicator.max) throw new AppError("INVALID", "提交的内容有误，请按提示修改", { after: [`不能超过该指标的满分${indicator.max}分`] });
        before = indicator.notApplicable ? "不涉及" : indicator.score;
        break;
      }
      default:
        before = input.before;
    }
    const subject = amendmentSubject(input.subject, input.indicatorCode);
    if (before !== null && before === input.after) throw new AppError("INVALID", "提交的内容有误，请按提示修改", { after: ["更正后的内容与归档内容相同"] });
    const amendment = await tx.dossierAmendment.create({
      data: { entryId: entry.id, organisationId: entry.organisationId, subject, before, after: input.after, reason: input.reason, createdById: actor.id, createdByName: actor.displayName },
    });
    await writeAudit(tx, {
      actor, action: "dossier.amended", entityType: "dossier_entry", entityId: entry.id,
      before: { subject, value: before }, after: { subject, value: input.after },
      meta: { amendmentId: amendment.id, organisationId: entry.organisationId, year: entry.year, cycle: entry.cycleName, reason: input.reason }, ip,
    });
    const names = new Map(report.indicators.map((i) => [i.code, i.name]));
    await notifyOrganisation(tx, entry.organisationId, {
      kind: "dossier.amended",
      title: `${entry.year}年度诚信档案已更正`,
      body: `信用办更正了${subjectLabel(subject, names)}：${before ?? "（空）"} → ${input.after}。理由：${input.reason}`,
      link: "/unit/dossier",
    }, "unit");
    return { id: amendment.id };
  });
}

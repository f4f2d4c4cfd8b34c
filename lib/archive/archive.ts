// Archiving an approved cycle (spec/workflow.md "Approval, archive, dossier, volume"): each unit's
// final report becomes an immutable snapshot in its dossier — the report's data and its Word file —
// with one rectification item per problem; the cycle becomes read-only (database triggers refuse
// every later change); then the compiled volume is streamed to disk. The snapshots and the freeze
// are one transaction: a failure or a killed process leaves the cycle in approval with no entries,
// and the Word files already written are removed. The volume follows in its own phase: if it fails
// the cycle stays archived and the volume can be compiled again.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/cycles/lock";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { rectificationRowsFor } from "@/lib/dossiers/rectification";
import { AppError } from "@/lib/errors";
import { discardStored, storeBytes } from "@/lib/files/storage";
import { createJob, finishJob, progressReporter, reapStaleJobs } from "@/lib/jobs/jobs";
import { reportToDocx } from "@/lib/reports/docx";
import { loadReportInput, loadSharedReportContext, type SharedReportContext } from "@/lib/reports/load";
import { buildReport } from "@/lib/reports/model";
import { Prisma } from "@/prisma/generated/client/client";
import { openSendBacks } from "./data";
import { archiveRefusal, finalKindOf } from "./policy";
import { compileVolume } from "./volume-job";

type Actor = NonNullable<AuditActor>;
export const ARCHIVE_BATCH = 100;
/** A province's archive writes 50,000 reports in one transaction: allow it hours, not seconds. */
const ARCHIVE_TIMEOUT_MS = 6 * 3600 * 1000;

export const startArchiveSchema = z.object({ cycleId: z.string().min(1).max(60) });

async function archiveState(tx: Tx, cycleId: string) {
  const [cycle] = await tx.$queryRaw<{ id: string; name: string; year: number; status: string; approved_at: Date | null }[]>`
    SELECT id, name, year, status::text AS status, approved_at FROM cycle WHERE id = ${cycleId} FOR UPDATE`;
  if (!cycle) throw new AppError("NOT_FOUND");
  const running = await tx.backgroundJob.count({ where: { cycleId, kind: "archive", status: "running" } });
  return { cycle, sendBacks: await openSendBacks(tx, cycleId), running };
}

/** Records the archive job (refused unless approved, with nothing sent back and no job running). */
export async function startArchive(client: PrismaClient, actor: Actor, raw: unknown, ip: string | null = null): Promise<{ jobId: string }> {
  const input = parseInput(startArchiveSchema, raw);
  await reapStaleJobs(client, input.cycleId);
  return client.$transaction(async (tx) => {
    const { cycle, sendBacks, running } = await archiveState(tx, input.cycleId);
    const refusal = archiveRefusal({ status: cycle.status, approvedAt: cycle.approved_at, openSendBacks: sendBacks, archiveRunning: running > 0 });
    if (refusal) throw new AppError("CONFLICT", refusal);
    const total = await tx.cycleUnit.count({ where: { cycleId: cycle.id } });
    const jobId = await createJob(tx, { kind: "archive", cycleId: cycle.id, startedById: actor.id, total });
    await writeAudit(tx, { actor, action: "cycle.archive_started", entityType: "cycle", entityId: cycle.id, meta: { name: cycle.name, jobId, units: total }, ip });
    return { jobId };
  });
}

type UnitRow = { organisation_id: string; unit_kind: string; adjusted_at: Date | null; decided: boolean; scheme_version_id: string };

/** Writes one batch of snapshots: report, Word file, dossier entry and its rectification items. */
async function snapshotBatch(tx: Tx, cycle: { id: string; name: string; year: number }, units: readonly UnitRow[], shared: SharedReportContext, archivedAt: Date, written: string[]): Promise<void> {
  const entries: Prisma.DossierEntryCreateManyInput[] = [];
  const rectifications: Prisma.RectificationCreateManyInput[] = [];
  for (const unit of units) {
    const input = await loadReportInput(tx, cycle.id, unit.organisation_id, "final", shared);
    if (!input) throw new AppError("CONFLICT", `单位 ${unit.organisation_id} 没有最终评价结果，不能归档`);
    const report = buildReport({ ...input, version: "final" });
    const file = await reportToDocx(report);
    const stored = await storeBytes(file);
    written.push(stored.storedName);
    const id = randomUUID();
    entries.push({
      id, organisationId: unit.organisation_id, cycleId: cycle.id, year: cycle.year, cycleName: cycle.name, unitKind: unit.unit_kind as Prisma.DossierEntryCreateManyInput["unitKind"],
      schemeVersionId: unit.scheme_version_id, schemeLabel: `${report.scheme.name}（第${report.scheme.version}版）`,
      total: new Prisma.Decimal(report.summary.total), grade: report.summary.grade, rankPosition: report.summary.rank?.position ?? 1, rankOf: report.summary.rank?.of ?? 1,
      finalKind: finalKindOf({ adjustedAt: unit.adjusted_at, requestDecided: unit.decided }),
      report: report as unknown as Prisma.InputJsonValue, docxStoredName: stored.storedName, docxSha256: stored.sha256, docxSize: file.length, archivedAt,
    });
    rectifications.push(...rectificationRowsFor({ id, organisationId: unit.organisation_id, year: cycle.year, report }));
  }
  await tx.dossierEntry.createMany({ data: entries });
  if (rectifications.length > 0) await tx.rectification.createMany({ data: rectifications });
}

export type ArchiveReport = { ok: true; units: number; volume: { ok: boolean; error?: string } } | { ok: false; error: string };

/**
 * Runs a recorded archive job to the end. Called in the background of the server (not awaited by
 * the page, which polls the job) and by tests and scripts directly.
 */
export async function executeArchive(client: PrismaClient, actor: Actor, jobId: string, ip: string | null = null): Promise<ArchiveReport> {
  const job = await client.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
  const progress = progressReporter(client, jobId);
  const written: string[] = [];
  let units = 0;
  try {
    await client.$transaction(async (tx) => {
      const { cycle, sendBacks } = await archiveState(tx, job.cycleId);
      const refusal = archiveRefusal({ status: cycle.status, approvedAt: cycle.approved_at, openSendBacks: sendBacks, archiveRunning: false });
      if (refusal) throw new AppError("CONFLICT", refusal);
      const total = await tx.cycleUnit.count({ where: { cycleId: cycle.id } });
      const archivedAt = now();
      const shared = await loadSharedReportContext(tx, cycle.id);
      let after = "";
      for (;;) {
        const batch = await tx.$queryRaw<UnitRow[]>`
          SELECT cu.organisation_id, cu.unit_kind::text AS unit_kind, cu.adjusted_at, (r.status = 'decided') IS TRUE AS decided, ur.scheme_version_id
            FROM cycle_unit cu LEFT JOIN reevaluation_request r ON r.cycle_unit_id = cu.id LEFT JOIN unit_result ur ON ur.id = cu.current_result_id
           WHERE cu.cycle_id = ${cycle.id} AND cu.organisation_id > ${after}
           ORDER BY cu.organisation_id LIMIT ${ARCHIVE_BATCH}`;
        if (batch.length === 0) break;
        await snapshotBatch(tx, cycle, batch, shared, archivedAt, written);
        units += batch.length;
        after = batch[batch.length - 1]!.organisation_id;
        await progress("snapshots", units, total);
      }
      await progress("freezing", units, total);
      await tx.cycle.update({ where: { id: cycle.id }, data: { status: "archived", archivedAt, archivedById: actor.id, version: { increment: 1 } } });
      await writeAudit(tx, { actor, action: "cycle.archived", entityType: "cycle", entityId: cycle.id, before: { status: "approval" }, after: { status: "archived", entries: units }, meta: { name: cycle.name, jobId }, ip });
      // Every unit user is told its final report is in its dossier (one statement for a province).
      await tx.$executeRaw`
        INSERT INTO notification (id, user_id, kind, title, body, link, created_at)
        SELECT gen_random_uuid()::text, u.id, 'dossier.archived', ${`${cycle.name}最终评价报告已存入本单位诚信档案`},
               '评价结果已经审批并归档，可在“本单位档案”中查阅和下载最终评价报告，并报送整改情况。', '/unit/dossier', ${archivedAt}
          FROM app_user u JOIN cycle_unit cu ON cu.organisation_id = u.organisation_id AND cu.cycle_id = ${cycle.id}
         WHERE u.active AND 'unit'::"UserRole" = ANY(u.roles)`;
    }, { timeout: ARCHIVE_TIMEOUT_MS, maxWait: 30_000 });
  } catch (error) {
    await Promise.all(written.map((name) => discardStored(name)));
    const message = error instanceof AppError ? error.message : `归档失败，未保存任何内容：${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof AppError)) console.error(`archive job ${jobId} failed`, error);
    await finishJob(client, jobId, { ok: false, error: message });
    return { ok: false, error: message };
  }
  const volume = await compileVolume(client, actor, job.cycleId, jobId, ip);
  await finishJob(client, jobId, volume.ok ? { ok: true } : { ok: false, error: `归档已完成（${units}份最终报告已存入诚信档案），但年度汇编生成失败：${volume.error}。请重新生成汇编。` });
  return { ok: true, units, volume };
}

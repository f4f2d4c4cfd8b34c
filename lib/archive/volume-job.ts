// The compiled volume (汇编) of an archived cycle as a job: streamed to disk with progress (the
// building itself is lib/archive/volume-data.ts), recorded as an immutable compiled_volume row.
// Archiving compiles it once; the office may compile it again (e.g. after the first attempt failed);
// each compilation is kept. Also: to whom and when the volume was sent (seed 000 Art. 13).
import { z } from "zod";
import type { AuditActor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/mutations";
import { isCalendarDate, beijingDate } from "@/lib/collection/deadline";
import { now } from "@/lib/clock";
import { parseInput } from "@/lib/cycles/lock";
import type { PrismaClient } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { discardStored } from "@/lib/files/storage";
import { createJob, finishJob, progressReporter, reapStaleJobs } from "@/lib/jobs/jobs";
import { buildVolumeFile } from "./volume-data";
import { RECIPIENT_KINDS, RECIPIENT_LABELS } from "./policy";

type Actor = NonNullable<AuditActor>;
const id = z.string().min(1).max(60);

/** Builds the volume file and records it; progress goes to the job. Never throws. */
export async function compileVolume(client: PrismaClient, actor: Actor, cycleId: string, jobId: string, ip: string | null): Promise<{ ok: true; volumeId: string } | { ok: false; error: string }> {
  const progress = progressReporter(client, jobId);
  let storedName: string | null = null;
  try {
    await progress("volume", 0, 0);
    const file = await buildVolumeFile(client, cycleId, (done, total) => void progress("volume", done, total).catch(() => undefined));
    storedName = file.storedName;
    const volume = await client.$transaction(async (tx) => {
      const row = await tx.compiledVolume.create({
        data: { cycleId, jobId, storedName: file.storedName, sha256: file.sha256, size: BigInt(file.size), units: file.units, createdById: actor.id, createdAt: now() },
      });
      await writeAudit(tx, { actor, action: "volume.compiled", entityType: "compiled_volume", entityId: row.id, after: { units: file.units, size: file.size, sha256: file.sha256 }, meta: { cycleId, jobId }, ip });
      return row;
    });
    return { ok: true, volumeId: volume.id };
  } catch (error) {
    if (storedName) await discardStored(storedName);
    console.error(`volume for cycle ${cycleId} failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export const startVolumeSchema = z.object({ cycleId: id });

/** Records a volume job for an archived cycle (the archive job compiles the first volume itself). */
export async function startVolume(client: PrismaClient, actor: Actor, raw: unknown, ip: string | null = null): Promise<{ jobId: string }> {
  const input = parseInput(startVolumeSchema, raw);
  await reapStaleJobs(client, input.cycleId);
  return client.$transaction(async (tx) => {
    const cycle = await tx.cycle.findUnique({ where: { id: input.cycleId }, select: { id: true, name: true, status: true } });
    if (!cycle) throw new AppError("NOT_FOUND");
    if (cycle.status !== "archived") throw new AppError("CONFLICT", "只有已归档的评价周期才能生成汇编");
    if ((await tx.backgroundJob.count({ where: { cycleId: cycle.id, status: "running" } })) > 0) throw new AppError("CONFLICT", "归档或汇编正在进行，请等待其完成");
    const units = await tx.dossierEntry.count({ where: { cycleId: cycle.id } });
    const jobId = await createJob(tx, { kind: "volume", cycleId: cycle.id, startedById: actor.id, total: units });
    await writeAudit(tx, { actor, action: "volume.started", entityType: "cycle", entityId: cycle.id, meta: { name: cycle.name, jobId }, ip });
    return { jobId };
  });
}

export async function executeVolume(client: PrismaClient, actor: Actor, jobId: string, ip: string | null = null) {
  const job = await client.backgroundJob.findUniqueOrThrow({ where: { id: jobId } });
  const outcome = await compileVolume(client, actor, job.cycleId, jobId, ip);
  await finishJob(client, jobId, outcome.ok ? { ok: true } : { ok: false, error: `汇编生成失败：${outcome.error}` });
  return outcome;
}

export const recordDispatchSchema = z
  .object({
    cycleId: id,
    volumeId: id,
    recipientKind: z.enum(RECIPIENT_KINDS, { error: "请选择报送对象" }),
    recipient: z.string().trim().max(100, "报送对象名称不能超过100字").default(""),
    sentOn: z.string().trim().refine(isCalendarDate, "请填写有效的报送日期（YYYY-MM-DD）"),
    method: z.string().trim().min(1, "请填写报送方式").max(50, "报送方式不能超过50字"),
    copies: z.coerce.number({ error: "份数须为数字" }).int("份数须为整数").min(1, "份数至少为1").max(999, "份数不能超过999"),
    note: z.string().trim().max(500, "备注不能超过500字").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.recipientKind === "other" && value.recipient.length === 0) ctx.addIssue({ code: "custom", path: ["recipient"], message: "报送对象为“其他”时请填写名称" });
  });
export type RecordDispatchInput = z.input<typeof recordDispatchSchema>;

/** Records that the volume was sent (to whom, when, how, how many copies); the date may not be in the future. */
export async function recordDispatch(client: PrismaClient, actor: Actor, raw: unknown, ip: string | null = null): Promise<{ id: string }> {
  const input = parseInput(recordDispatchSchema, raw);
  if (input.sentOn > beijingDate(now())) throw new AppError("INVALID", "报送日期不能晚于今天", { sentOn: ["报送日期不能晚于今天"] });
  return client.$transaction(async (tx) => {
    const volume = await tx.compiledVolume.findFirst({ where: { id: input.volumeId, cycleId: input.cycleId }, select: { id: true, createdAt: true } });
    if (!volume) throw new AppError("NOT_FOUND");
    if (input.sentOn < beijingDate(volume.createdAt)) throw new AppError("INVALID", "报送日期不能早于汇编生成日期", { sentOn: [`不能早于${beijingDate(volume.createdAt)}`] });
    const recipient = input.recipientKind === "other" ? input.recipient : input.recipient || RECIPIENT_LABELS[input.recipientKind];
    const row = await tx.volumeDispatch.create({
      data: { volumeId: volume.id, recipientKind: input.recipientKind, recipient, sentOn: input.sentOn, method: input.method, copies: input.copies, note: input.note || null, createdById: actor.id },
    });
    await writeAudit(tx, { actor, action: "volume.dispatched", entityType: "volume_dispatch", entityId: row.id, after: { recipient, sentOn: input.sentOn, method: input.method, copies: input.copies }, meta: { cycleId: input.cycleId, volumeId: volume.id }, ip });
    return { id: row.id };
  });
}

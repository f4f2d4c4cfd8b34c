// Long operations (archiving a cycle, compiling its volume) as background_job rows: one running job
// of a kind per cycle (partial unique index), progress written outside the work's own transaction
// so a page can poll it and a person can leave and come back, and a stale heartbeat taken to mean
// the process died (the job is then marked failed so it can be started again).
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";
import { Prisma } from "@/prisma/generated/client/client";

export const JOB_KINDS = ["archive", "volume"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_KIND_LABELS: Readonly<Record<JobKind, string>> = { archive: "归档", volume: "生成汇编" };
export const JOB_STALE_AFTER_SECONDS = 180;

export type JobView = {
  id: string; kind: string; status: "running" | "succeeded" | "failed"; phase: string; done: number; total: number;
  error: string | null; startedAt: Date; finishedAt: Date | null; heartbeatAt: Date;
};

/** Marks running jobs of the cycle whose heartbeat stopped as failed (the process is gone). */
export async function reapStaleJobs(client: PrismaClient | Tx, cycleId: string, staleAfterSeconds = JOB_STALE_AFTER_SECONDS): Promise<number> {
  const cutoff = new Date(now().getTime() - staleAfterSeconds * 1000);
  const reaped = await client.backgroundJob.updateMany({
    where: { cycleId, status: "running", heartbeatAt: { lt: cutoff } },
    data: { status: "failed", error: "处理进程已中断（长时间没有进度），请重新开始", finishedAt: now() },
  });
  return reaped.count;
}

/** Records a new running job; a second running job of the same kind for the cycle is refused. */
export async function createJob(tx: Tx, job: { kind: JobKind; cycleId: string; startedById: string | null; total?: number }): Promise<string> {
  try {
    const row = await tx.backgroundJob.create({ data: { kind: job.kind, cycleId: job.cycleId, startedById: job.startedById, total: job.total ?? 0, startedAt: now(), heartbeatAt: now() } });
    return row.id;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `该周期的${JOB_KIND_LABELS[job.kind]}正在进行，请等待其完成`);
    }
    throw error;
  }
}

/** A progress writer that touches the row at most every `everyMs` (and always at a phase change). */
export function progressReporter(client: PrismaClient, jobId: string, everyMs = 500): (phase: string, done: number, total: number) => Promise<void> {
  let last = 0;
  let lastPhase = "";
  return async (phase, done, total) => {
    const at = Date.now();
    if (phase === lastPhase && at - last < everyMs && done < total) return;
    last = at;
    lastPhase = phase;
    await client.backgroundJob.update({ where: { id: jobId }, data: { phase, done, total, heartbeatAt: now() } });
  };
}

export async function finishJob(client: PrismaClient, jobId: string, outcome: { ok: true } | { ok: false; error: string }): Promise<void> {
  await client.backgroundJob.update({
    where: { id: jobId },
    data: outcome.ok ? { status: "succeeded", phase: "done", finishedAt: now(), heartbeatAt: now() } : { status: "failed", error: outcome.error.slice(0, 2000), finishedAt: now(), heartbeatAt: now() },
  });
}

export async function latestJob(client: PrismaClient | Tx, cycleId: string, kind: JobKind): Promise<JobView | null> {
  const row = await client.backgroundJob.findFirst({ where: { cycleId, kind }, orderBy: { startedAt: "desc" } });
  return row;
}

export async function jobById(client: PrismaClient | Tx, cycleId: string, jobId: string): Promise<JobView | null> {
  return client.backgroundJob.findFirst({ where: { id: jobId, cycleId } });
}

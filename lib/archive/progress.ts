// The job's progress as the archive page shows it (pure).
import { now } from "@/lib/clock";
import { JOB_KIND_LABELS, JOB_STALE_AFTER_SECONDS, type JobKind, type JobView } from "@/lib/jobs/jobs";

export const JOB_PHASE_LABELS: Readonly<Record<string, string>> = {
  queued: "排队中",
  snapshots: "生成最终报告并存入诚信档案",
  freezing: "冻结评价周期",
  volume: "生成年度汇编",
  done: "完成",
};

export type JobProgressBody = { id: string; kind: string; kindLabel: string; status: JobView["status"]; phaseLabel: string; done: number; total: number; error: string | null; stale: boolean };

export function jobProgressBody(job: JobView, at: Date = now()): JobProgressBody {
  return {
    id: job.id,
    kind: job.kind,
    kindLabel: JOB_KIND_LABELS[job.kind as JobKind] ?? job.kind,
    status: job.status,
    phaseLabel: JOB_PHASE_LABELS[job.phase] ?? job.phase,
    done: job.done,
    total: job.total,
    error: job.error,
    stale: job.status === "running" && at.getTime() - job.heartbeatAt.getTime() > JOB_STALE_AFTER_SECONDS * 1000,
  };
}

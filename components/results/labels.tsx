import type { RunRow } from "@/lib/results/data";

export const RUN_STATUS_LABELS: Record<RunRow["status"], string> = { running: "进行中", succeeded: "已完成", failed: "未完成" };

const TONES: Record<RunRow["status"], string> = {
  running: "bg-blue-100 text-blue-900",
  succeeded: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
};

export function RunStatusBadge({ status, stale }: { status: RunRow["status"]; stale?: boolean }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>
      {RUN_STATUS_LABELS[status]}{stale ? "（可能已中断）" : ""}
    </span>
  );
}

/** "所选3个单位" or "全部未送达单位". */
export function runScope(run: Pick<RunRow, "selectedCount">): string {
  return run.selectedCount > 0 ? `所选${run.selectedCount}个单位` : "全部未送达单位";
}

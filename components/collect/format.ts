// Display helpers for collected data (pure, shared by the source workspace and the unit's view).
import type { CellStatus } from "@/lib/collection/derive";

export { answerText, itemLabel, valueText } from "@/lib/collection/format";

export { fileSize } from "./upload";

/** 剩余 3 天 5 小时 / 剩余 40 分钟 / 已截止 — from the server's clock. */
export function timeLeft(end: Date, at: Date): string {
  const ms = end.getTime() - at.getTime();
  if (ms <= 0) return "已截止";
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 24) return `剩余 ${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  if (hours >= 1) return `剩余 ${hours} 小时`;
  return `剩余 ${Math.max(1, Math.floor(ms / 60_000))} 分钟`;
}

export const STATUS_STYLE: Record<CellStatus["kind"], string> = {
  missing: "bg-amber-100 text-amber-900",
  records: "bg-blue-100 text-blue-900",
  value: "bg-blue-100 text-blue-900",
  none: "bg-green-100 text-green-900",
  not_applicable: "bg-slate-200 text-slate-800",
};

export const SUBMISSION_LABELS: Record<string, string> = { draft: "未提交", submitted: "已提交", returned: "已退回" };

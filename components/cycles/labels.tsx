import { CYCLE_STATE_LABELS, type CycleState } from "@/lib/cycles/workflow";

const TONES: Record<CycleState, string> = {
  draft: "bg-slate-200 text-slate-800",
  collecting: "bg-blue-100 text-blue-900",
  scoring: "bg-amber-100 text-amber-900",
  feedback: "bg-violet-100 text-violet-900",
  approval: "bg-orange-100 text-orange-900",
  archived: "bg-green-100 text-green-900",
};

export function CycleStatusBadge({ status }: { status: CycleState }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{CYCLE_STATE_LABELS[status]}</span>;
}

/** "2026-12-01" → "2026年12月1日" (a Beijing calendar date, shown without any time-zone arithmetic). */
export function dateCn(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

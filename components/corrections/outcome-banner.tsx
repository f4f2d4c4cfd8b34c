import type { SlotOutcome } from "@/lib/collection/derive";

/** What the cell derives to now, from every source's answer: what scoring will see. */
export function OutcomeBanner({ outcome, sourceNames }: { outcome: SlotOutcome; sourceNames: Record<string, string> }) {
  switch (outcome.status) {
    case "pending":
      return (
        <p role="status" data-outcome="pending" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <strong>缺少数据：</strong>{outcome.missing.map((id) => sourceNames[id] ?? id).join("、")}尚未报送。请代其更正后重新评分。
        </p>
      );
    case "problem":
      return (
        <p role="status" data-outcome="problem" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <strong>数据有误：</strong>{outcome.message}
        </p>
      );
    case "not_applicable":
      return (
        <p role="status" data-outcome="not_applicable" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">
          数据齐全：各数据来源单位均填报“不涉及”，该指标按不涉及处理。
        </p>
      );
    case "fact":
      return (
        <p role="status" data-outcome="fact" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          数据齐全，可以评分。
        </p>
      );
  }
}

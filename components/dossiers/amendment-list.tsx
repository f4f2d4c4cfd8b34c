import { formatDateTimeCn } from "@/lib/clock";
import { subjectLabel } from "@/lib/dossiers/amendments";
import type { AmendmentView } from "@/lib/dossiers/data";

/** Amendments beside an archived entry: what, from what to what, who, when and why. */
export function AmendmentList({ amendments, indicatorNames }: { amendments: AmendmentView[]; indicatorNames?: ReadonlyMap<string, string> }) {
  if (amendments.length === 0) return null;
  return (
    <ol className="space-y-2 text-sm" data-testid="amendments">
      {amendments.map((a) => (
        <li key={a.id} className="rounded-md bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
          <p>
            <strong>更正{subjectLabel(a.subject, indicatorNames)}</strong>：
            <span className="line-through decoration-slate-500">{a.before ?? "（空）"}</span> → <strong>{a.after}</strong>
          </p>
          <p className="text-slate-700">理由：{a.reason}</p>
          <p className="text-xs text-slate-600">{a.createdByName}　{formatDateTimeCn(a.createdAt)}</p>
        </li>
      ))}
    </ol>
  );
}

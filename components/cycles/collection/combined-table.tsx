import { ui } from "@/components/ui/styles";
import type { CombinedRow } from "@/lib/collection/monitor";

const TONE: Record<CombinedRow["status"], string> = { fact: "", not_applicable: "text-slate-600", pending: "text-amber-800", problem: "text-red-800" };

/** A multi-source indicator per unit: each source's answer, the records, and the combined fact. */
export function CombinedTable({ rows, sources }: { rows: CombinedRow[]; sources: string[] }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} aria-label="多来源记录合并">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={ui.th}>受评单位</th>
            {sources.map((s) => <th key={s} scope="col" className={ui.th}>{s}</th>)}
            <th scope="col" className={ui.th}>合并结果</th>
            <th scope="col" className={ui.th}>记录</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={sources.length + 3} className="px-3 py-6 text-center text-slate-500">没有受评单位</td></tr> : null}
          {rows.map((r) => (
            <tr key={r.unitId}>
              <td className={`${ui.td} font-medium`}>{r.unitName}</td>
              {r.bySource.map((s) => <td key={s.name} className={ui.td}>{s.answer}</td>)}
              <td className={`${ui.td} ${TONE[r.status]}`}>{r.combined}</td>
              <td className={`${ui.td} text-xs`}>
                {r.records.length === 0 ? "—" : (
                  <ul className="space-y-0.5">
                    {r.records.map((rec, i) => <li key={i}>{rec.occurredOn} {rec.source}：{rec.description}{rec.referenceNo ? `（${rec.referenceNo}）` : ""}</li>)}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

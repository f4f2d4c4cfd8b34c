import { ui } from "@/components/ui/styles";
import type { CompareRow } from "@/lib/results/data";
import { scoreDelta } from "@/lib/results/stats";

const dash = (v: string | number | null) => (v === null ? "—" : String(v));

function Delta({ a, b }: { a: string | null; b: string | null }) {
  const delta = scoreDelta(a, b);
  if (delta === null) return <span className="text-slate-600">{a === null ? "仅B有结果" : "仅A有结果"}</span>;
  const tone = delta.startsWith("+") ? "text-green-800" : delta.startsWith("−") ? "text-red-800" : "text-slate-600";
  return <span className={`font-medium ${tone}`}>{delta}</span>;
}

/** Two runs side by side, one row per unit, with the indicators whose score changed. */
export function CompareTable({ rows, indicatorNames, numbers }: { rows: CompareRow[]; indicatorNames: Map<string, string>; numbers: { a: number; b: number } }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} data-testid="compare-table">
        <caption className="sr-only">第{numbers.a}次与第{numbers.b}次评分的比较</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={ui.th}>受评单位</th>
            <th scope="col" className={`${ui.th} text-right`}>总分 A（第{numbers.a}次）</th>
            <th scope="col" className={`${ui.th} text-right`}>总分 B（第{numbers.b}次）</th>
            <th scope="col" className={`${ui.th} text-right`}>变化</th>
            <th scope="col" className={ui.th}>等次 A → B</th>
            <th scope="col" className={ui.th}>名次 A → B</th>
            <th scope="col" className={ui.th}>得分变化的指标（A → B）</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={7} className="px-3 py-8 text-center text-slate-500">没有符合条件的单位。</td></tr> : null}
          {rows.map((r) => (
            <tr key={r.unitId} className="align-top" data-testid="compare-row">
              <td className={ui.td}>{r.name}</td>
              <td className={`${ui.td} text-right tabular-nums`}>{dash(r.totalA)}</td>
              <td className={`${ui.td} text-right tabular-nums`}>{dash(r.totalB)}</td>
              <td className={`${ui.td} whitespace-nowrap text-right tabular-nums`}><Delta a={r.totalA} b={r.totalB} /></td>
              <td className={`${ui.td} whitespace-nowrap`}>{r.gradeA === r.gradeB ? dash(r.gradeA) : <strong>{dash(r.gradeA)} → {dash(r.gradeB)}</strong>}</td>
              <td className={`${ui.td} whitespace-nowrap tabular-nums`}>{dash(r.rankA)} → {dash(r.rankB)}</td>
              <td className={ui.td}>
                {r.indicators.length === 0 ? <span className="text-slate-500">—</span> : (
                  <ul className="space-y-0.5 text-xs">
                    {r.indicators.map((i) => (
                      <li key={i.code}>
                        <span className="font-mono text-slate-500">{i.code}</span> {indicatorNames.get(i.code) ?? ""}：
                        <span className="tabular-nums">{i.a ?? "不计"} → {i.b ?? "不计"}</span>
                      </li>
                    ))}
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

import { ui } from "@/components/ui/styles";
import type { IndicatorAverage } from "@/lib/results/data";

/** Average score of each indicator over the scheme's units (where points are lost most). */
export function IndicatorAverages({ rows }: { rows: IndicatorAverage[] }) {
  return (
    <details className={ui.card}>
      <summary className="cursor-pointer text-sm font-semibold">各指标平均得分</summary>
      <div className="mt-3 overflow-x-auto">
        <table className={ui.table} data-testid="indicator-averages">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>指标</th>
              <th scope="col" className={`${ui.th} text-right`}>满分</th>
              <th scope="col" className={`${ui.th} text-right`}>平均得分</th>
              <th scope="col" className={`${ui.th} text-right`}>得分率</th>
              <th scope="col" className={`${ui.th} text-right`}>不涉及的单位</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((i) => (
              <tr key={i.code}>
                <td className={ui.td}><span className="font-mono text-xs text-slate-500">{i.code}</span> {i.name}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{i.max}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{i.average === null ? "—" : i.average.toFixed(2)}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{i.percent === null ? "—" : `${i.percent}%`}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{i.notApplicable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

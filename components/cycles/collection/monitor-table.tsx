import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import type { IndicatorState, ProvisionalUnit } from "@/lib/collection/monitor";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { ProgressCell } from "./progress-cell";

function IndicatorLine({ i }: { i: IndicatorState }) {
  const head = <span className="font-mono text-xs text-slate-500">{i.code}</span>;
  switch (i.status) {
    case "scored":
      return <li>{head} {i.name}：<strong className="tabular-nums">{i.score ?? "不计"}</strong> / {i.max}　<span className="text-slate-600">{i.explanation}</span></li>;
    case "pending":
      return <li className="text-amber-800">{head} {i.name}：待报送{i.missing.length > 0 ? `（${i.missing.join("、")}）` : ""}</li>;
    case "problem":
      return <li className="text-red-800">{head} {i.name}：数据有问题——{i.message}</li>;
    default:
      return <li className="text-slate-600">{head} {i.name}：排名类指标，归集结束后与全部单位一起计算</li>;
  }
}

type Props = { rows: ProvisionalUnit[]; sort: { sort: string; order: "asc" | "desc" } & Record<string, unknown>; basePath: string };

/** Provisional scores: the engine's score of the reported indicators; the rest pending, never guessed. */
export function MonitorTable({ rows, sort, basePath }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} aria-label="暂计得分">
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="受评单位" sortKey="name" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>类别</th>
            <SortHeader label="报送进度" sortKey="progress" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>暂计得分（已报指标）</th>
            <th scope="col" className={ui.th}>总分 / 等级</th>
            <SortHeader label="待报送" sortKey="missing" current={sort} basePath={basePath} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={6} className="px-3 py-6 text-center text-slate-500">没有符合条件的受评单位</td></tr> : null}
          {rows.map((r) => (
            <tr key={r.id} className="align-top" data-testid="monitor-row">
              <td className={ui.td}>
                <details>
                  <summary className="cursor-pointer font-medium">{r.name}</summary>
                  <ul className="mt-2 space-y-1 text-xs">{r.indicators.map((i) => <IndicatorLine key={i.code} i={i} />)}</ul>
                </details>
              </td>
              <td className={`${ui.td} whitespace-nowrap`}>{UNIT_KIND_LABELS[r.kind]}</td>
              <td className={ui.td}><ProgressCell answered={r.answered} cells={r.cells} /></td>
              <td className={`${ui.td} whitespace-nowrap tabular-nums`} data-testid="provisional">{r.provisional === null ? <span className="text-slate-500">尚无已报齐的指标</span> : <><strong>{r.provisional}</strong> / {r.reportedMax}</>}</td>
              <td className={`${ui.td} whitespace-nowrap tabular-nums`}>{r.final ? <><strong>{r.final.total}</strong>{r.final.grade ? `（${r.final.grade}）` : ""}</> : <span className="text-slate-500">待报齐后计算</span>}</td>
              <td className={ui.td} data-testid="pending">
                {r.pending === 0 ? <span className="text-green-800">已报齐</span> : (
                  <span className="text-amber-800">{r.pending}项：{r.indicators.filter((i) => i.status === "pending").map((i) => i.name).slice(0, 3).join("、")}{r.pending > 3 ? " 等" : ""}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { ui } from "@/components/ui/styles";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import type { CycleComparisonSummary, Mover } from "@/lib/results/compare-cycles";
import { formatChange, type TransitionMatrix } from "@/lib/results/movers";

type Sides = { a: string; b: string };

export function ChangeText({ change }: { change: string | null }) {
  const text = formatChange(change);
  if (text === null) return <span className="text-slate-500">—</span>;
  const tone = text.startsWith("+") ? "text-green-800" : text.startsWith("−") ? "text-red-800" : "text-slate-600";
  return <span className={`font-medium tabular-nums ${tone}`}>{text}</span>;
}

/** The headline figures of the comparison. */
export function CompareSummaryCards({ summary }: { summary: CycleComparisonSummary }) {
  const n = (v: number) => v.toLocaleString("zh-CN");
  const cards: [string, React.ReactNode][] = [
    ["对比单位（两期均有结果）", n(summary.groups.compared)],
    ["平均得分变化", summary.meanChange === null ? "—" : <ChangeText change={summary.meanChange} />],
    ["得分上升", n(summary.improved)],
    ["得分下降", n(summary.declined)],
    ["得分不变", n(summary.unchanged)],
    ["等次上升 / 下降", `${n(summary.gradeUp)} / ${n(summary.gradeDown)}`],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="compare-summary">
      {cards.map(([label, value]) => (
        <div key={label} className={`${ui.card} py-3`}>
          <dt className="text-xs text-slate-600">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The largest rises or falls, one row each. */
export function MoversList({ title, movers, sides, testId }: { title: string; movers: Mover[]; sides: Sides; testId: string }) {
  return (
    <section className={`${ui.card} min-w-0 p-0`} data-testid={testId} aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`} className="px-4 pt-3 text-sm font-semibold">{title}</h2>
      {movers.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">没有这样的单位。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={ui.table}>
            <thead className="whitespace-nowrap text-slate-600">
              <tr>
                <th scope="col" className={`${ui.th} font-medium`}>序号</th>
                <th scope="col" className={`${ui.th} font-medium`}>单位</th>
                <th scope="col" className={`${ui.th} text-right font-medium`}>{sides.a}</th>
                <th scope="col" className={`${ui.th} text-right font-medium`}>{sides.b}</th>
                <th scope="col" className={`${ui.th} text-right font-medium`}>变化</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {movers.map((m, i) => (
                <tr key={m.unitId} data-testid={`${testId}-row`}>
                  <td className={`${ui.td} tabular-nums text-slate-600`}>{i + 1}</td>
                  <td className={ui.td}>
                    {m.name}
                    <span className="ml-1 text-xs text-slate-500">{UNIT_KIND_LABELS[m.kind]}</span>
                  </td>
                  <td className={`${ui.td} whitespace-nowrap text-right tabular-nums`}>{m.totalA}<span className="ml-1 text-xs text-slate-500">{m.gradeA ?? ""}</span></td>
                  <td className={`${ui.td} whitespace-nowrap text-right tabular-nums`}>{m.totalB}<span className="ml-1 text-xs text-slate-500">{m.gradeB ?? ""}</span></td>
                  <td className={`${ui.td} text-right`}><ChangeText change={m.change} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A grade (rows) × B grade (columns), with totals; the diagonal is "grade unchanged". */
export function TransitionMatrixTable({ matrix, sides }: { matrix: TransitionMatrix; sides: Sides }) {
  return (
    <section className={`${ui.card} min-w-0 space-y-2`} aria-labelledby="matrix-title" data-testid="transition-matrix">
      <h2 id="matrix-title" className="text-sm font-semibold">等次变化矩阵</h2>
      <p className="text-xs text-slate-600">行是{sides.a}的等次，列是{sides.b}的等次，格中为单位数；对角线（加粗）为等次未变。</p>
      {matrix.total === 0 ? <p className="text-sm text-slate-600">没有两期均有结果的单位。</p> : (
        <div className="overflow-x-auto">
          <table className="text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-3 py-1.5 text-left font-medium text-slate-600">{sides.a} ＼ {sides.b}</th>
                {matrix.grades.map((g) => <th key={g} scope="col" className="px-3 py-1.5 text-right font-semibold">{g}</th>)}
                <th scope="col" className="px-3 py-1.5 text-right font-medium text-slate-600">合计</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {matrix.rows.map((row, i) => (
                <tr key={row.from}>
                  <th scope="row" className="px-3 py-1.5 text-left font-semibold">{row.from}</th>
                  {row.counts.map((count, j) => (
                    <td key={matrix.grades[j]} className={`px-3 py-1.5 text-right tabular-nums ${i === j ? "bg-slate-100 font-semibold" : count === 0 ? "text-slate-500" : ""}`}>{count.toLocaleString("zh-CN")}</td>
                  ))}
                  <td className="px-3 py-1.5 text-right tabular-nums text-slate-600">{row.total.toLocaleString("zh-CN")}</td>
                </tr>
              ))}
              <tr className="border-t border-slate-200">
                <th scope="row" className="px-3 py-1.5 text-left font-medium text-slate-600">合计</th>
                {matrix.columnTotals.map((count, j) => <td key={matrix.grades[j]} className="px-3 py-1.5 text-right tabular-nums text-slate-600">{count.toLocaleString("zh-CN")}</td>)}
                <td className="px-3 py-1.5 text-right font-semibold tabular-nums">{matrix.total.toLocaleString("zh-CN")}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import Link from "next/link";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import type { CycleCompareRow } from "@/lib/results/compare-cycles";
import { GRADE_MOVE_LABELS, type GradeMove } from "@/lib/results/movers";
import { ChangeText } from "./cycle-compare-summary";

const dash = (v: string | number | null) => (v === null ? "—" : String(v));
const MOVE_TONES: Record<GradeMove, string> = { up: "text-green-800", down: "text-red-800", same: "text-slate-600" };

type Props = {
  rows: CycleCompareRow[];
  cycles: { a: string; b: string };
  sides: { a: string; b: string };
  sort: { sort: string; order: "asc" | "desc" } & Record<string, unknown>;
  basePath: string;
};

/** One page of units side by side: each cycle's total, grade and rank, the change and the grade move. */
export function CycleCompareTable({ rows, cycles, sides, sort, basePath }: Props) {
  const num = `${ui.td} text-right tabular-nums`;
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} data-testid="cycle-compare-table">
        <caption className="sr-only">{sides.a}与{sides.b}各单位评价结果对比</caption>
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="单位名称" sortKey="name" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>类别</th>
            <SortHeader label={`${sides.a}总分`} sortKey="a" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>等次</th>
            <th scope="col" className={ui.th}>名次</th>
            <SortHeader label={`${sides.b}总分`} sortKey="b" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>等次</th>
            <th scope="col" className={ui.th}>名次</th>
            <SortHeader label="得分变化" sortKey="change" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>等次变化</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={10} className="px-3 py-8 text-center text-slate-500">没有符合条件的单位。</td></tr> : null}
          {rows.map((r) => {
            const report = r.totalB !== null ? cycles.b : r.totalA !== null ? cycles.a : null;
            return (
              <tr key={r.unitId} data-testid="cycle-compare-row">
                <td className={ui.td}>{report ? <Link href={`/cycles/${report}/reports/${r.unitId}`} className={ui.link}>{r.name}</Link> : r.name}</td>
                <td className={`${ui.td} whitespace-nowrap`}>{UNIT_KIND_LABELS[r.kind]}</td>
                <td className={num}>{dash(r.totalA)}</td>
                <td className={`${ui.td} whitespace-nowrap`}>{dash(r.gradeA)}</td>
                <td className={num}>{dash(r.rankA)}</td>
                <td className={num}>{dash(r.totalB)}</td>
                <td className={`${ui.td} whitespace-nowrap`}>{dash(r.gradeB)}</td>
                <td className={num}>{dash(r.rankB)}</td>
                <td className={`${ui.td} whitespace-nowrap text-right`}><ChangeText change={r.change} /></td>
                <td className={`${ui.td} whitespace-nowrap`}>{r.move ? <span className={MOVE_TONES[r.move]}>{GRADE_MOVE_LABELS[r.move]}</span> : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import Link from "next/link";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { formatDateCn } from "@/lib/clock";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import type { RankingRow, RankingScheme } from "@/lib/results/data";

type Props = {
  cycleId: string;
  scheme: RankingScheme;
  rows: RankingRow[];
  sort: { sort: string; order: "asc" | "desc" } & Record<string, unknown>;
  basePath: string;
};

/** The ranking of one scheme: positions shared by equal totals, over all its units whatever the filter. */
export function RankingTable({ cycleId, scheme, rows, sort, basePath }: Props) {
  const columns = 7 + scheme.categories.length;
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} data-testid="ranking-table">
        <caption className="sr-only">{scheme.name}排名</caption>
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="排名" sortKey="rank" current={sort} basePath={basePath} />
            <SortHeader label="单位" sortKey="name" current={sort} basePath={basePath} />
            <SortHeader label="类别" sortKey="kind" current={sort} basePath={basePath} />
            {scheme.categories.map((c) => <SortHeader key={c.code} label={`${c.name}（${c.weight}）`} sortKey={`cat:${c.code}`} current={sort} basePath={basePath} />)}
            <SortHeader label="总分" sortKey="total" current={sort} basePath={basePath} />
            <th scope="col" className={`${ui.th} whitespace-nowrap`}>等次</th>
            <th scope="col" className={`${ui.th} whitespace-nowrap`}>送达状态</th>
            <th scope="col" className={ui.th}><span className="sr-only">报告</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={columns} className="px-3 py-8 text-center text-slate-500">没有符合条件的单位。</td></tr> : null}
          {rows.map((r) => {
            const scores = new Map(r.categories.map((c) => [c.code, c.score]));
            return (
              <tr key={r.unitId} data-testid="ranking-row">
                <td className={`${ui.td} tabular-nums`}>{r.position}</td>
                <td className={ui.td}>{r.name}</td>
                <td className={`${ui.td} whitespace-nowrap`}>{UNIT_KIND_LABELS[r.kind]}</td>
                {scheme.categories.map((c) => <td key={c.code} className={`${ui.td} text-right tabular-nums`}>{scores.get(c.code) ?? "—"}</td>)}
                <td className={`${ui.td} text-right font-semibold tabular-nums`}>{r.total}</td>
                <td className={`${ui.td} whitespace-nowrap`}>{r.grade ?? "—"}</td>
                <td className={`${ui.td} whitespace-nowrap text-xs`}>{r.issuedAt ? `已送达（${formatDateCn(r.issuedAt)}）` : <span className="text-slate-500">未送达</span>}</td>
                <td className={`${ui.td} whitespace-nowrap`}>
                  <Link href={`/cycles/${cycleId}/reports/${r.unitId}`} prefetch={false} className={ui.link} aria-label={`${r.name}的报告`}>报告</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

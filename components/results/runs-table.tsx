import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { RunRow } from "@/lib/results/data";
import { RunStatusBadge, runScope } from "./labels";

type Props = { cycleId: string; rows: RunRow[]; compare: { a: string | null; b: string | null }; canCompare: boolean };

/**
 * The cycle's runs, newest first. Successful runs can be compared: choose one as A (before) and one
 * as B (after) and submit; the form is a plain GET to the comparison page.
 */
export function RunsTable({ cycleId, rows, compare, canCompare }: Props) {
  const base = `/cycles/${cycleId}/scoring`;
  return (
    <form action={`${base}/compare`} className="space-y-2">
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} data-testid="runs-table">
          <caption className="sr-only">评分记录</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>次序</th>
              <th scope="col" className={ui.th}>状态</th>
              <th scope="col" className={ui.th}>范围</th>
              <th scope="col" className={ui.th}>开始人</th>
              <th scope="col" className={ui.th}>开始时间</th>
              <th scope="col" className={ui.th}>完成时间</th>
              <th scope="col" className={`${ui.th} text-right`}>单位数</th>
              <th scope="col" className={`${ui.th} text-right`}>问题数</th>
              <th scope="col" className={ui.th}>比较（A / B）</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="run-row">
                <td className={`${ui.td} whitespace-nowrap`}>
                  <Link href={`${base}/runs/${r.id}`} className={ui.link}>第{r.number}次</Link>
                  {r.current ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800" title="最近一次成功的评分">当前</span> : null}
                </td>
                <td className={ui.td}><RunStatusBadge status={r.status} stale={r.stale} /></td>
                <td className={`${ui.td} whitespace-nowrap`}>{runScope(r)}</td>
                <td className={ui.td}>{r.startedByName ?? "系统"}</td>
                <td className={`${ui.td} whitespace-nowrap text-xs`}>{formatDateTimeCn(r.startedAt)}</td>
                <td className={`${ui.td} whitespace-nowrap text-xs`}>{r.finishedAt ? formatDateTimeCn(r.finishedAt) : "—"}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{r.status === "succeeded" ? r.unitCount.toLocaleString("zh-CN") : "—"}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{r.status === "failed" ? r.problemCount.toLocaleString("zh-CN") : "—"}</td>
                <td className={`${ui.td} whitespace-nowrap`}>
                  {r.status === "succeeded" ? (
                    <span className="flex gap-3">
                      <label className="flex items-center gap-1 text-xs"><input type="radio" name="a" value={r.id} defaultChecked={compare.a === r.id} />A<span className="sr-only">：第{r.number}次评分作为比较的A</span></label>
                      <label className="flex items-center gap-1 text-xs"><input type="radio" name="b" value={r.id} defaultChecked={compare.b === r.id} />B<span className="sr-only">：第{r.number}次评分作为比较的B</span></label>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canCompare ? (
        <div className="flex justify-end">
          <button type="submit" className={ui.btnSecondary}>比较所选两次评分</button>
        </div>
      ) : null}
    </form>
  );
}

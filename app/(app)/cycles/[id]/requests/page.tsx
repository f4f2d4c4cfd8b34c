import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { cycleHead } from "@/lib/cycles/data";
import { REQUEST_PAGE_SIZE, REQUEST_STATUS_LABELS, listRequests, requestListSchema } from "@/lib/feedback/queue";
import { withQuery } from "@/lib/list-query";

export const metadata: Metadata = { title: "复评申请" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function RequestsPage({ params, searchParams }: Props) {
  await requirePermission("decide:requests:any", "cycles");
  const { id } = await params;
  const cycle = await cycleHead(id);
  if (!cycle) notFound();
  const query = requestListSchema.parse(await searchParams);
  const { rows, total, counts } = await listRequests(id, query);
  const base = `/cycles/${id}/requests`;
  const current = { q: query.q, sort: query.sort, order: query.order, status: query.status };
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="requests" />
      <p className="text-sm text-slate-700">受评单位在送达后5个工作日内可提出一次复评申请。逐项决定（采纳须先更正数据），全部决定后完成复评，仅该单位重新评分，复评结果为最终结果。决定须由未参与该单位评分和报告编辑的工作人员作出（四眼原则）。</p>
      <dl className={`${ui.card} grid grid-cols-3 gap-4 text-sm`} data-testid="request-counts">
        {(Object.keys(REQUEST_STATUS_LABELS) as (keyof typeof REQUEST_STATUS_LABELS)[]).map((s) => (
          <div key={s}><dt className="text-slate-600">{REQUEST_STATUS_LABELS[s]}</dt><dd className="text-2xl font-semibold tabular-nums">{counts[s]}</dd></div>
        ))}
      </dl>
      <form className="flex flex-wrap items-end gap-3 text-sm" role="search">
        <label><span className={ui.label}>单位名称</span><input name="q" defaultValue={query.q ?? ""} className={ui.input} /></label>
        <label>
          <span className={ui.label}>状态</span>
          <select name="status" defaultValue={query.status ?? ""} className={ui.input}>
            <option value="">全部</option>
            {(Object.keys(REQUEST_STATUS_LABELS) as (keyof typeof REQUEST_STATUS_LABELS)[]).map((s) => <option key={s} value={s}>{REQUEST_STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <button type="submit" className={ui.btnSecondary}>筛选</button>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className={ui.table} data-testid="requests-table">
          <thead className="bg-slate-100">
            <tr>
              <SortHeader label="单位" sortKey="name" current={current} basePath={base} />
              <SortHeader label="提出时间" sortKey="filed" current={current} basePath={base} />
              <th scope="col" className={ui.th}>有异议指标</th>
              <th scope="col" className={ui.th}>状态</th>
              <th scope="col" className={ui.th}><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? <tr><td colSpan={5} className="px-3 py-6 text-center text-slate-500">没有复评申请。单位在反馈期内提出申请后会出现在这里。</td></tr> : null}
            {rows.map((r) => (
              <tr key={r.id} data-testid="request-row">
                <td className={ui.td}>{r.unitName}</td>
                <td className={ui.td}>{formatDateTimeCn(r.filedAt)}</td>
                <td className={`${ui.td} tabular-nums`}>{r.items}项{r.status === "filed" ? `（已决定${r.decidedItems}项）` : ""}</td>
                <td className={ui.td}>{REQUEST_STATUS_LABELS[r.status]}</td>
                <td className={ui.td}><Link href={`${base}/${r.id}`} className={ui.link} aria-label={`${r.status === "filed" ? "处理" : "查看"}${r.unitName}的复评申请`}>{r.status === "filed" ? "处理" : "查看"}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageSize={REQUEST_PAGE_SIZE} total={total} hrefFor={(page) => `${base}${withQuery(current, { page })}`} />
    </div>
  );
}

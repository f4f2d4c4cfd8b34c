import type { Metadata } from "next";
import Link from "next/link";
import { CycleStatusBadge, dateCn } from "@/components/cycles/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateCn } from "@/lib/clock";
import { listCycles } from "@/lib/cycles/data";
import { CYCLE_PAGE_SIZE, cycleListSchema } from "@/lib/cycles/schema";
import { CYCLE_STATE_LABELS, CYCLE_STATES } from "@/lib/cycles/workflow";
import { withQuery } from "@/lib/list-query";

export const metadata: Metadata = { title: "评价周期" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CyclesPage({ searchParams }: Props) {
  await requirePermission("manage:cycles:any", "cycles");
  const query = cycleListSchema.parse(await searchParams);
  const { rows, total } = await listCycles(query);
  const sortable = { ...query } as typeof query & Record<string, unknown>;
  return (
    <div className="space-y-4">
      <PageHeader
        title="评价周期"
        description="每年一次的政务诚信评价：筹备 → 数据归集 → 评分 → 反馈与复评 → 审批 → 归档。"
        actions={<><Link href="/cycles/compare" className={ui.btnSecondary}>年度对比</Link><Link href="/cycles/new" className={ui.btnPrimary}>新建评价周期</Link></>}
      />
      <form role="search" className={`${ui.card} flex flex-wrap items-end gap-3`}>
        <label className="text-sm">
          名称
          <input name="q" defaultValue={query.q} className={`${ui.input} w-56`} />
        </label>
        <label className="text-sm">
          阶段
          <select name="status" defaultValue={query.status ?? ""} className={ui.input}>
            <option value="">全部</option>
            {CYCLE_STATES.map((s) => <option key={s} value={s}>{CYCLE_STATE_LABELS[s]}</option>)}
          </select>
        </label>
        <button type="submit" className={ui.btnSecondary}>筛选</button>
        <Link href="/cycles" className={ui.link}>清除</Link>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} data-testid="cycles-table">
          <thead className="bg-slate-100">
            <tr>
              <SortHeader label="名称" sortKey="name" current={sortable} basePath="/cycles" />
              <SortHeader label="年度" sortKey="year" current={sortable} basePath="/cycles" />
              <SortHeader label="阶段" sortKey="status" current={sortable} basePath="/cycles" />
              <th scope="col" className={ui.th}>受评单位</th>
              <th scope="col" className={ui.th}>指标体系</th>
              <th scope="col" className={ui.th}>信源单位</th>
              <th scope="col" className={ui.th}>数据归集截止</th>
              <SortHeader label="创建时间" sortKey="createdAt" current={sortable} basePath="/cycles" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-8 text-center text-slate-500">
                  没有符合条件的评价周期。可以<Link href="/cycles/new" className={ui.link}>新建评价周期</Link>。
                </td>
              </tr>
            ) : (
              rows.map((c) => (
                <tr key={c.id} data-cycle={c.year}>
                  <td className={ui.td}><Link href={`/cycles/${c.id}`} className={ui.link}>{c.name}</Link></td>
                  <td className={`${ui.td} tabular-nums`}>{c.year}</td>
                  <td className={ui.td}><CycleStatusBadge status={c.status} /></td>
                  <td className={`${ui.td} tabular-nums`}>{c.units}</td>
                  <td className={`${ui.td} tabular-nums`}>{c.schemes}</td>
                  <td className={`${ui.td} tabular-nums`}>{c.sources}</td>
                  <td className={`${ui.td} whitespace-nowrap`}>{dateCn(c.collectionDeadline)}</td>
                  <td className={`${ui.td} whitespace-nowrap text-xs`}>{formatDateCn(c.createdAt)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageSize={CYCLE_PAGE_SIZE} total={total} hrefFor={(page) => `/cycles${withQuery(query, { page })}`} />
    </div>
  );
}

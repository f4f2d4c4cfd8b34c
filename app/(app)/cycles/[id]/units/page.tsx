import { OrgSearchFields } from "@/components/orgs/org-search-fields";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleActionForm } from "@/components/cycles/action-form";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { EnrolForms } from "@/components/cycles/enrol-forms";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { cycleHead, cycleUnitCounts, listEnrolledUnits } from "@/lib/cycles/data";
import { enrolledListSchema, UNIT_PAGE_SIZE } from "@/lib/cycles/schema";
import { setupLockedReason } from "@/lib/cycles/workflow";
import { withQuery } from "@/lib/list-query";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/orgs/kinds";
import { enrolUnitsAction, unenrolUnitsAction } from "../../actions";

export const metadata: Metadata = { title: "受评单位 · 评价周期" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CycleUnitsPage({ params, searchParams }: Props) {
  await requirePermission("manage:cycles:any", "cycles");
  const cycle = await cycleHead((await params).id);
  if (!cycle) notFound();
  const query = enrolledListSchema.parse(await searchParams);
  const [{ rows, total }, counts] = await Promise.all([listEnrolledUnits(cycle.id, query), cycleUnitCounts(cycle.id)]);
  const base = `/cycles/${cycle.id}/units`;
  const sortable = { ...query } as typeof query & Record<string, unknown>;
  const locked = setupLockedReason(cycle.status, "units");
  const all = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="units" />
      <p className="text-sm" data-testid="unit-counts">
        共纳入 <strong className="tabular-nums">{all}</strong> 个受评单位
        {all > 0 ? `：${UNIT_KINDS.filter((k) => counts[k]).map((k) => `${UNIT_KIND_LABELS[k]}${counts[k]}个`).join("，")}` : ""}
      </p>
      {locked ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{locked}。</p> : <EnrolForms enrol={enrolUnitsAction} unenrol={unenrolUnitsAction} cycleId={cycle.id} version={cycle.version} />}
      <form role="search" className={`${ui.card} flex flex-wrap items-end gap-3`}>
        <OrgSearchFields q={query.q} kind={query.kind} />
        <button type="submit" className={ui.btnSecondary}>筛选</button>
        <Link href={base} className={ui.link}>清除</Link>
        <a href={`${base}/export${withQuery(query, { page: 1 })}`} className={`${ui.btnSecondary} ml-auto`}>导出 Excel</a>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} data-testid="enrolled-units">
          <thead className="bg-slate-100">
            <tr>
              <SortHeader label="单位名称" sortKey="name" current={sortable} basePath={base} />
              <SortHeader label="统一社会信用代码" sortKey="uscc" current={sortable} basePath={base} />
              <SortHeader label="类别" sortKey="kind" current={sortable} basePath={base} />
              <th scope="col" className={ui.th}>上级单位</th>
              <SortHeader label="纳入时间" sortKey="enrolledAt" current={sortable} basePath={base} />
              {locked ? null : <th scope="col" className={ui.th}><span className="sr-only">操作</span></th>}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr><td colSpan={6} className="px-3 py-8 text-center text-slate-500">没有符合条件的受评单位。</td></tr>
            ) : (
              rows.map((u) => (
                <tr key={u.organisationId} className={u.active ? "" : "text-slate-400"}>
                  <td className={ui.td}>
                    <Link href={`/orgs/${u.organisationId}`} className={ui.link}>{u.name}</Link>
                    {u.active ? null : <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">已停用</span>}
                  </td>
                  <td className={`${ui.td} font-mono text-xs`}>{u.uscc}</td>
                  <td className={ui.td}>{UNIT_KIND_LABELS[u.kind]}</td>
                  <td className={ui.td}>{u.parentName ?? "—"}</td>
                  <td className={`${ui.td} whitespace-nowrap text-xs`}>{u.enrolledAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                  {locked ? null : (
                    <td className={ui.td}>
                      <CycleActionForm action={unenrolUnitsAction} hidden={{ cycleId: cycle.id, expectedVersion: cycle.version, by: "ids", ids: u.organisationId }} label="移出" ariaLabel={`将${u.name}移出本周期`} tone="link" quiet className="inline" />
                    </td>
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageSize={UNIT_PAGE_SIZE} total={total} hrefFor={(page) => `${base}${withQuery(query, { page })}`} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { OrgSearchFields } from "@/components/orgs/org-search-fields";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { withQuery } from "@/lib/list-query";
import { listOrganisations, ORG_PAGE_SIZE, orgListSchema, organisationDetail } from "@/lib/orgs/data";
import { ORG_ROLE_LABELS, ORG_ROLES, UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

export const metadata: Metadata = { title: "单位管理" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsPage({ searchParams }: Props) {
  await requirePermission("manage:orgs:any");
  const query = orgListSchema.parse(await searchParams);
  const [{ rows, total }, under] = await Promise.all([listOrganisations(query), query.under ? organisationDetail(query.under) : null]);
  const sortable = { ...query } as typeof query & Record<string, unknown>;
  return (
    <div className="space-y-4">
      <PageHeader
        title="单位管理"
        description="受评单位、信源单位、信用办与委托部门。停用的单位保留全部历史，不会删除。"
        actions={
          <>
            <Link href="/orgs/new" className={ui.btnPrimary}>新建单位</Link>
            <Link href="/orgs/import" className={ui.btnSecondary}>导入单位名单</Link>
            <Link href="/orgs/tree" className={ui.btnSecondary}>层级树</Link>
            <a href={`/orgs/export${withQuery(query, { page: 1 })}`} className={ui.btnSecondary}>导出 Excel</a>
          </>
        }
      />
      <form role="search" className={`${ui.card} flex flex-wrap items-end gap-3`}>
        {query.under ? <input type="hidden" name="under" value={query.under} /> : null}
        <OrgSearchFields q={query.q} kind={query.kind} />
        <label className="text-sm">
          角色
          <select name="role" defaultValue={query.role ?? ""} className={ui.input}>
            <option value="">全部</option>
            {ORG_ROLES.map((r) => <option key={r} value={r}>{ORG_ROLE_LABELS[r]}</option>)}
          </select>
        </label>
        <label className="text-sm">
          状态
          <select name="status" defaultValue={query.status} className={ui.input}>
            <option value="active">在用</option>
            <option value="inactive">已停用</option>
            <option value="all">全部</option>
          </select>
        </label>
        <button type="submit" className={ui.btnSecondary}>筛选</button>
        <Link href="/orgs" className={ui.link}>清除</Link>
      </form>
      {under ? (
        <p className="text-sm">
          仅显示 <strong>{under.name}</strong> 及其下级单位。
          <Link href={`/orgs${withQuery(query, { under: undefined, page: 1 })}`} className={`${ui.link} ml-2`}>显示全部</Link>
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table}>
          <thead className="bg-slate-100">
            <tr>
              <SortHeader label="单位名称" sortKey="name" current={sortable} basePath="/orgs" />
              <SortHeader label="统一社会信用代码" sortKey="uscc" current={sortable} basePath="/orgs" />
              <SortHeader label="类别" sortKey="kind" current={sortable} basePath="/orgs" />
              <th scope="col" className={ui.th}>上级单位</th>
              <th scope="col" className={ui.th}>角色</th>
              <th scope="col" className={ui.th}>账户数</th>
              <SortHeader label="更新时间" sortKey="updatedAt" current={sortable} basePath="/orgs" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-8 text-center text-slate-500">
                  没有符合条件的单位。可以<Link href="/orgs/new" className={ui.link}>新建单位</Link>或<Link href="/orgs/import" className={ui.link}>导入单位名单</Link>。
                </td>
              </tr>
            ) : (
              rows.map((o) => (
                <tr key={o.id} className={o.active ? "" : "text-slate-400"}>
                  <td className={ui.td}>
                    <Link href={`/orgs/${o.id}`} className={ui.link}>{o.name}</Link>
                    {o.active ? null : <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-700">已停用</span>}
                  </td>
                  <td className={`${ui.td} font-mono text-xs`}>{o.uscc}</td>
                  <td className={ui.td}>{UNIT_KIND_LABELS[o.kind]}</td>
                  <td className={ui.td}>{o.parentName ?? "—"}</td>
                  <td className={ui.td}>{o.roles.map((r) => ORG_ROLE_LABELS[r]).join("、")}</td>
                  <td className={`${ui.td} tabular-nums`}>{o.userCount}</td>
                  <td className={`${ui.td} whitespace-nowrap text-xs`}>{o.updatedAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" })}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageSize={ORG_PAGE_SIZE} total={total} hrefFor={(page) => `/orgs${withQuery(query, { page })}`} />
    </div>
  );
}

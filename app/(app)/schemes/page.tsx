import type { Metadata } from "next";
import Link from "next/link";
import { VersionBadges } from "@/components/schemes/status-badges";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateCn } from "@/lib/clock";
import { withQuery } from "@/lib/list-query";
import { canManageSchemes, listSchemes, SCHEME_PAGE_SIZE, schemeListSchema } from "@/lib/schemes/data";

export const metadata: Metadata = { title: "指标体系" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchemesPage({ searchParams }: Props) {
  const actor = await requirePermission("read:schemes:any");
  const params = await searchParams;
  const query = schemeListSchema.parse(params);
  const manage = canManageSchemes(actor);
  const { groups, total } = await listSchemes(actor, query);
  return (
    <div className="space-y-4">
      <PageHeader
        title="指标体系"
        description="评价方案的各个版本。内置模板和已发布的版本不能修改；如需调整，从任一版本新建版本，修改后发布。"
        actions={
          manage ? (
            <>
              <Link href="/schemes/new" className={ui.btnPrimary}>新建版本</Link>
              <Link href="/schemes/import" className={ui.btnSecondary}>导入</Link>
              <Link href="/schemes/compare" className={ui.btnSecondary}>版本对比</Link>
            </>
          ) : (
            <Link href="/schemes/compare" className={ui.btnSecondary}>版本对比</Link>
          )
        }
      />
      {params.deleted ? <p role="status" className={ui.alertOk}>草稿已删除。</p> : null}
      <form role="search" className={`${ui.card} flex flex-wrap items-end gap-3`}>
        <label className="text-sm">
          方案代码或名称
          <input name="q" defaultValue={query.q} className={`${ui.input} w-64`} />
        </label>
        {manage ? (
          <label className="text-sm">
            状态
            <select name="status" defaultValue={query.status} className={ui.input}>
              <option value="all">全部</option>
              <option value="draft">草稿</option>
              <option value="published">已发布</option>
            </select>
          </label>
        ) : null}
        <button type="submit" className={ui.btnSecondary}>查询</button>
        <Link href="/schemes" className={ui.link}>清除</Link>
      </form>
      {groups.length === 0 ? (
        <p className={`${ui.card} text-center text-sm text-slate-500`}>没有符合条件的指标体系。</p>
      ) : (
        groups.map((group) => (
          <section key={group.code} className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200" aria-labelledby={`scheme-${group.code}`} data-scheme={group.code}>
            <h2 id={`scheme-${group.code}`} className="flex flex-wrap items-baseline gap-2 border-b border-slate-200 px-4 py-3">
              <span className="font-mono text-base font-semibold">{group.code}</span>
              <span className="text-sm text-slate-600">{group.versions[0]?.name}</span>
              <span className="text-xs text-slate-500">共{group.versions.length}个版本</span>
            </h2>
            <table className={ui.table}>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={ui.th}>版本</th>
                  <th scope="col" className={ui.th}>名称</th>
                  <th scope="col" className={ui.th}>状态</th>
                  <th scope="col" className={ui.th}>发布日期</th>
                  <th scope="col" className={ui.th}>基于</th>
                  <th scope="col" className={ui.th}>操作</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {group.versions.map((v) => (
                  <tr key={v.id} data-version={`${v.code}@${v.version}`}>
                    <td className={`${ui.td} whitespace-nowrap tabular-nums`}>第{v.version}版</td>
                    <td className={ui.td}>
                      <Link href={`/schemes/${v.id}`} className={ui.link}>{v.name}</Link>
                    </td>
                    <td className={ui.td}><VersionBadges status={v.status} builtIn={v.builtIn} /></td>
                    <td className={`${ui.td} whitespace-nowrap text-xs`}>{v.publishedAt ? formatDateCn(v.publishedAt) : "—"}</td>
                    <td className={`${ui.td} whitespace-nowrap text-xs`}>
                      {v.basedOn && (manage || v.basedOn.status === "published") ? (
                        <Link href={`/schemes/${v.basedOn.id}`} className={ui.link}>{v.basedOn.code} 第{v.basedOn.version}版</Link>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className={`${ui.td} whitespace-nowrap`}>
                      {manage ? <Link href={`/schemes/new?from=${v.id}`} className={ui.link}>新建版本</Link> : null}
                      {manage && v.status === "draft" ? <Link href={`/schemes/${v.id}/edit`} className={`${ui.link} ml-3`}>编辑</Link> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))
      )}
      <Pagination page={query.page} pageSize={SCHEME_PAGE_SIZE} total={total} hrefFor={(page) => `/schemes${withQuery(query, { page })}`} />
    </div>
  );
}

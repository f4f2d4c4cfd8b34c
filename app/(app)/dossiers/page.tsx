import type { Metadata } from "next";
import Link from "next/link";
import { OrgSearchFields } from "@/components/orgs/org-search-fields";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { DOSSIER_PAGE_SIZE, dossierListSchema, RECTIFICATION_FILTER_LABELS, RECTIFICATION_FILTERS } from "@/lib/dossiers/schema";
import { dossierChoices, listDossiers } from "@/lib/dossiers/search";
import { withQuery } from "@/lib/list-query";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

export const metadata: Metadata = { title: "诚信档案" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const BASE = "/dossiers";

/** Staff and reviewers search the dossiers of every unit with an archived year. */
export default async function DossiersPage({ searchParams }: Props) {
  await requirePermission("read:dossiers:any", "dossiers");
  const query = dossierListSchema.parse(await searchParams);
  const [{ rows, total }, choices] = await Promise.all([listDossiers(query, DOSSIER_PAGE_SIZE), dossierChoices()]);
  const sortable = { ...query } as typeof query & Record<string, unknown>;
  const filtered = Boolean(query.q || query.year || query.grade || query.kind || query.rectification);
  return (
    <div className="space-y-4">
      <PageHeader
        title="诚信档案"
        description="各受评单位历年最终评价结果、评价报告、整改情况和守信失信记录。评价周期归档时自动建档；归档内容不再改变，更正单独记录。"
        actions={<a href={`${BASE}/export${withQuery(query, { page: 1, sort: undefined, order: undefined })}`} className={ui.btnSecondary}>导出 Excel</a>}
      />
      <form role="search" className={`${ui.card} flex flex-wrap items-end gap-3`}>
        <OrgSearchFields q={query.q} kind={query.kind} />
        <label className="text-sm">
          年度
          <select name="year" defaultValue={query.year ?? ""} className={ui.input}>
            <option value="">最近年度</option>
            {choices.years.map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
        <label className="text-sm">
          等次
          <select name="grade" defaultValue={query.grade ?? ""} className={ui.input}>
            <option value="">全部</option>
            {choices.grades.map((g) => <option key={g} value={g}>{g}</option>)}
          </select>
        </label>
        <label className="text-sm">
          整改
          <select name="rectification" defaultValue={query.rectification ?? ""} className={ui.input}>
            <option value="">全部</option>
            {RECTIFICATION_FILTERS.map((r) => <option key={r} value={r}>{RECTIFICATION_FILTER_LABELS[r]}</option>)}
          </select>
        </label>
        <button type="submit" className={ui.btnSecondary}>筛选</button>
        <Link href={BASE} className={ui.link}>清除</Link>
      </form>
      <p className="text-xs text-slate-600">{query.year ? `显示${query.year}年度的结果；该年度未归档的单位不列出。` : "显示各单位最近一个归档年度的结果。"}总分和等次为更正后的数值。</p>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} data-testid="dossier-table">
          <thead className="bg-slate-100">
            <tr>
              <SortHeader label="单位名称" sortKey="name" current={sortable} basePath={BASE} />
              <th scope="col" className={ui.th}>类别</th>
              <SortHeader label="年度" sortKey="year" current={sortable} basePath={BASE} />
              <SortHeader label="总分" sortKey="total" current={sortable} basePath={BASE} />
              <SortHeader label="等次" sortKey="grade" current={sortable} basePath={BASE} />
              <th scope="col" className={ui.th}>排名</th>
              <th scope="col" className={ui.th}>归档年度数</th>
              <SortHeader label="未办结整改" sortKey="open" current={sortable} basePath={BASE} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-8 text-center text-slate-500">
                  {filtered ? (
                    <>没有符合条件的档案。请换一个关键词，或<Link href={BASE} className={ui.link}>清除筛选条件</Link>。</>
                  ) : (
                    "还没有档案。评价周期在“归档与汇编”中归档后，各受评单位的最终结果和报告自动存入档案。"
                  )}
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.id}>
                  <td className={ui.td}>
                    <Link href={`${BASE}/${r.id}`} className={ui.link}>{r.name}</Link>
                    <span className="block font-mono text-xs text-slate-500">{r.uscc}</span>
                  </td>
                  <td className={ui.td}>{UNIT_KIND_LABELS[r.kind]}</td>
                  <td className={`${ui.td} tabular-nums`}>{r.year}</td>
                  <td className={`${ui.td} tabular-nums`}>{r.total}{r.amended ? <span className="ml-1 text-xs text-amber-800">已更正</span> : null}</td>
                  <td className={ui.td}>{r.grade ?? "—"}</td>
                  <td className={`${ui.td} tabular-nums`}>{r.rankPosition}/{r.rankOf}</td>
                  <td className={`${ui.td} tabular-nums`}>{r.years}</td>
                  <td className={`${ui.td} tabular-nums`}>
                    {r.openCount}
                    {r.pendingCount > 0 ? <span className="ml-1 rounded bg-sky-50 px-1.5 text-xs text-sky-900 ring-1 ring-sky-200">{r.pendingCount}项待审核</span> : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageSize={DOSSIER_PAGE_SIZE} total={total} hrefFor={(page) => `${BASE}${withQuery(query, { page })}`} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { IndicatorAverages } from "@/components/results/indicator-averages";
import { RankingTable } from "@/components/results/ranking-table";
import { CategoryAverageChart, GradeChart, ScoreDistributionChart } from "@/components/results/result-charts";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { hasPermission } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { withQuery } from "@/lib/list-query";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { rankingPage, rankingSchemes, resultsCycle, schemeStatistics } from "@/lib/results/data";
import { RANKING_PAGE_SIZE, rankingQuerySchema, rankingSortFor } from "@/lib/results/schema";

export const metadata: Metadata = { title: "评分结果" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResultsPage({ params, searchParams }: Props) {
  const actor = await requirePermission("read:results:any", "cycles.results");
  const cycle = await resultsCycle((await params).id, actor.roles);
  if (!cycle) notFound();
  const office = hasPermission(actor.roles, "run:scoring:any");
  const schemes = await rankingSchemes(cycle.id);
  const raw = rankingQuerySchema.parse(await searchParams);
  const scheme = schemes.find((s) => s.schemeVersionId === raw.scheme) ?? schemes.find((s) => s.results > 0) ?? schemes[0];
  const base = `/cycles/${cycle.id}/results`;
  const nav = <CycleNav cycle={cycle} current="results" readOnly={!hasPermission(actor.roles, "manage:cycles:any")} />;
  if (!scheme) {
    return <div className="space-y-4">{nav}<p className={`${ui.card} text-sm text-slate-600`}>本周期没有选用指标体系，因此没有评分结果。</p></div>;
  }
  const query = { ...raw, scheme: scheme.schemeVersionId, sort: rankingSortFor(raw, scheme.categories.map((c) => c.code)) };
  const [{ rows, total }, stats] = await Promise.all([rankingPage(cycle.id, scheme.schemeVersionId, query, RANKING_PAGE_SIZE), schemeStatistics(cycle.id, scheme)]);
  const current = { ...query } as typeof query & Record<string, unknown>;
  const filtered = Boolean(query.q || query.kind || query.grade || query.issued);
  return (
    <div className="space-y-4">
      {nav}
      {schemes.length > 1 ? (
        <nav aria-label="指标体系" className="flex flex-wrap gap-2 text-sm">
          {schemes.map((s) => (
            <Link key={s.schemeVersionId} href={`${base}?scheme=${s.schemeVersionId}`} aria-current={s === scheme ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${s === scheme ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}>
              {s.name}（{s.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join("、")}，{s.results}个）
            </Link>
          ))}
        </nav>
      ) : null}
      <p className="text-sm text-slate-700">
        {scheme.name}（{scheme.code} 第{scheme.version}版），适用于{scheme.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join("、")}。排名按总分从高到低，总分相同名次并列；筛选不改变名次。
        {stats.count > 0 ? <Link href={`/cycles/compare?b=${cycle.id}`} className={`${ui.link} ml-2`}>与往年对比</Link> : null}
      </p>
      {stats.count === 0 ? (
        <p className={`${ui.card} text-sm text-slate-600`} data-testid="no-results">
          该指标体系下还没有评分结果。
          {office ? <>到<Link href={`/cycles/${cycle.id}/scoring`} className={ui.link}>“评分”页</Link>开始评分，成功后在这里查看排名和统计。</> : "信用办完成评分后在这里查看。"}
        </p>
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="results-summary">
            {([["已评分单位", stats.count.toLocaleString("zh-CN")], ["平均分", stats.average?.toFixed(2) ?? "—"], ["最高分", stats.max?.toFixed(2) ?? "—"], ["最低分", stats.min?.toFixed(2) ?? "—"]] as const).map(([label, value]) => (
              <div key={label} className={`${ui.card} py-3`}><dt className="text-xs text-slate-600">{label}</dt><dd className="text-2xl font-semibold tabular-nums">{value}</dd></div>
            ))}
          </dl>
          <div className="grid gap-4 lg:grid-cols-3">
            <ScoreDistributionChart bins={stats.bins} />
            <GradeChart grades={stats.grades} />
            <CategoryAverageChart categories={stats.categories} />
          </div>
          <IndicatorAverages rows={stats.indicators} />
          <section aria-labelledby="ranking-title" className="space-y-3">
            <h2 id="ranking-title" className="font-semibold">排名</h2>
            <form role="search" action={base} className={`${ui.card} flex flex-wrap items-end gap-3 py-3`}>
              <input type="hidden" name="scheme" value={scheme.schemeVersionId} />
              <label className="text-sm">单位名称或信用代码<input name="q" defaultValue={query.q} className={`${ui.input} w-52`} /></label>
              {scheme.unitKinds.length > 1 ? (
                <label className="text-sm">
                  单位类别
                  <select name="kind" defaultValue={query.kind ?? ""} className={ui.input}>
                    <option value="">全部</option>
                    {scheme.unitKinds.map((k) => <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>)}
                  </select>
                </label>
              ) : null}
              <label className="text-sm">
                等次
                <select name="grade" defaultValue={query.grade ?? ""} className={ui.input}>
                  <option value="">全部</option>
                  {scheme.grades.map((g) => <option key={g} value={g}>{g}</option>)}
                </select>
              </label>
              <label className="text-sm">
                送达状态
                <select name="issued" defaultValue={query.issued ?? ""} className={ui.input}>
                  <option value="">全部</option>
                  <option value="yes">已送达</option>
                  <option value="no">未送达</option>
                </select>
              </label>
              <button type="submit" className={ui.btnSecondary}>筛选</button>
              <Link href={`${base}?scheme=${scheme.schemeVersionId}`} className={ui.link}>清除</Link>
              <a href={`${base}/export${withQuery(query, { page: 1, sort: undefined, order: undefined })}`} className={`${ui.btnSecondary} ml-auto`}>导出 Excel</a>
            </form>
            <RankingTable cycleId={cycle.id} scheme={scheme} rows={rows} sort={current} basePath={base} />
            <Pagination page={query.page} pageSize={RANKING_PAGE_SIZE} total={total} hrefFor={(page) => `${base}${withQuery(query, { page })}`} />
            {filtered ? <p className="text-xs text-slate-600">导出包含符合当前筛选条件的全部单位，按排名顺序。</p> : null}
          </section>
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeDistributionChart } from "@/components/results/change-chart";
import { CompareSummaryCards, MoversList, TransitionMatrixTable } from "@/components/results/cycle-compare-summary";
import { CycleCompareTable } from "@/components/results/cycle-compare-table";
import { CyclePairForm } from "@/components/results/cycle-pair-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { hasPermission } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { withQuery } from "@/lib/list-query";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { cycleComparisonPage, cycleComparisonSummary, cyclePair } from "@/lib/results/compare-cycles";
import { CHANGE_CENTER, COMPARE_GROUP_LABELS, COMPARE_GROUPS, MOVERS_SHOWN, sideLabels } from "@/lib/results/movers";
import { CYCLE_COMPARE_PAGE_SIZE, cycleCompareQuerySchema } from "@/lib/results/schema";

export const metadata: Metadata = { title: "年度对比" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const BASE = "/cycles/compare";

export default async function CycleComparePage({ searchParams }: Props) {
  const actor = await requirePermission("read:results:any", "cycles.compare");
  const raw = cycleCompareQuerySchema.parse(await searchParams);
  const pair = await cyclePair(actor.roles, raw.a, raw.b);
  if (!pair) notFound();
  const office = hasPermission(actor.roles, "manage:cycles:any");
  const header = (
    <div className="space-y-3">
      <nav className="text-sm" aria-label="位置">
        {office ? <Link href="/cycles" className={ui.link}>评价周期</Link> : <Link href="/" className={ui.link}>首页</Link>} › 年度对比
      </nav>
      <PageHeader title="年度对比" description="比较两个评价周期中同一单位（按单位匹配）的当前评价结果：得分和等次的变化、变化最大的单位，以及新增和退出的单位。" />
    </div>
  );
  const { a, b } = pair;
  const form = <CyclePairForm options={pair.options} a={a?.id ?? null} b={b?.id ?? null} kind={raw.kind} basePath={BASE} />;
  if (!a || !b || a.id === b.id) {
    const why = pair.options.length < 2
      ? "至少需要两个已有评分结果的评价周期才能对比。"
      : a && b ? "请选择两个不同的评价周期。" : "所选周期之前（或之后）没有其他已有评分结果的评价周期，请另选一个周期。";
    return <div className="space-y-4">{header}{pair.options.length > 0 ? form : null}<p className={`${ui.card} text-sm text-slate-600`} data-testid="compare-unavailable">{why}</p></div>;
  }
  const query = { ...raw, a: a.id, b: b.id };
  const sides = sideLabels(a, b);
  const [summary, { rows, total }] = await Promise.all([cycleComparisonSummary(a.id, b.id, query.kind), cycleComparisonPage(a.id, b.id, query, CYCLE_COMPARE_PAGE_SIZE)]);
  const current = { ...query } as typeof query & Record<string, unknown>;
  const kindNote = query.kind ? `（仅${UNIT_KIND_LABELS[query.kind]}）` : "";
  return (
    <div className="space-y-4">
      {header}
      {form}
      <p className="text-sm text-slate-700">
        A：{a.name}，B：{b.name}{kindNote}。变化为 B 的总分减 A 的总分；名次为各周期内同一指标体系下的排名；等次升降按各自指标体系的等次分数线比较。
        {a.year > b.year ? <strong className="ml-1">注意：A 晚于 B，变化按所选顺序计算。</strong> : null}
      </p>
      <CompareSummaryCards summary={summary} />
      <ChangeDistributionChart bins={summary.bins} center={CHANGE_CENTER} />
      <div className="grid gap-4 lg:grid-cols-2">
        <MoversList title={`得分上升最多的${MOVERS_SHOWN}个单位`} movers={summary.risers} sides={sides} testId="risers" />
        <MoversList title={`得分下降最多的${MOVERS_SHOWN}个单位`} movers={summary.fallers} sides={sides} testId="fallers" />
      </div>
      <TransitionMatrixTable matrix={summary.matrix} sides={sides} />
      <section aria-labelledby="units-title" className="space-y-3">
        <h2 id="units-title" className="font-semibold">各单位明细</h2>
        <nav aria-label="对比情况" className="flex flex-wrap gap-2 text-sm">
          {COMPARE_GROUPS.map((g) => (
            <Link key={g} href={`${BASE}${withQuery(query, { show: g === "compared" ? undefined : g, page: 1, q: undefined })}`} aria-current={g === query.show ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${g === query.show ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}>
              {COMPARE_GROUP_LABELS[g]}（{summary.groups[g].toLocaleString("zh-CN")}）
            </Link>
          ))}
        </nav>
        <form role="search" action={BASE} className={`${ui.card} flex flex-wrap items-end gap-3 py-3`}>
          <input type="hidden" name="a" value={a.id} />
          <input type="hidden" name="b" value={b.id} />
          {query.kind ? <input type="hidden" name="kind" value={query.kind} /> : null}
          {query.show !== "compared" ? <input type="hidden" name="show" value={query.show} /> : null}
          <label className="text-sm">单位名称或信用代码<input name="q" defaultValue={query.q} className={`${ui.input} w-56`} /></label>
          <button type="submit" className={ui.btnSecondary}>搜索</button>
          {query.q ? <Link href={`${BASE}${withQuery(query, { q: undefined, page: 1 })}`} className={ui.link}>清除</Link> : null}
          <a href={`${BASE}/export${withQuery({ a: a.id, b: b.id, kind: query.kind, q: query.q }, {})}`} className={`${ui.btnSecondary} ml-auto`}>导出 Excel</a>
        </form>
        <CycleCompareTable rows={rows} cycles={{ a: a.id, b: b.id }} sides={sides} sort={current} basePath={BASE} />
        <Pagination page={query.page} pageSize={CYCLE_COMPARE_PAGE_SIZE} total={total} hrefFor={(page) => `${BASE}${withQuery(query, { page })}`} />
        <p className="text-xs text-slate-600">导出包含全部四种对比情况的单位{query.kind || query.q ? "（按当前类别和名称筛选）" : ""}，两期均有结果的单位按得分变化从高到低排列。</p>
      </section>
    </div>
  );
}

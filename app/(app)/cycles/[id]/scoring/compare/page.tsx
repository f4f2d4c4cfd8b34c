import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { CompareTable } from "@/components/results/compare-table";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { withQuery } from "@/lib/list-query";
import { compareRuns, latestSucceededRuns, rankingSchemes, scoringCycle, type CompareSummary } from "@/lib/results/data";
import { COMPARE_PAGE_SIZE, compareQuerySchema } from "@/lib/results/schema";

function changeParts(s: CompareSummary): string[] {
  const parts = [`总分上升${s.up}个`, `下降${s.down}个`, `等次变化${s.gradeChanged}个`];
  if (s.onlyA > 0) parts.push(`仅A有结果${s.onlyA}个`);
  if (s.onlyB > 0) parts.push(`仅B有结果${s.onlyB}个`);
  return parts;
}

export const metadata: Metadata = { title: "比较两次评分" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompareRunsPage({ params, searchParams }: Props) {
  await requirePermission("run:scoring:any", "cycles.scoring");
  const cycle = await scoringCycle((await params).id);
  if (!cycle) notFound();
  const runs = await latestSucceededRuns(cycle.id, 200);
  const raw = compareQuerySchema.parse(await searchParams);
  const query = { ...raw, a: raw.a ?? runs[1]?.id, b: raw.b ?? runs[0]?.id };
  const base = `/cycles/${cycle.id}/scoring/compare`;
  const [outcome, schemes] = await Promise.all([compareRuns(cycle.id, query, COMPARE_PAGE_SIZE), rankingSchemes(cycle.id)]);
  const indicatorNames = new Map(schemes.flatMap((s) => s.indicators.map((i) => [i.code, i.name] as const)));
  const runSelect = (name: "a" | "b", label: string, value: string | undefined) => (
    <label className="text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={ui.input}>
        {runs.map((r) => <option key={r.id} value={r.id}>第{r.number}次（{r.finishedAt ? formatDateTimeCn(r.finishedAt) : ""}，{r.unitCount}个单位）</option>)}
      </select>
    </label>
  );
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="scoring" />
      <p className="text-sm"><Link href={`/cycles/${cycle.id}/scoring`} className={ui.link}>← 返回评分</Link></p>
      <h2 className="text-lg font-semibold">比较两次评分</h2>
      {runs.length < 2 ? (
        <p className={`${ui.card} text-sm text-slate-600`} data-testid="compare-empty">至少需要两次成功的评分才能比较。更正数据后在“评分”页再次评分，然后回到这里比较。</p>
      ) : (
        <>
          <form role="search" action={base} className={`${ui.card} flex flex-wrap items-end gap-3 py-3`}>
            {runSelect("a", "A（之前）", query.a)}
            {runSelect("b", "B（之后）", query.b)}
            <label className="text-sm">单位名称或信用代码<input name="q" defaultValue={query.q} className={`${ui.input} w-52`} /></label>
            <label className="text-sm">
              排序
              <select name="sort" defaultValue={query.sort} className={ui.input}>
                <option value="delta">变化最大的在前</option>
                <option value="name">按单位名称</option>
              </select>
            </label>
            <label className="flex items-center gap-2 pb-2 text-sm"><input type="checkbox" name="all" value="1" defaultChecked={query.all === "1"} />包括没有变化的单位</label>
            <button type="submit" className={ui.btnSecondary}>比较</button>
          </form>
          {!outcome ? (
            <p className={ui.alertError}>所选的评分不存在或未成功完成，请重新选择。</p>
          ) : (
            <>
              <p className="text-sm" data-testid="compare-summary">
                {`第${outcome.a.number}次 → 第${outcome.b.number}次：共${outcome.summary.units.toLocaleString("zh-CN")}个单位，结果有变化的`}
                <strong>{outcome.summary.changed.toLocaleString("zh-CN")}</strong>
                {`个（${changeParts(outcome.summary).join("、")}）。`}
              </p>
              <CompareTable rows={outcome.rows} indicatorNames={indicatorNames} numbers={{ a: outcome.a.number, b: outcome.b.number }} />
              <Pagination page={query.page} pageSize={COMPARE_PAGE_SIZE} total={outcome.total} hrefFor={(page) => `${base}${withQuery(query, { page })}`} />
            </>
          )}
        </>
      )}
    </div>
  );
}

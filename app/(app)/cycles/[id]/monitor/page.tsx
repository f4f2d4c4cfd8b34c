import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MonitorTable } from "@/components/cycles/collection/monitor-table";
import { NegativeRecords } from "@/components/cycles/collection/negative-records";
import { SearchForm } from "@/components/cycles/collection/search-form";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { collectionCycle, PROGRESS_PAGE_SIZE, unitProgressSchema } from "@/lib/collection/completeness";
import { monitorPage, recentNegativeRecords } from "@/lib/collection/monitor";
import { withQuery } from "@/lib/list-query";

export const metadata: Metadata = { title: "实时监测" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MonitorPage({ params, searchParams }: Props) {
  await requirePermission("manage:cycles:any", "cycles.monitor");
  const cycle = await collectionCycle((await params).id);
  if (!cycle) notFound();
  const query = unitProgressSchema.parse({ sort: "name", ...(await searchParams) });
  const { rows, total, slots } = await monitorPage(cycle.id, query);
  const warnings = await recentNegativeRecords(cycle.id, slots);
  const basePath = `/cycles/${cycle.id}/monitor`;
  const current = { ...query } as typeof query & Record<string, unknown>;
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="monitor" />
      <p className={`${ui.card} py-3 text-sm text-slate-700`}>
        暂计得分按目前已报齐的指标，用正式评分的同一评分引擎计算，并按各方面的权重折算；“/”后是这些指标折算后的满分。尚未报齐的指标显示为“待报送”，不计分、不估算。全部指标报齐后显示总分和等级。本页只供监测，不是评价结果。
      </p>
      <div className="grid gap-4 xl:grid-cols-[1fr_320px]">
        <section aria-label="受评单位暂计得分" className="min-w-0 space-y-3">
          <SearchForm basePath={basePath} hidden={{}} q={query.q} label="单位名称或信用代码" kind={query.kind ?? null} />
          <MonitorTable rows={rows} sort={current} basePath={basePath} />
          <Pagination page={query.page} pageSize={PROGRESS_PAGE_SIZE} total={total} hrefFor={(page) => `${basePath}${withQuery(current, { page })}`} />
        </section>
        <NegativeRecords rows={warnings} />
      </div>
    </div>
  );
}

import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import {
  PROGRESS_PAGE_SIZE,
  referenceConflicts,
  slotProgress,
  slotProgressSchema,
  sourceProgress,
  sourceProgressSchema,
  unitProgress,
  unitProgressSchema,
  type CollectionCycle,
  type CycleSlots,
} from "@/lib/collection/completeness";
import { isPastDeadline } from "@/lib/collection/deadline";
import { combinedPage, combinedSlots } from "@/lib/collection/monitor";
import { slotKey } from "@/lib/collection/slots";
import { withQuery } from "@/lib/list-query";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import type { CollectionView } from "./collection-tabs";
import { CombinedTable } from "./combined-table";
import { ConflictTable } from "./conflict-table";
import type { CollectionActions } from "./party-actions";
import { SearchForm } from "./search-form";
import { SlotTable } from "./slot-table";
import { SourceTable } from "./source-table";
import { UnitTable } from "./unit-table";

type Props = {
  view: CollectionView;
  cycle: CollectionCycle;
  slots: CycleSlots;
  raw: Record<string, string | string[] | undefined>;
  state: { collecting: boolean; pastDeadline: boolean; today: string; at: Date };
  actions: CollectionActions;
};

/** The list of the chosen view: searched, sorted and paginated in the database, exported to Excel. */
export async function CollectionViewSection({ view, cycle, slots, raw, state, actions }: Props) {
  const basePath = `/cycles/${cycle.id}/collection`;
  const exportHref = (query: Record<string, unknown>) => `${basePath}/export${withQuery({ ...query, view }, { page: 1 })}`;
  if (view === "sources") {
    const query = sourceProgressSchema.parse(raw);
    const { rows, total } = await sourceProgress(cycle.id, slots, query, query.page);
    const current = { ...query, view } as typeof query & Record<string, unknown>;
    return (
      <section aria-label="按信源单位" className="space-y-3">
        <SearchForm basePath={basePath} hidden={{ view }} q={query.q} label="信源单位名称" exportHref={exportHref(query)} />
        <SourceTable rows={rows} cycleId={cycle.id} {...state} actions={actions} sort={current} basePath={basePath} />
        <Pagination page={query.page} pageSize={PROGRESS_PAGE_SIZE} total={total} hrefFor={(page) => `${basePath}${withQuery(current, { page })}`} />
      </section>
    );
  }
  if (view === "units") {
    const query = unitProgressSchema.parse(raw);
    const { rows, total } = await unitProgress(cycle.id, slots, query, query.page);
    const current = { ...query, view } as typeof query & Record<string, unknown>;
    const late = { selfAssessment: state.pastDeadline, commitments: isPastDeadline(cycle.commitmentsDeadline, state.at) };
    return (
      <section aria-label="按受评单位" className="space-y-3">
        <SearchForm basePath={basePath} hidden={{ view }} q={query.q} label="单位名称或信用代码" kind={query.kind ?? null} exportHref={exportHref(query)} />
        <UnitTable rows={rows} cycleId={cycle.id} collecting={state.collecting} late={late} actions={actions} sort={current} basePath={basePath} />
        <Pagination page={query.page} pageSize={PROGRESS_PAGE_SIZE} total={total} hrefFor={(page) => `${basePath}${withQuery(current, { page })}`} />
      </section>
    );
  }
  if (view === "slots") {
    const query = slotProgressSchema.parse(raw);
    const { rows, total } = await slotProgress(cycle.id, slots, query, query.page);
    const current = { ...query, view } as typeof query & Record<string, unknown>;
    const info = (code: string) => {
      const slot = slots.slots.find((s) => slotKey(s) === code);
      return slot ? { name: slot.name, mode: slot.mode, sources: slot.bound.sources.map((s) => slots.sourceNames[s.sourceOrgId] ?? "") } : undefined;
    };
    return (
      <section aria-label="按指标" className="space-y-3">
        <SearchForm basePath={basePath} hidden={{ view }} q={query.q} label="指标代码或名称" exportHref={exportHref(query)} />
        <SlotTable rows={rows} info={info} sort={current} basePath={basePath} />
        <Pagination page={query.page} pageSize={PROGRESS_PAGE_SIZE} total={total} hrefFor={(page) => `${basePath}${withQuery(current, { page })}`} />
      </section>
    );
  }
  if (view === "conflicts") {
    const page = Math.max(1, Number(raw.page) || 1);
    const { rows, total } = await referenceConflicts(cycle.id, page);
    return (
      <section aria-label="文号冲突" className="space-y-3">
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          同一文号/编号由不同信源单位报送，或用于不同单位、不同指标的记录（比较时忽略空格和大小写）。请核实是否重复计数或填错。
          <a href={exportHref({})} className={`${ui.btnSecondary} ml-auto`}>导出 Excel</a>
        </p>
        <ConflictTable rows={rows} />
        <Pagination page={page} pageSize={PROGRESS_PAGE_SIZE} total={total} hrefFor={(p) => `${basePath}${withQuery({ view }, { page: p })}`} />
      </section>
    );
  }
  const candidates = combinedSlots(slots);
  const chosen = candidates.find((s) => `${s.unitKind}:${slotKey(s)}` === raw.slot) ?? candidates[0];
  if (!chosen) return <p className={`${ui.card} text-slate-600`}>本周期没有由多个信源单位共同报送的指标。</p>;
  const page = Math.max(1, Number(raw.page) || 1);
  const q = typeof raw.q === "string" ? raw.q.trim().slice(0, 100) : undefined;
  const { rows, total } = await combinedPage(cycle.id, chosen, { q, page });
  const current = { view, slot: `${chosen.unitKind}:${slotKey(chosen)}`, q };
  return (
    <section aria-label="多来源合并" className="space-y-3">
      <SearchForm basePath={basePath} hidden={{ view }} q={q} label="单位名称">
        <label className="text-sm">
          指标
          <select name="slot" defaultValue={current.slot} className={ui.input}>
            {candidates.map((s) => <option key={`${s.unitKind}:${slotKey(s)}`} value={`${s.unitKind}:${slotKey(s)}`}>{s.name}（{UNIT_KIND_LABELS[s.unitKind]}）</option>)}
          </select>
        </label>
      </SearchForm>
      <p className="text-sm text-slate-600">
        多个信源单位报送同一指标时：记录数相加，奖励取并集，表示未达标的“否”只要有一个来源填报即为“否”（
        <Link href="/schemes" className={ui.link}>评分规则</Link>）。
      </p>
      <CombinedTable rows={rows} sources={chosen.bound.sources.map((s) => slots.sourceNames[s.sourceOrgId] ?? s.sourceOrgId)} />
      <Pagination page={page} pageSize={20} total={total} hrefFor={(p) => `${basePath}${withQuery(current, { page: p })}`} />
    </section>
  );
}

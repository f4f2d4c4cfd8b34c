import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CorrectionHistory } from "@/components/corrections/correction-history";
import { OutcomeBanner } from "@/components/corrections/outcome-banner";
import { SourceCard, type CorrectionActions } from "@/components/corrections/source-card";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import { correctionView } from "@/lib/collection/correction-data";
import { correctionBackHref, correctionHref } from "@/lib/collection/correction-links";
import { beijingDate } from "@/lib/collection/deadline";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { ruleToText } from "@/lib/scoring";
import { correctAddRecordAction, correctToNoneAction, correctToNotApplicableAction, correctValueAction, correctWithdrawRecordAction } from "./actions";

export const metadata: Metadata = { title: "更正指标数据" };

const param = z.string().trim().max(60);
const querySchema = z.object({
  u: param.catch(""),
  i: param.catch(""),
  sub: param.default("").catch(""),
  run: param.regex(/^[\w-]+$/).optional().catch(undefined),
});

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ACTIONS: CorrectionActions = {
  value: correctValueAction,
  addRecord: correctAddRecordAction,
  withdraw: correctWithdrawRecordAction,
  none: correctToNoneAction,
  notApplicable: correctToNotApplicableAction,
};

/** Where a record's date may fall (as lib/collection/record-dates.ts checks it on the server). */
function dateBounds(year: number, deadline: string, today: string): { min: string; max: string } {
  const yearEnd = `${year}-12-31`;
  const upper = deadline > yearEnd ? deadline : yearEnd;
  return { min: `${year}-01-01`, max: today < upper ? today : upper };
}

export default async function CorrectFactsPage({ params, searchParams }: Props) {
  await requirePermission("correct:facts:any", "cycles");
  const { id } = await params;
  const query = querySchema.parse(await searchParams);
  const view = query.u && query.i ? await correctionView({ cycleId: id, unitId: query.u, indicatorCode: query.i, subKey: query.sub }) : null;
  if (!view) notFound();
  const back = <Link href={correctionBackHref(id, query.run)} className={ui.btnSecondary}>返回评分</Link>;
  const crumbs = (
    <nav className="text-sm" aria-label="位置">
      <Link href="/cycles" className={ui.link}>评价周期</Link> › <Link href={`/cycles/${view.cycle.id}`} className={ui.link}>{view.cycle.name}</Link> › 更正指标数据
    </nav>
  );

  if ("items" in view) {
    return (
      <div className="space-y-4">
        {crumbs}
        <PageHeader title="更正指标数据" description={`${view.unit.name} · ${view.indicatorName}`} actions={back} />
        <section aria-label="选择子项" className={`${ui.card} space-y-2 text-sm`}>
          <p>该指标由以下子项组成，请选择要更正的子项：</p>
          <ul className="list-disc space-y-1 pl-6">
            {view.items.map((item) => (
              <li key={item.subKey}>
                <Link href={correctionHref(id, { unitId: view.unit.id, indicatorCode: query.i, subKey: item.subKey }, query.run)} className={ui.link}>{item.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    );
  }

  const { cycle, unit, slot, refusal, outcome, sources, others } = view;
  const cell = { cycleId: cycle.id, unitId: unit.id, indicatorCode: slot.indicatorCode, subKey: slot.subKey };
  const bounds = dateBounds(cycle.year, cycle.collectionDeadline, beijingDate(now()));
  const rows: [string, React.ReactNode][] = [
    ["受评单位", `${unit.name}（${UNIT_KIND_LABELS[unit.kind]}）`],
    ["指标", `${slot.categoryName} · ${slot.name}（${slot.indicatorCode}${slot.subKey ? `/${slot.subKey}` : ""}，满分${slot.max}分）`],
    ...(slot.content ? [["评价内容", slot.content] as [string, string]] : []),
    ["计分规则", ruleToText(slot.rule, slot.max)],
    ["填报方式", slot.mode === "records" ? "按记录报送（逐条记录，计数由记录得出）" : "填报单值"],
    ...(others.length > 0 ? [["其他来源", `${others.map((o) => o.name).join("、")}（非牵头单位，以牵头单位的填报为准）`] as [string, string]] : []),
    ...(unit.issuedAt ? [["初评送达", formatDateTimeCn(unit.issuedAt)] as [string, string]] : []),
  ];
  return (
    <div className="space-y-4">
      {crumbs}
      <PageHeader title="更正指标数据" description={`${cycle.name} · ${unit.name} · ${slot.name}`} actions={back} />
      <section aria-label="指标说明" className={`${ui.card} grid gap-2 text-sm sm:grid-cols-[6rem_1fr]`}>
        {rows.map(([term, value]) => (
          <div key={term} className="contents"><span className="text-slate-500">{term}</span><span>{value}</span></div>
        ))}
      </section>
      <OutcomeBanner outcome={outcome} sourceNames={view.sourceNames} />
      {refusal ? (
        <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800"><strong>不能更正：</strong>{refusal}</p>
      ) : (
        <p className="text-sm text-slate-600">
          更正以数据来源单位的名义保存（数据仍归属该来源单位），更正人和更正原因记入审计日志。记录不能修改或删除：如有错误，请撤回后补录。更正后请重新评分。
        </p>
      )}
      {sources.length === 0 ? <p className={ui.alertError}>该指标没有可以填报的数据来源单位，请先在“数据来源”中设置。</p> : null}
      {sources.map((source, index) => (
        <SourceCard key={source.sourceOrgId} cell={cell} slot={slot} source={source} actions={refusal ? null : ACTIONS} dateBounds={bounds} index={index} />
      ))}
      <CorrectionHistory rows={view.corrections} />
    </div>
  );
}

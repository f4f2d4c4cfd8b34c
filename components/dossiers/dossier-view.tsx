import { BadRecords } from "./bad-records";
import { DossierYears } from "./dossier-years";
import { RectificationList } from "./rectification-list";
import { StandingRecords } from "./standing-records";
import { TrendChart } from "./trend-chart";
import { effectiveFigures, trendOf } from "@/lib/dossiers/amendments";
import type { Dossier, DossierEntryView, RectificationView } from "@/lib/dossiers/data";
import { groupRectifications, isClosed } from "@/lib/dossiers/rectification";
import type { DossierRecords } from "@/lib/dossiers/records";
import type { DossierRecordsQuery } from "@/lib/dossiers/schema";

type Props = {
  dossier: Dossier;
  records: DossierRecords;
  recordsQuery: DossierRecordsQuery;
  basePath: string;
  entryHref: (entryId: string) => string;
  amendSlot?: (entry: DossierEntryView) => React.ReactNode;
  rectificationSlot?: (item: RectificationView) => React.ReactNode;
};

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} id={id} className="scroll-mt-4 space-y-3">
      <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A unit's dossier: results by year with the trend, rectification, trust and breach records, bad records. */
export function DossierView({ dossier, records, recordsQuery, basePath, entryHref, amendSlot, rectificationSlot }: Props) {
  const { entries } = dossier;
  const items = entries.flatMap((e) => e.rectifications);
  const groups = groupRectifications(items, entries[0]?.year ?? null);
  const open = items.filter((i) => !isClosed(i)).length;
  const latest = entries[0] ? effectiveFigures(entries[0], entries[0].amendments) : null;
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="dossier-summary">
        {([["归档年度", entries.length], ["最近年度总分", latest ? `${latest.total}${latest.grade ? `（${latest.grade}）` : ""}` : "—"], ["未办结整改", open], ["不良记录", dossier.badRecords.length]] as const).map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200"><dt className="text-xs text-slate-600">{label}</dt><dd className="text-2xl font-semibold tabular-nums">{value}</dd></div>
        ))}
      </dl>
      <Section id="years" title="历年评价结果">
        {entries.length === 0 ? <p className="text-sm text-slate-600">尚无归档的评价结果。评价周期归档后，最终评价结果和报告自动存入档案。</p> : (
          <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
            <DossierYears entries={entries} entryHref={entryHref} amendSlot={amendSlot} />
            <div><TrendChart points={trendOf(entries)} /></div>
          </div>
        )}
      </Section>
      <Section id="rectification" title="整改情况">
        <RectificationList groups={groups} slot={rectificationSlot} />
      </Section>
      <Section id="records" title="守信激励与失信记录">
        <StandingRecords records={records} query={recordsQuery} basePath={basePath} />
      </Section>
      <Section id="bad-records" title="不良记录">
        <BadRecords records={dossier.badRecords} />
      </Section>
    </div>
  );
}

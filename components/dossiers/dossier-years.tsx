import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { formatDateCn } from "@/lib/clock";
import { effectiveFigures } from "@/lib/dossiers/amendments";
import type { DossierEntryView } from "@/lib/dossiers/data";
import { finalKindLabel } from "@/lib/dossiers/policy";
import { AmendmentList } from "./amendment-list";

const sizeKb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Every archived year, newest first: the archived figures (and as amended), the rank, how the final
 * result came about, the report on screen and as the archived Word file; amendments beside each.
 */
export function DossierYears({ entries, entryHref, amendSlot }: { entries: DossierEntryView[]; entryHref: (entryId: string) => string; amendSlot?: (entry: DossierEntryView) => React.ReactNode }) {
  return (
    <ol className="space-y-3" data-testid="dossier-years">
      {entries.map((e) => {
        const figures = effectiveFigures(e, e.amendments);
        return (
          <li key={e.id} className={ui.card} data-year={e.year}>
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 className="text-lg font-semibold">{e.year}年度 <span className="text-sm font-normal text-slate-600">{e.cycleName}</span></h3>
                <p className="text-xs text-slate-600">{e.schemeLabel} · {finalKindLabel(e.finalKind)} · {formatDateCn(e.archivedAt)}归档</p>
              </div>
              <div className="flex flex-wrap gap-2">
                <Link href={entryHref(e.id)} className={ui.btnSecondary}>查看报告</Link>
                <a href={`${entryHref(e.id)}/docx`} className={ui.btnSecondary} download>下载Word（{sizeKb(e.docxSize)}）</a>
              </div>
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-xs text-slate-600">总分</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid="entry-total">
                  {figures.total}
                  {figures.totalAmended ? <span className="ml-1 text-xs font-normal text-amber-800">（已更正，归档时{e.total}）</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">等次</dt>
                <dd className="text-xl font-semibold">
                  {figures.grade ?? "—"}
                  {figures.gradeAmended ? <span className="ml-1 text-xs font-normal text-amber-800">（已更正，归档时{e.grade ?? "无"}）</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">同类单位排名</dt>
                <dd className="text-xl font-semibold tabular-nums">{e.rankPosition}/{e.rankOf}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-600">更正记录</dt>
                <dd className="text-xl font-semibold tabular-nums">{e.amendments.length}</dd>
              </div>
            </dl>
            {e.amendments.length > 0 ? (
              <div className="mt-3 space-y-1">
                <h4 className="text-sm font-semibold">归档后的更正</h4>
                <AmendmentList amendments={e.amendments} />
              </div>
            ) : null}
            {amendSlot ? amendSlot(e) : null}
          </li>
        );
      })}
    </ol>
  );
}

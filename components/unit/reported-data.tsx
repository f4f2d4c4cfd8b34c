import { answerText } from "@/components/collect/format";
import { RecordTable } from "@/components/collect/record-table";
import { ui } from "@/components/ui/styles";
import type { unitReportedData } from "@/lib/collection/data";

type Reported = NonNullable<Awaited<ReturnType<typeof unitReportedData>>>["reported"];

/** What the sources reported about this unit, per indicator, with who reported it. Read-only. */
export function ReportedData({ reported }: { reported: Reported }) {
  return (
    <div className="space-y-3">
      {reported.map(({ slot, records, answers }) => (
        <section key={`${slot.indicatorCode}:${slot.subKey}`} className={`${ui.card} space-y-2`} aria-label={slot.name}>
          <h3 className="font-semibold">
            {slot.name} <span className="text-xs font-normal text-slate-500">{slot.indicatorCode}{slot.subKey ? `/${slot.subKey}` : ""} · 满分{slot.max}分</span>
          </h3>
          {records.length === 0 && answers.length === 0 ? <p className="text-sm text-slate-500">尚未报送。</p> : null}
          {records.length > 0 ? <RecordTable rule={slot.rule} records={records} withdraw={null} showSource /> : null}
          {answers.length > 0 ? (
            <ul className="text-sm">
              {answers.map((a) => (
                <li key={a.id}>
                  {a.sourceName}：{answerText(slot.rule, a.answer, a.value)}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}

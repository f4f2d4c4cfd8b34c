import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { NegativeRecord } from "@/lib/collection/monitor";

/** The latest negative records (each raised a warning to the office and the unit). */
export function NegativeRecords({ rows }: { rows: NegativeRecord[] }) {
  return (
    <section aria-labelledby="warnings-title" className={`${ui.card} space-y-3`} data-testid="negative-records">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="warnings-title" className="font-semibold">最新负面记录预警</h2>
        <Link href="/notifications" className="text-sm text-brand-700 underline">我的通知</Link>
      </div>
      {rows.length === 0 ? <p className="text-sm text-slate-500">尚无负面记录。</p> : (
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map((r) => (
            <li key={r.id} className="py-2">
              <p><span className="mr-1 rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-900">预警</span><strong>{r.unitName}</strong> · {r.slotName}</p>
              <p className="text-slate-700">{r.occurredOn} {r.description}{r.referenceNo ? `（${r.referenceNo}）` : ""}</p>
              <p className="text-xs text-slate-500">{r.sourceName} 报送于 {formatDateTimeCn(r.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

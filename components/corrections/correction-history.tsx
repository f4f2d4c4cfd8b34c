import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { CorrectionHistoryRow } from "@/lib/collection/correction-data";
import { CORRECTION_OPERATION_LABELS } from "@/lib/collection/correction-schema";

/** The corrections already made to this cell, newest first (from the audit log). */
export function CorrectionHistory({ rows }: { rows: CorrectionHistoryRow[] }) {
  return (
    <section aria-labelledby="history-title" className={`${ui.card} space-y-2`}>
      <h2 id="history-title" className="text-lg font-semibold">更正记录</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">该指标尚未更正过。</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={ui.table} aria-label="更正记录">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={ui.th}>时间</th>
                <th scope="col" className={ui.th}>更正人</th>
                <th scope="col" className={ui.th}>操作</th>
                <th scope="col" className={ui.th}>数据来源单位</th>
                <th scope="col" className={ui.th}>更正原因</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={`${ui.td} whitespace-nowrap`}>{formatDateTimeCn(r.at)}</td>
                  <td className={ui.td}>{r.actorName ?? "—"}</td>
                  <td className={ui.td}>{r.operation ? CORRECTION_OPERATION_LABELS[r.operation] : "—"}</td>
                  <td className={ui.td}>{r.sourceName}</td>
                  <td className={ui.td}>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

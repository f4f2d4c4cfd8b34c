import { ui } from "@/components/ui/styles";
import { formatDateCn } from "@/lib/clock";
import type { BadRecordView } from "@/lib/dossiers/data";

/** The unit's bad records (不良记录) across all cycles, newest first. */
export function BadRecords({ records }: { records: BadRecordView[] }) {
  if (records.length === 0) return <p className="text-sm text-slate-600">无不良记录。</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} data-testid="bad-records">
        <thead className="bg-slate-100">
          <tr><th scope="col" className={ui.th}>记录日期</th><th scope="col" className={ui.th}>评价周期</th><th scope="col" className={ui.th}>类型</th><th scope="col" className={ui.th}>事由</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {records.map((b) => (
            <tr key={b.id}>
              <td className={`${ui.td} whitespace-nowrap`}>{formatDateCn(b.createdAt)}</td>
              <td className={ui.td}>{b.cycleName ?? "—"}</td>
              <td className={ui.td}>{b.label}</td>
              <td className={ui.td}>{b.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

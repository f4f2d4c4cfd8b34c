import { ui } from "@/components/ui/styles";
import { auditActionLabel, auditActorLabel, AUDIT_OUTCOME_LABELS } from "@/lib/audit/labels";
import { formatDateTimeCn } from "@/lib/clock";
import type { UserHistoryRow } from "@/lib/users/data";

export function UserHistory({ rows }: { rows: UserHistoryRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">暂无记录。</p>;
  return (
    <table className={ui.table}>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={ui.th}>时间</th>
          <th scope="col" className={ui.th}>操作人</th>
          <th scope="col" className={ui.th}>操作</th>
          <th scope="col" className={ui.th}>结果</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={`${ui.td} whitespace-nowrap tabular-nums`}>{formatDateTimeCn(row.at)}</td>
            <td className={ui.td}>{auditActorLabel(row)}</td>
            <td className={ui.td}>{auditActionLabel(row.action)}</td>
            <td className={ui.td}>{AUDIT_OUTCOME_LABELS[row.outcome] ?? row.outcome}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { Rule } from "@/lib/scoring";
import { EvidenceLinks } from "./evidence-links";
import { itemLabel } from "./format";
import type { NoteField } from "./note-field";
import type { CollectAction } from "./use-collect-form";
import { WithdrawForm } from "./withdraw-form";

type Row = {
  id: string;
  itemKey: string;
  occurredOn: string;
  description: string;
  referenceNo: string | null;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  evidence: { id: string; originalName: string; size: number }[];
  sourceName?: string;
};

/** Records with their evidence; withdrawn ones stay listed, struck through, with the reason. */
export function RecordTable({
  rule,
  records,
  withdraw,
  showSource = false,
  withdrawHidden,
  withdrawNote,
}: {
  rule: Rule;
  records: Row[];
  withdraw: CollectAction | null;
  showSource?: boolean;
  /** For the office's corrections: extra hidden inputs and the required note of the withdraw form. */
  withdrawHidden?: Record<string, string>;
  withdrawNote?: NoteField;
}) {
  if (records.length === 0) return <p className="text-sm text-slate-500">暂无记录。</p>;
  const hasItems = rule.kind === "deduction" || rule.kind === "award";
  return (
    <div className="overflow-x-auto">
      <table className={ui.table} aria-label="记录">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={ui.th}>发生日期</th>
            {hasItems ? <th scope="col" className={ui.th}>{rule.kind === "award" ? "奖励级别" : "扣分项"}</th> : null}
            <th scope="col" className={ui.th}>事项说明</th>
            <th scope="col" className={ui.th}>文号</th>
            <th scope="col" className={ui.th}>佐证材料</th>
            {showSource ? <th scope="col" className={ui.th}>报送单位</th> : null}
            <th scope="col" className={ui.th}>状态</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {records.map((r) => (
            <tr key={r.id} className={r.withdrawnAt ? "text-slate-400" : ""}>
              <td className={`${ui.td} whitespace-nowrap`}>{r.occurredOn}</td>
              {hasItems ? <td className={ui.td}>{itemLabel(rule, r.itemKey)}</td> : null}
              <td className={`${ui.td} ${r.withdrawnAt ? "line-through" : ""}`}>{r.description}</td>
              <td className={ui.td}>{r.referenceNo ?? "—"}</td>
              <td className={ui.td}><EvidenceLinks files={r.evidence} /></td>
              {showSource ? <td className={ui.td}>{r.sourceName}</td> : null}
              <td className={ui.td}>
                {r.withdrawnAt ? (
                  <span>已撤回（{r.withdrawReason}，{formatDateTimeCn(r.withdrawnAt)}）</span>
                ) : withdraw ? (
                  <WithdrawForm recordId={r.id} action={withdraw} hidden={withdrawHidden} note={withdrawNote} />
                ) : (
                  <span>有效</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { CycleActionForm, type CycleAction } from "@/components/cycles/action-form";
import { ui } from "@/components/ui/styles";
import { RECIPIENT_KINDS, RECIPIENT_LABELS } from "@/lib/archive/policy";

/** Records to whom and when the volume was sent (seed 000 Art. 13). */
export function DispatchForm({ cycleId, volumeId, today, action }: { cycleId: string; volumeId: string; today: string; action: CycleAction }) {
  return (
    <CycleActionForm action={action} hidden={{ cycleId, volumeId }} label="记录报送" tone="primary" testId="dispatch-form" className="grid gap-3 sm:grid-cols-3">
      <label className="text-sm">
        报送对象
        <select name="recipientKind" className={`${ui.input} w-full`} defaultValue="party_committee">
          {RECIPIENT_KINDS.map((k) => <option key={k} value={k}>{RECIPIENT_LABELS[k]}</option>)}
        </select>
      </label>
      <label className="text-sm">
        对象名称（选“其他”时必填）
        <input name="recipient" className={`${ui.input} w-full`} maxLength={100} />
      </label>
      <label className="text-sm">
        报送日期
        <input name="sentOn" type="date" className={`${ui.input} w-full`} defaultValue={today} max={today} required />
      </label>
      <label className="text-sm">
        报送方式
        <input name="method" className={`${ui.input} w-full`} defaultValue="机要交换" maxLength={50} required />
      </label>
      <label className="text-sm">
        份数
        <input name="copies" type="number" min={1} max={999} defaultValue={1} className={`${ui.input} w-full`} required />
      </label>
      <label className="text-sm">
        备注
        <input name="note" className={`${ui.input} w-full`} maxLength={500} />
      </label>
    </CycleActionForm>
  );
}

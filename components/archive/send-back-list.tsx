import Link from "next/link";
import { CycleActionForm, type CycleAction } from "@/components/cycles/action-form";
import { ui } from "@/components/ui/styles";
import type { ApprovalRound } from "@/lib/archive/data";

type Unit = ApprovalRound["units"][number];

/** The sent-back units still open, each with its reviewer's reason and the office's handling form. */
export function SendBackList({ cycleId, units, action }: { cycleId: string; units: readonly Unit[]; action: CycleAction }) {
  return (
    <ul className="space-y-3" data-testid="sent-back">
      {units.map((u) => (
        <li key={u.id} className="rounded-md border border-slate-200 p-3">
          <p className="font-medium">{u.unitName}</p>
          <p className="text-sm text-slate-700">退回理由：{u.comment}</p>
          <p className="mt-1 flex flex-wrap gap-3 text-sm">
            <Link href={`/cycles/${cycleId}/facts?u=${u.unitId}`} className={ui.link}>更正数据</Link>
            <Link href={`/cycles/${cycleId}/reports/${u.unitId}`} className={ui.link}>查看评价报告</Link>
          </p>
          <CycleActionForm action={action} hidden={{ cycleId, approvalUnitId: u.id, version: u.version }} label="提交处理结果" tone="primary" className="mt-2 space-y-2">
            <fieldset className="flex flex-wrap gap-4 text-sm">
              <legend className="sr-only">处理方式</legend>
              <label className="flex items-center gap-1"><input type="radio" name="resolution" value="rescored" defaultChecked />按更正后的数据重新评分</label>
              <label className="flex items-center gap-1"><input type="radio" name="resolution" value="unchanged" />维持原评价结果</label>
            </fieldset>
            <label className="block text-sm">
              处理说明
              <textarea name="note" rows={2} className={`${ui.input} w-full`} aria-label={`${u.unitName}的处理说明`} />
            </label>
          </CycleActionForm>
        </li>
      ))}
    </ul>
  );
}

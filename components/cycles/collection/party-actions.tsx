import { CycleActionForm, type CycleAction } from "@/components/cycles/action-form";
import { ui } from "@/components/ui/styles";

export type CollectionActions = { urge: CycleAction; badRecord: CycleAction; returnSubmission: CycleAction; reopenSubmission: CycleAction; allBadRecords: CycleAction };

type Party = { cycleId: string; targetOrgId: string; targetRole: "source" | "unit"; name: string };

export function UrgeButton({ actions, party }: { actions: CollectionActions; party: Party }) {
  return (
    <CycleActionForm action={actions.urge} hidden={{ cycleId: party.cycleId, targetOrgId: party.targetOrgId, targetRole: party.targetRole }} label="催办" pendingLabel="正在催办…" className="space-y-1" testId={`urge-${party.name}`} />
  );
}

export function BadRecordButton({ actions, party }: { actions: CollectionActions; party: Party }) {
  return (
    <CycleActionForm action={actions.badRecord} hidden={{ cycleId: party.cycleId, targetOrgId: party.targetOrgId, targetRole: party.targetRole }} label="记入不良记录" tone="danger" className="space-y-1" testId={`bad-record-${party.name}`} />
  );
}

/** 退回 (with the comment the source will see) for a submitted source. */
export function ReturnForm({ actions, cycleId, sourceOrgId }: { actions: CollectionActions; cycleId: string; sourceOrgId: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">退回</summary>
      <CycleActionForm action={actions.returnSubmission} hidden={{ cycleId, sourceOrgId }} label="确认退回" className="mt-2 w-64 space-y-2">
        <label className="block text-xs">退回意见<textarea name="comment" required minLength={2} maxLength={500} rows={2} className={ui.input} /></label>
      </CycleActionForm>
    </details>
  );
}

/** 重新开放 until a date, with the reason (after the deadline). */
export function ReopenForm({ actions, cycleId, sourceOrgId, today }: { actions: CollectionActions; cycleId: string; sourceOrgId: string; today: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">重新开放</summary>
      <CycleActionForm action={actions.reopenSubmission} hidden={{ cycleId, sourceOrgId }} label="确认重新开放" className="mt-2 w-64 space-y-2">
        <label className="block text-xs">原因<textarea name="reason" required minLength={2} maxLength={500} rows={2} className={ui.input} /></label>
        <label className="block text-xs">开放至（含当日）<input type="date" name="until" required min={today} defaultValue={today} className={ui.input} /></label>
      </CycleActionForm>
    </details>
  );
}

"use client";

import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useFormAction } from "@/components/users/use-form-action";
import type { CycleState } from "@/lib/cycles/workflow";
import type { CycleAction } from "./action-form";

type Props = {
  action: CycleAction;
  cycle: { id: string; version: number; status: CycleState; name: string; collectionDeadline: string; commitmentsDeadline: string };
};

/** Name and deadlines in draft; only the deadlines while collecting (an extension, audited as one). */
export function EditCycleForm({ action, cycle }: Props) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const nameLocked = cycle.status !== "draft";
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3" noValidate>
      <input type="hidden" name="cycleId" value={cycle.id} />
      <input type="hidden" name="expectedVersion" value={cycle.version} />
      {nameLocked ? <input type="hidden" name="name" value={cycle.name} /> : null}
      {[
        ["name", "周期名称", "text", cycle.name],
        ["collectionDeadline", "数据归集截止日期", "date", cycle.collectionDeadline],
        ["commitmentsDeadline", "政务承诺截止日期", "date", cycle.commitmentsDeadline],
      ].map(([key, label, type, value]) =>
        key === "name" && nameLocked ? null : (
          <div key={key}>
            <label htmlFor={`edit-${key}`} className={ui.label}>{label}</label>
            <input
              id={`edit-${key}`}
              name={key}
              type={type}
              defaultValue={value}
              required
              aria-invalid={errors[key!] ? true : undefined}
              aria-describedby={errors[key!] ? `edit-${key}-error` : undefined}
              className={ui.input}
            />
            <FieldError id={`edit-${key}-error`} messages={errors[key!]} />
          </div>
        ),
      )}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <button type="submit" disabled={pending} className={ui.btnSecondary}>{pending ? "正在保存…" : nameLocked ? "保存截止日期（延期）" : "保存"}</button>
        {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
        {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
      </div>
    </form>
  );
}

"use client";

import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useFormAction, type FormAction } from "./use-form-action";
import { UserFields, type UserFieldDefaults } from "./user-fields";

type Props = {
  action: FormAction<{ changed: boolean }>;
  user: { id: string; version: number; username: string } & UserFieldDefaults;
};

/** Display name, e-mail, organisation and roles, saved against the version shown (optimistic lock). */
export function EditUserForm({ action, user }: Props) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="修改账户信息">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="expectedVersion" value={user.version} />
      <div>
        <span className={ui.label}>用户名</span>
        <p className="mt-1 font-mono text-sm">{user.username}<span className="ml-2 font-sans text-xs text-slate-500">（不能修改）</span></p>
      </div>
      <UserFields defaults={user} errors={errors} />
      <FieldError id="expectedVersion-error" messages={errors.expectedVersion} />
      {state && !state.ok ? (
        <p role="alert" className={ui.alertError}>
          {state.error}
          {state.error.includes("已被他人修改") ? (
            <button type="button" className={`${ui.link} ml-2`} onClick={() => window.location.reload()}>
              载入最新内容
            </button>
          ) : null}
        </p>
      ) : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.changed ? "已保存修改。" : "没有需要保存的修改。"}</p> : null}
      <button type="submit" disabled={pending} className={ui.btnPrimary}>{pending ? "正在保存…" : "保存修改"}</button>
    </form>
  );
}

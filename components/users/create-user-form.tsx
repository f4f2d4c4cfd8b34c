"use client";

import Link from "next/link";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import type { IssuedCredential } from "@/lib/users/admin-mutations";
import type { OrganisationOption } from "@/lib/orgs/data";
import { OneTimePassword } from "./one-time-password";
import { useFormAction, type FormAction } from "./use-form-action";
import { UserFields } from "./user-fields";

type Props = { action: FormAction<IssuedCredential>; organisation: OrganisationOption | null };

/** The create form, then (once) the result screen with the one-time password. */
export function CreateUserForm(props: Props) {
  const [round, setRound] = useState(0);
  return <CreateRound key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateRound({ action, organisation, onAnother }: Props & { onAnother: () => void }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);

  if (state?.ok) {
    const created = state.data;
    return (
      <section aria-labelledby="created-heading" className={`${ui.card} max-w-2xl space-y-4`}>
        <h2 id="created-heading" className="text-lg font-semibold text-green-800">
          账户已开设：{created.displayName}
        </h2>
        <OneTimePassword username={created.username} password={created.password} />
        <div className="flex flex-wrap gap-2">
          <Link href={`/users/${created.id}`} className={ui.btnSecondary}>查看该账户</Link>
          <button type="button" className={ui.btnSecondary} onClick={onAnother}>继续开设账户</button>
          <Link href="/users" className={ui.btnSecondary}>返回账户列表</Link>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={onSubmit} className={`${ui.card} max-w-2xl space-y-4`} noValidate>
      <div>
        <label htmlFor="username" className={ui.label}>用户名（3–40位英文字母、数字或 - _ .，开设后不能修改）</label>
        <input
          id="username"
          name="username"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          required
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "username-error" : undefined}
          className={`${ui.input} font-mono`}
        />
        <FieldError id="username-error" messages={errors.username} />
      </div>
      <UserFields defaults={{ displayName: "", email: "", organisation, roles: [] }} errors={errors} />
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={ui.btnPrimary}>{pending ? "正在开设…" : "开设账户"}</button>
        <Link href="/users" className={ui.btnSecondary}>取消</Link>
      </div>
      <p className="text-xs text-slate-500">开设后系统生成一次性初始密码并只显示一次；本人首次登录时必须修改密码。</p>
    </form>
  );
}

"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { IssuedCredential } from "@/lib/users/admin-mutations";
import { LOCK_DURATION_LABELS, LOCK_DURATIONS, SELF_PROTECTION } from "@/lib/users/policy";
import { OneTimePassword } from "./one-time-password";
import { useFormAction, type FormAction } from "./use-form-action";

type Kind = "reset" | "lock" | "unlock" | "deactivate" | "reactivate";

type Props = {
  user: { id: string; version: number; username: string; displayName: string; active: boolean; locked: boolean; self: boolean };
  actions: {
    reset: FormAction<IssuedCredential>;
    lock: FormAction<{ lockedUntil: Date }>;
    unlock: FormAction<void>;
    deactivate: FormAction<void>;
    reactivate: FormAction<void>;
  };
};

const DONE: Record<Exclude<Kind, "reset">, string> = {
  lock: "账户已锁定，其所有登录已结束。",
  unlock: "账户已解锁，可以重新登录。",
  deactivate: "账户已停用，其所有登录已结束。",
  reactivate: "账户已重新启用。",
};

/** Reset, lock/unlock and deactivate/reactivate; the first three ask for confirmation first. */
export function AccountActions({ user, actions }: Props) {
  const forms = {
    reset: useFormAction(actions.reset),
    lock: useFormAction(actions.lock),
    unlock: useFormAction(actions.unlock),
    deactivate: useFormAction(actions.deactivate),
    reactivate: useFormAction(actions.reactivate),
  };
  const [confirming, setConfirming] = useState<"reset" | "lock" | "deactivate" | null>(null);
  const [last, setLast] = useState<Kind | null>(null);
  const pending = Object.values(forms).some((f) => f.pending);
  const who = `“${user.displayName}”（${user.username}）`;

  function submit(kind: Kind) {
    return (event: FormEvent<HTMLFormElement>) => {
      setLast(kind);
      setConfirming(null);
      forms[kind].onSubmit(event);
    };
  }

  const hidden = (
    <>
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="expectedVersion" value={user.version} />
    </>
  );
  const result: ActionResult<unknown> | null = last ? forms[last].state : null;

  return (
    <div className="space-y-4">
      {user.self ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          这是您自己的账户：为防止无人能够管理系统，不能在这里停用、锁定或重置密码。修改自己的密码请使用“修改密码”页面。
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={ui.btnSecondary} disabled={user.self || pending} title={user.self ? SELF_PROTECTION.reset : undefined} onClick={() => setConfirming("reset")}>
          重置密码…
        </button>
        {user.locked ? (
          <form onSubmit={submit("unlock")}>
            {hidden}
            <button type="submit" className={ui.btnSecondary} disabled={pending}>解锁</button>
          </form>
        ) : (
          <button type="button" className={ui.btnSecondary} disabled={user.self || pending} title={user.self ? SELF_PROTECTION.lock : undefined} onClick={() => setConfirming("lock")}>
            锁定…
          </button>
        )}
        {user.active ? (
          <button type="button" className={ui.btnDanger} disabled={user.self || pending} title={user.self ? SELF_PROTECTION.deactivate : undefined} onClick={() => setConfirming("deactivate")}>
            停用账户…
          </button>
        ) : (
          <form onSubmit={submit("reactivate")}>
            {hidden}
            <button type="submit" className={ui.btnSecondary} disabled={pending}>重新启用</button>
          </form>
        )}
      </div>

      {confirming === "reset" ? (
        <Confirm kind="reset" title={`确认重置 ${who} 的密码？`} confirmLabel="确认重置密码" onSubmit={submit("reset")} onCancel={() => setConfirming(null)} hidden={hidden}>
          <li>系统生成新的一次性密码并只显示一次，原密码立即失效；</li>
          <li>该账户在所有设备上的登录立即结束；</li>
          <li>本人下次登录后必须先修改密码；</li>
          <li>如账户因登录失败或被管理员锁定，将同时解除锁定。</li>
        </Confirm>
      ) : null}
      {confirming === "lock" ? (
        <Confirm kind="lock" title={`确认锁定 ${who}？`} confirmLabel="确认锁定" onSubmit={submit("lock")} onCancel={() => setConfirming(null)} hidden={hidden}
          extra={
            <label className="block text-sm">
              锁定期限
              <select name="duration" defaultValue="permanent" className={`${ui.input} w-56`}>
                {LOCK_DURATIONS.map((d) => <option key={d} value={d}>{LOCK_DURATION_LABELS[d]}</option>)}
              </select>
            </label>
          }>
          <li>该账户在所有设备上的登录立即结束；</li>
          <li>锁定期间即使密码正确也不能登录；期满自动解除，或由管理员提前解锁；</li>
          <li>账户和数据都不受影响。</li>
        </Confirm>
      ) : null}
      {confirming === "deactivate" ? (
        <Confirm kind="deactivate" title={`确认停用 ${who}？`} confirmLabel="确认停用" danger onSubmit={submit("deactivate")} onCancel={() => setConfirming(null)} hidden={hidden}>
          <li>该账户在所有设备上的登录立即结束，之后不能再登录；</li>
          <li>账户不会被删除：其操作记录和审计日志全部保留；</li>
          <li>需要时可以随时重新启用。</li>
        </Confirm>
      ) : null}

      {pending ? <p role="status" className="text-sm text-slate-600">正在处理…</p> : null}
      {!pending && result && !result.ok ? <p role="alert" className={ui.alertError}>{result.error}</p> : null}
      {!pending && last && last !== "reset" && result?.ok ? <p role="status" className={ui.alertOk}>{DONE[last]}</p> : null}
      {!pending && last === "reset" && forms.reset.state?.ok ? (
        <section aria-label="新的一次性密码" className="space-y-2">
          <p role="status" className={ui.alertOk}>密码已重置，原有登录已全部结束。</p>
          <OneTimePassword username={forms.reset.state.data.username} password={forms.reset.state.data.password} />
        </section>
      ) : null}
    </div>
  );
}

type ConfirmProps = {
  kind: string;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  hidden: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
};

function Confirm({ kind, title, confirmLabel, danger, hidden, extra, children, onSubmit, onCancel }: ConfirmProps) {
  return (
    <form onSubmit={onSubmit} role="alertdialog" aria-labelledby={`${kind}-title`} aria-describedby={`${kind}-what`} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      {hidden}
      <h3 id={`${kind}-title`} className="font-semibold">{title}</h3>
      <ul id={`${kind}-what`} className="list-disc space-y-1 pl-5 text-sm">{children}</ul>
      {extra}
      <div className="flex gap-2">
        <button type="submit" className={danger ? ui.btnDanger : ui.btnPrimary}>{confirmLabel}</button>
        <button type="button" className={ui.btnSecondary} onClick={onCancel} autoFocus>取消</button>
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import type { ActionResult } from "@/lib/actions/safe-action";
import { changePasswordAction } from "./actions";

const FIELDS = [
  { name: "current", label: "当前密码", autoComplete: "current-password" },
  { name: "next", label: "新密码（至少10位，含字母和数字）", autoComplete: "new-password" },
  { name: "confirm", label: "再次输入新密码", autoComplete: "new-password" },
] as const;

export function PasswordForm({ version }: { version: number }) {
  const [state, action, pending] = useActionState<ActionResult<void> | null, FormData>(changePasswordAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="expectedVersion" value={version} />
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className="block text-sm font-medium text-slate-700">
            {field.label}
          </label>
          <input
            id={field.name}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
          />
          <FieldError id={`${field.name}-error`} messages={errors[field.name]} />
        </div>
      ))}
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "正在保存…" : "修改密码"}
      </button>
    </form>
  );
}

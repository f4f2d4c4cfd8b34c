"use client";

import { useActionState, useState } from "react";
import { createSchemeDraftAction } from "@/app/(app)/schemes/actions";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import type { SchemeVersionOption } from "@/lib/schemes/data";

type Props = { versions: SchemeVersionOption[]; from?: string };

/** A new draft from any version: the next version of the same scheme, or a new scheme code. */
export function NewVersionForm({ versions, from }: Props) {
  const [state, formAction, pending] = useActionState(createSchemeDraftAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const [newCode, setNewCode] = useState(false);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className={`${ui.card} max-w-2xl space-y-4`} noValidate>
      <label className={ui.label}>
        以哪个版本为基础
        <select name="sourceId" defaultValue={from ?? versions[0]?.id} className={ui.input} aria-invalid={Boolean(errors.sourceId)}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.code} 第{v.version}版 · {v.name}（{v.status === "published" ? (v.builtIn ? "内置模板" : "已发布") : "草稿"}）
            </option>
          ))}
        </select>
      </label>
      <FieldError id="sourceId-error" messages={errors.sourceId} />
      <fieldset className="space-y-2 text-sm">
        <legend className={ui.label}>新版本属于</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="target" checked={!newCode} onChange={() => setNewCode(false)} />
          同一方案（方案代码不变，版本号加1）
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="target" checked={newCode} onChange={() => setNewCode(true)} />
          另一个方案代码（如本市新一年度的标准）
        </label>
      </fieldset>
      {newCode ? (
        <label className={ui.label}>
          方案代码
          <input
            name="code"
            placeholder="如 hegang-2026"
            className={`${ui.input} font-mono`}
            aria-invalid={Boolean(errors.code)}
            aria-describedby="code-hint code-error"
          />
          <span id="code-hint" className="mt-1 block text-xs font-normal text-slate-500">
            小写英文字母、数字和连字符；已有的代码则作为该方案的下一版本。
          </span>
          <FieldError id="code-error" messages={errors.code} />
        </label>
      ) : null}
      <label className={ui.label}>
        名称（可不填，沿用原名称）
        <input name="name" className={ui.input} aria-invalid={Boolean(errors.name)} aria-describedby="name-error" />
        <FieldError id="name-error" messages={errors.name} />
      </label>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      <button type="submit" className={ui.btnPrimary} disabled={pending}>
        {pending ? "正在创建…" : "创建草稿"}
      </button>
    </form>
  );
}

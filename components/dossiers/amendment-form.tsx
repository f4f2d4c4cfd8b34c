"use client";

import { useActionState, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import { AMENDMENT_SUBJECT_LABELS, AMENDMENT_SUBJECTS, type AmendmentSubjectKind } from "@/lib/dossiers/amendments";
import type { AmendableIndicator } from "@/lib/dossiers/data";
import { AMENDMENT_TEXT_MAX } from "@/lib/dossiers/schema";
import type { DossierFormAction } from "./form-action";

type Entry = { id: string; year: number; total: string; grade: string | null };

/** The office records an amendment beside an archived entry (the archived report stays as it was). */
export function AmendmentForm({ action, entry, indicators }: { action: DossierFormAction; entry: Entry; indicators: AmendableIndicator[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const [subject, setSubject] = useState<AmendmentSubjectKind>("total");
  const [code, setCode] = useState(indicators[0]?.code ?? "");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const f = (name: string) => `amend-${entry.id}-${name}`;
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${f(name)}-error` } : {});
  const indicator = indicators.find((i) => i.code === code);
  const archived = subject === "total" ? `${entry.total}分` : subject === "grade" ? (entry.grade ?? "（无）") : subject === "indicator" ? (indicator ? `${indicator.score ?? "不涉及"}分（满分${indicator.max}分）` : "") : null;
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid={`amend-${entry.id}`}>
      <input type="hidden" name="entryId" value={entry.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={f("subject")} className={ui.label}>更正内容</label>
          <select id={f("subject")} name="subject" value={subject} onChange={(e) => setSubject(e.target.value as AmendmentSubjectKind)} className={ui.input} {...described("subject")}>
            {AMENDMENT_SUBJECTS.map((s) => <option key={s} value={s}>{AMENDMENT_SUBJECT_LABELS[s]}</option>)}
          </select>
          <FieldError id={`${f("subject")}-error`} messages={errors.subject} />
        </div>
        {subject === "indicator" ? (
          <div>
            <label htmlFor={f("indicatorCode")} className={ui.label}>指标</label>
            <select id={f("indicatorCode")} name="indicatorCode" value={code} onChange={(e) => setCode(e.target.value)} className={ui.input} {...described("indicatorCode")}>
              {indicators.map((i) => <option key={i.code} value={i.code}>{i.code} {i.name}</option>)}
            </select>
            <FieldError id={`${f("indicatorCode")}-error`} messages={errors.indicatorCode} />
          </div>
        ) : null}
      </div>
      {archived !== null ? <p className="text-sm text-slate-700">归档时为：<strong>{archived}</strong></p> : (
        <div>
          <label htmlFor={f("before")} className={ui.label}>需要更正的原文（摘录）</label>
          <textarea id={f("before")} name="before" rows={2} maxLength={AMENDMENT_TEXT_MAX} className={ui.input} {...described("before")} />
          <FieldError id={`${f("before")}-error`} messages={errors.before} />
        </div>
      )}
      <div>
        <label htmlFor={f("after")} className={ui.label}>更正为</label>
        {subject === "text" ? (
          <textarea id={f("after")} name="after" rows={2} maxLength={AMENDMENT_TEXT_MAX} className={ui.input} {...described("after")} />
        ) : (
          <input id={f("after")} name="after" inputMode={subject === "grade" ? "text" : "decimal"} className={ui.input} {...described("after")} />
        )}
        <FieldError id={`${f("after")}-error`} messages={errors.after} />
      </div>
      <div>
        <label htmlFor={f("reason")} className={ui.label}>更正理由（写明依据）</label>
        <textarea id={f("reason")} name="reason" rows={2} maxLength={AMENDMENT_TEXT_MAX} className={ui.input} {...described("reason")} />
        <FieldError id={`${f("reason")}-error`} messages={errors.reason} />
      </div>
      <button type="submit" className={ui.btnPrimary} disabled={pending}>{pending ? "正在保存…" : "记录更正"}</button>
      <p className="text-xs text-slate-600">更正作为单独的记录保存在档案中，并记入审计日志；归档的报告和Word文件保持原样。</p>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
    </form>
  );
}

"use client";

import { useState, useTransition } from "react";
import { EvidenceUploader } from "@/components/collect/evidence-uploader";
import type { UploadedRef } from "@/components/collect/upload";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";

type Indicator = { code: string; name: string; categoryName: string; score: string | null; max: number; explanation: string };
type Props = { cycleId: string; indicators: Indicator[]; maxBytes: number; submit: (input: unknown) => Promise<ActionResult<{ requestId: string }>> };

/** The one request: tick the disputed indicators, give a reason for each. Usable on a phone. */
export function RequestForm({ cycleId, indicators, maxBytes, submit }: Props) {
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [evidence, setEvidence] = useState<UploadedRef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const chosen = indicators.filter((i) => i.code in reasons);

  function send(event: React.FormEvent) {
    event.preventDefault();
    if (!window.confirm(`复评申请只能提出一次，提交后不能修改。确定对${chosen.length}项指标提出复评申请吗？`)) return;
    startTransition(async () => {
      const result = await submit({ cycleId, items: chosen.map((i) => ({ indicatorCode: i.code, reason: reasons[i.code] ?? "" })), evidenceIds: evidence.map((f) => f.id) });
      if (result.ok) return;
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
    });
  }

  return (
    <form onSubmit={send} className="space-y-4" noValidate>
      {error ? <p role="alert" className={ui.alertError}>{error}{fieldErrors.items ? `：${fieldErrors.items.join("；")}` : ""}</p> : null}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">有异议的指标（可多选），并逐项写明理由</legend>
        {indicators.map((i) => {
          const index = chosen.findIndex((c) => c.code === i.code);
          const errors = index >= 0 ? fieldErrors[`items.${index}.reason`] : undefined;
          const reasonId = `reason-${i.code}`;
          return (
            <div key={i.code} className={`${ui.card} space-y-2 p-4`} data-testid="request-indicator">
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  className="mt-1 h-5 w-5"
                  checked={i.code in reasons}
                  onChange={(e) => setReasons((r) => {
                    const next = { ...r };
                    if (e.target.checked) next[i.code] = "";
                    else delete next[i.code];
                    return next;
                  })}
                />
                <span>
                  <span className="font-medium">{i.name}</span>
                  <span className="ml-2 text-sm text-slate-600">{i.categoryName} · 得分 {i.score ?? "不涉及"}/{i.max}</span>
                  <span className="block text-sm text-slate-700">{i.explanation}</span>
                </span>
              </label>
              {i.code in reasons ? (
                <div>
                  <label htmlFor={reasonId} className={ui.label}>理由（写明事实和依据）</label>
                  <textarea id={reasonId} rows={3} className={ui.input} value={reasons[i.code]} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${reasonId}-error` : undefined}
                    onChange={(e) => setReasons((r) => ({ ...r, [i.code]: e.target.value }))} />
                  <FieldError id={`${reasonId}-error`} messages={errors} />
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <EvidenceUploader cycleId={cycleId} maxBytes={maxBytes} inputId="request-evidence" purpose="request" label="证明材料" onChange={setEvidence} />
      <button type="submit" className={`${ui.btnPrimary} w-full sm:w-auto`} disabled={pending || chosen.length === 0}>
        {pending ? "正在提交…" : `提交复评申请（${chosen.length}项）`}
      </button>
    </form>
  );
}

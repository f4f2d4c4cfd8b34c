"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import type { ActionResult } from "@/lib/actions/safe-action";
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, YEAR_STATUS_LABELS } from "@/lib/calendar/schema";
import type { YearStatus } from "@/lib/calendar/working-days";

export type SaveYearState = ActionResult<{ year: number; lock: string; created: boolean }> | null;

export type CalendarYearValues = {
  year: number;
  status: YearStatus;
  source: string;
  /** One line per date: `2027-02-08 春节 休`. */
  days: string;
  /** The stored row's updated_at; empty for a new year. */
  lock: string;
};

type Props = { values: CalendarYearValues; action: (state: SaveYearState, data: FormData) => Promise<SaveYearState> };

const STATUS_HELP: Record<YearStatus, string> = {
  draft: "录入中，计算截止日期时不采用",
  official: "已按国务院办公厅通知核对，计算截止日期时采用",
};

/** Creates a year (no lock) or replaces a year's status, notice and days. */
export function CalendarYearForm({ values, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const isNew = values.lock === "";
  const lock = state?.ok ? state.data.lock : values.lock;
  const described = (name: string, help?: string) => [help, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form onSubmit={onSubmit} className={`${ui.card} max-w-3xl space-y-4`} noValidate>
      <input type="hidden" name="lock" value={lock} />
      {isNew ? (
        <div>
          <label htmlFor="year" className={ui.label}>年度<span className="text-red-700"> *</span></label>
          <input
            id="year"
            name="year"
            type="number"
            inputMode="numeric"
            min={CALENDAR_FIRST_YEAR}
            max={CALENDAR_LAST_YEAR}
            defaultValue={values.year}
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={described("year")}
            className={`${ui.input} max-w-40`}
          />
          <FieldError id="year-error" messages={errors.year} />
        </div>
      ) : (
        <input type="hidden" name="year" value={values.year} />
      )}
      <fieldset aria-describedby={described("status")}>
        <legend className={ui.label}>状态</legend>
        <div className="mt-1 flex flex-wrap gap-6">
          {(["draft", "official"] as const).map((status) => (
            <label key={status} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="status" value={status} defaultChecked={values.status === status} />
              {YEAR_STATUS_LABELS[status]}
              <span className="text-slate-500">（{STATUS_HELP[status]}）</span>
            </label>
          ))}
        </div>
        <FieldError id="status-error" messages={errors.status} />
      </fieldset>
      <div>
        <label htmlFor="source" className={ui.label}>依据（正式年度必填）</label>
        <input
          id="source"
          name="source"
          defaultValue={values.source}
          maxLength={200}
          placeholder={`国务院办公厅关于${values.year}年部分节假日安排的通知（国办发明电〔${values.year - 1}〕X号）`}
          aria-invalid={errors.source ? true : undefined}
          aria-describedby={described("source")}
          className={ui.input}
        />
        <FieldError id="source-error" messages={errors.source} />
      </div>
      <div>
        <label htmlFor="days" className={ui.label}>放假日与调休上班日（每行一个日期）</label>
        <p id="days-help" className="mt-1 text-sm text-slate-600">
          每行写“日期 节日名称 休/班”，如 <code>{values.year}-02-08 春节 休</code>、<code>{values.year}-02-20 春节 班</code>。
          只登记落在周一至周五的放假日（休）和落在周六、周日的调休上班日（班）；其余周一至周五为工作日，周六、周日休息。以 # 开头的行忽略。
        </p>
        <textarea
          id="days"
          name="days"
          rows={16}
          defaultValue={values.days}
          spellCheck={false}
          aria-invalid={errors.days ? true : undefined}
          aria-describedby={described("days", "days-help")}
          className={`${ui.input} font-mono`}
        />
        {errors.days?.length ? (
          <ul id="days-error" className="mt-1 list-inside list-disc text-sm text-red-700">
            {errors.days.map((message) => <li key={message}>{message}</li>)}
          </ul>
        ) : null}
      </div>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>已保存{values.year}年工作日历。</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={ui.btnPrimary}>{pending ? "正在保存…" : isNew ? "新增年度" : "保存"}</button>
        <Link href="/calendar" className={ui.btnSecondary}>返回工作日历</Link>
      </div>
    </form>
  );
}

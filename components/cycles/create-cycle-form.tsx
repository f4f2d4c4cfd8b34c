"use client";

import Link from "next/link";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useFormAction } from "@/components/users/use-form-action";
import type { CycleAction } from "./action-form";

type Props = { action: CycleAction; year: number };

const defaultsFor = (year: number) => ({ name: `${year}年度政务诚信评价`, collectionDeadline: `${year}-12-01`, commitmentsDeadline: `${year}-05-01` });

/** Year first: the name and both deadlines follow it until the user edits them (seed 000 Arts. 8, 11). */
export function CreateCycleForm({ action, year: initialYear }: Props) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const [year, setYear] = useState(String(initialYear));
  const [values, setValues] = useState(defaultsFor(initialYear));
  const [edited, setEdited] = useState<Record<string, boolean>>({});
  function changeYear(next: string) {
    setYear(next);
    const n = Number(next);
    if (!Number.isInteger(n) || n < 2000 || n > 2100) return;
    const d = defaultsFor(n);
    setValues((v) => ({
      name: edited.name ? v.name : d.name,
      collectionDeadline: edited.collectionDeadline ? v.collectionDeadline : d.collectionDeadline,
      commitmentsDeadline: edited.commitmentsDeadline ? v.commitmentsDeadline : d.commitmentsDeadline,
    }));
  }
  const field = (key: keyof typeof values, label: string, type: "text" | "date", hint?: string) => (
    <div>
      <label htmlFor={key} className={ui.label}>{label}</label>
      <input
        id={key}
        name={key}
        type={type}
        required
        value={values[key]}
        onChange={(e) => {
          setValues((v) => ({ ...v, [key]: e.target.value }));
          setEdited((x) => ({ ...x, [key]: true }));
        }}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={[errors[key] ? `${key}-error` : "", hint ? `${key}-hint` : ""].filter(Boolean).join(" ") || undefined}
        className={ui.input}
      />
      {hint ? <p id={`${key}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={`${key}-error`} messages={errors[key]} />
    </div>
  );
  return (
    <form onSubmit={onSubmit} className={`${ui.card} max-w-2xl space-y-4`} noValidate>
      <div>
        <label htmlFor="year" className={ui.label}>评价年度</label>
        <input
          id="year"
          name="year"
          type="number"
          min={2000}
          max={2100}
          required
          value={year}
          onChange={(e) => changeYear(e.target.value)}
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={errors.year ? "year-error" : undefined}
          className={`${ui.input} w-40`}
        />
        <FieldError id="year-error" messages={errors.year} />
      </div>
      {field("name", "周期名称", "text")}
      {field("collectionDeadline", "数据归集截止日期", "date", "默认为评价年度的12月1日，截止当日24时（北京时间）；归集期间可以延期。")}
      {field("commitmentsDeadline", "政务承诺截止日期", "date", "受评单位上传年度政务承诺的截止日期，默认为5月1日。")}
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={ui.btnPrimary}>{pending ? "正在创建…" : "创建评价周期"}</button>
        <Link href="/cycles" className={ui.btnSecondary}>取消</Link>
      </div>
      <p className="text-xs text-slate-500">创建后周期处于“筹备”阶段：再选择指标体系、纳入受评单位、分配数据来源，然后开始数据归集。</p>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ReportTextItem } from "@/lib/reports/model";

type Props = {
  cycleId: string;
  unitId: string;
  version: number;
  items: ReportTextItem[];
  generated: ReportTextItem[];
  indicators: { code: string; name: string }[];
  save: (input: unknown) => Promise<ActionResult<{ version: number }>>;
  backHref: string;
};

/** Staff edit part 3 of a report: one problem and suggestion per row; saving makes a new version. */
export function ReportTextEditor({ cycleId, unitId, version, items: initial, generated, indicators, save, backHref }: Props) {
  const router = useRouter();
  const [items, setItems] = useState<ReportTextItem[]>(initial);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const update = (index: number, patch: Partial<ReportTextItem>) => setItems((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await save({ cycleId, unitId, expectedVersion: version, items });
      if (result.ok) {
        router.push(`${backHref}?saved=${result.data.version}`);
        return;
      }
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error ? <p role="alert" className={ui.alertError}>{error}</p> : null}
      {items.length === 0 ? <p className="text-sm text-slate-600">没有问题与建议，报告第三部分将写“无”。</p> : null}
      <ol className="space-y-4">
        {items.map((item, i) => {
          const problemId = `problem-${i}`;
          const suggestionId = `suggestion-${i}`;
          const problemErrors = fieldErrors[`items.${i}.problem`];
          const suggestionErrors = fieldErrors[`items.${i}.suggestion`];
          return (
            <li key={i} className={`${ui.card} space-y-3`} data-testid="text-item">
              <div className="flex flex-wrap items-end gap-3">
                <label className="min-w-64 flex-1">
                  <span className={ui.label}>第{i + 1}条 · 对应指标</span>
                  <select className={ui.input} value={item.indicatorCode} onChange={(e) => update(i, { indicatorCode: e.target.value })}>
                    <option value="">综合（不对应单个指标）</option>
                    {indicators.map((ind) => (
                      <option key={ind.code} value={ind.code}>{ind.name}（{ind.code}）</option>
                    ))}
                  </select>
                </label>
                <button type="button" className={ui.btnSecondary} onClick={() => setItems((rows) => rows.filter((_, j) => j !== i))}>
                  删除此条
                </button>
              </div>
              <div>
                <label htmlFor={problemId} className={ui.label}>存在的问题</label>
                <textarea id={problemId} rows={3} className={ui.input} value={item.problem} aria-invalid={problemErrors ? true : undefined}
                  aria-describedby={problemErrors ? `${problemId}-error` : undefined} onChange={(e) => update(i, { problem: e.target.value })} />
                <FieldError id={`${problemId}-error`} messages={problemErrors} />
              </div>
              <div>
                <label htmlFor={suggestionId} className={ui.label}>改进建议</label>
                <textarea id={suggestionId} rows={2} className={ui.input} value={item.suggestion} aria-invalid={suggestionErrors ? true : undefined}
                  aria-describedby={suggestionErrors ? `${suggestionId}-error` : undefined} onChange={(e) => update(i, { suggestion: e.target.value })} />
                <FieldError id={`${suggestionId}-error`} messages={suggestionErrors} />
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={ui.btnSecondary} onClick={() => setItems((rows) => [...rows, { indicatorCode: "", problem: "", suggestion: "" }])}>
          增加一条
        </button>
        <button type="button" className={ui.btnSecondary} onClick={() => setItems(generated)}>
          恢复为按失分自动生成的内容
        </button>
        <button type="submit" className={ui.btnPrimary} disabled={pending}>
          {pending ? "正在保存…" : "保存"}
        </button>
      </div>
    </form>
  );
}

"use client";

import { ui } from "@/components/ui/styles";
import type { Category } from "@/lib/scoring";
import type { EditorAction } from "@/lib/schemes/editor-state";
import { NumberField, RowButton, TextField } from "./fields";

type Props = { category: Category; c: number; count: number; dispatch: (action: EditorAction) => void; onSelectIndicator: (i: number) => void };

/** One category (一级指标): code, name and weight, its place among the others, and its indicators. */
export function CategoryForm({ category, c, count, dispatch, onSelectIndicator }: Props) {
  const path = `categories[${c}]`;
  const maxSum = category.indicators.reduce((sum, indicator) => sum + (Number.isFinite(indicator.max) ? Math.round(indicator.max * 100) : 0), 0) / 100;
  return (
    <section aria-labelledby="category-heading" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="category-heading" className="text-lg font-semibold">
          一级指标：{category.code} {category.name}
        </h2>
        <div className="flex gap-1">
          <RowButton label="上移该一级指标" text="上移" disabled={c === 0} onClick={() => dispatch({ type: "moveCategory", c, by: -1 })} />
          <RowButton label="下移该一级指标" text="下移" disabled={c === count - 1} onClick={() => dispatch({ type: "moveCategory", c, by: 1 })} />
          <RowButton
            label="删除该一级指标"
            text="删除一级指标"
            onClick={() => {
              if (window.confirm(`删除一级指标“${category.name}”及其${category.indicators.length}个二级指标？`)) dispatch({ type: "removeCategory", c });
            }}
          />
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-4">
        <TextField label="一级指标代码" hint="如 LAW" path={`${path}.code`} value={category.code} onChange={(code) => dispatch({ type: "category", c, patch: { code } })} />
        <TextField className="md:col-span-2" label="一级指标名称" path={`${path}.name`} value={category.name} onChange={(name) => dispatch({ type: "category", c, patch: { name } })} />
        <NumberField label="权重" hint="各一级指标权重合计应为100" path={`${path}.weight`} value={category.weight} onChange={(weight) => dispatch({ type: "category", c, patch: { weight: weight ?? Number.NaN } })} />
      </div>
      <p className="text-sm text-slate-600">
        二级指标满分合计 {maxSum} 分{Number.isFinite(category.weight) && maxSum !== category.weight ? `，小计按权重 ${category.weight} 折算` : "，与权重相同，小计即得分合计"}。
      </p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {category.indicators.map((indicator, i) => (
          <li key={i} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
            <span>
              {indicator.code} {indicator.name}（{Number.isFinite(indicator.max) ? indicator.max : "—"}分）
            </span>
            <button type="button" className={ui.link} onClick={() => onSelectIndicator(i)}>
              编辑
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={ui.btnSecondary} onClick={() => dispatch({ type: "addIndicator", c })}>
        添加二级指标
      </button>
    </section>
  );
}

"use client";

import { ui } from "@/components/ui/styles";
import type { SchemeDocument } from "@/lib/scoring";
import { weightTotal, type EditorAction } from "@/lib/schemes/editor-state";
import { fieldId, problemsUnder, useProblems } from "./problems-context";

export type Selection = { kind: "scheme" } | { kind: "category"; c: number } | { kind: "indicator"; c: number; i: number };

type Props = { doc: SchemeDocument; selection: Selection; onSelect: (selection: Selection) => void; dispatch: (action: EditorAction) => void };

function ErrorBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return <span className="ml-1 rounded bg-red-100 px-1 text-xs text-red-800">{count}个错误</span>;
}

const item = "block w-full rounded px-2 py-1 text-left text-sm hover:bg-slate-100 aria-[current=true]:bg-brand-100 aria-[current=true]:font-medium";

/** The draft's outline: categories with their weights (and the running total against 100) and their indicators. */
export function Outline({ doc, selection, onSelect, dispatch }: Props) {
  const { errors } = useProblems();
  const total = weightTotal(doc);
  const count = (prefix: string) => problemsUnder(errors, prefix).length;
  const isCategory = (c: number) => selection.kind === "category" && selection.c === c;
  const isIndicator = (c: number, i: number) => selection.kind === "indicator" && selection.c === c && selection.i === i;
  return (
    <nav aria-label="方案结构" className="space-y-2">
      <button type="button" className={item} aria-current={selection.kind === "scheme"} onClick={() => onSelect({ kind: "scheme" })}>
        方案信息与等级
      </button>
      <p id={fieldId("categories")} role="status" className={`rounded px-2 py-1 text-sm ${total === 100 ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`} data-testid="weight-total">
        权重合计 {total} / 100
      </p>
      <ol className="space-y-1">
        {doc.categories.map((category, c) => (
          <li key={c}>
            <button type="button" className={item} aria-current={isCategory(c)} onClick={() => onSelect({ kind: "category", c })}>
              {category.name || "（未命名）"}
              <span className="text-slate-500"> · 权重{Number.isFinite(category.weight) ? category.weight : "—"}</span>
              <ErrorBadge count={count(`categories[${c}]`) - count(`categories[${c}].indicators`)} />
            </button>
            <ol className="ml-3 border-l border-slate-200 pl-1">
              {category.indicators.map((indicator, i) => (
                <li key={i}>
                  <button type="button" className={item} aria-current={isIndicator(c, i)} onClick={() => onSelect({ kind: "indicator", c, i })}>
                    <span className="text-slate-500">{indicator.code}</span> {indicator.name}
                    <span className="whitespace-nowrap text-slate-500">（{Number.isFinite(indicator.max) ? indicator.max : "—"}分）</span>
                    <ErrorBadge count={count(`categories[${c}].indicators[${i}]`)} />
                  </button>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      <button type="button" className={`${ui.btnSecondary} w-full`} onClick={() => dispatch({ type: "addCategory" })}>
        添加一级指标
      </button>
    </nav>
  );
}

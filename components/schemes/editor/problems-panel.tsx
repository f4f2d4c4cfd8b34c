"use client";

import type { Problem, SchemeDocument } from "@/lib/scoring";
import { locateProblem } from "@/lib/schemes/editor-state";

type Props = { doc: SchemeDocument; errors: readonly Problem[]; warnings: readonly Problem[]; onJump: (path: string) => void };

/** Where a problem is, in the draft's words: the indicator (or category) it belongs to. */
function placeOf(doc: SchemeDocument, path: string): string {
  const { c, i, s } = locateProblem(path);
  if (c === undefined) return path.startsWith("grades") ? "等级" : "方案";
  const category = doc.categories[c];
  if (i === undefined) return `一级指标 ${category?.name ?? c + 1}`;
  const indicator = category?.indicators[i];
  const where = `指标 ${indicator?.code ?? ""} ${indicator?.name ?? ""}`.trim();
  return s === undefined ? where : `${where} · 子项${s + 1}`;
}

function List({ doc, problems, tone, onJump }: { doc: SchemeDocument; problems: readonly Problem[]; tone: "error" | "warning"; onJump: (path: string) => void }) {
  return (
    <ul className="max-h-64 space-y-1 overflow-y-auto">
      {problems.map((problem, k) => (
        <li key={k}>
          <button
            type="button"
            onClick={() => onJump(problem.path)}
            className={`block w-full rounded px-2 py-1 text-left text-sm hover:underline ${tone === "error" ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}
          >
            <span className="block text-xs opacity-80">{placeOf(doc, problem.path)}</span>
            {problem.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** validateScheme's errors and warnings for the whole draft; each jumps to its field. */
export function ProblemsPanel({ doc, errors, warnings, onJump }: Props) {
  return (
    <section aria-labelledby="problems-heading" className="space-y-2">
      <h2 id="problems-heading" className="text-sm font-semibold">
        校验结果
      </h2>
      <p role="status" className="text-sm" data-testid="problem-summary">
        {errors.length === 0 ? <span className="text-green-800">没有错误</span> : <span className="text-red-800">{errors.length}个错误（须改正后才能发布）</span>}
        {warnings.length > 0 ? <span className="text-amber-800">，{warnings.length}个提示</span> : null}
      </p>
      {errors.length > 0 ? <List doc={doc} problems={errors} tone="error" onJump={onJump} /> : null}
      {warnings.length > 0 ? <List doc={doc} problems={warnings} tone="warning" onJump={onJump} /> : null}
    </section>
  );
}

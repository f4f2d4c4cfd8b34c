import type { Problem, SchemeComparison } from "@/lib/scoring";

/** Problems of a scheme document as field errors keyed by JSON path (every problem kept). */
export function problemsToFieldErrors(problems: Problem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const problem of problems) (out[problem.path || "$"] ??= []).push(problem.message);
  return out;
}

/** Field errors keyed by JSON path back into problems (for showing them as a list). */
export function fieldErrorsToProblems(fieldErrors: Record<string, string[]> | undefined): Problem[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

/** A compact record of a comparison for the audit log: which codes were added, removed or changed. */
export function summariseChanges(comparison: SchemeComparison) {
  return {
    scheme: Object.keys(comparison.scheme),
    categories: {
      added: comparison.categories.added.map((c) => c.code),
      removed: comparison.categories.removed.map((c) => c.code),
      changed: comparison.categories.changed.map((c) => c.code),
    },
    indicators: {
      added: comparison.indicators.added.map((i) => i.code),
      removed: comparison.indicators.removed.map((i) => i.code),
      changed: comparison.indicators.changed.map((i) => i.code),
    },
  };
}

import type { CompiledIndicator } from "./compile";
import { fmtCents } from "./decimal";
import type { IndicatorResult, ItemResult } from "./schema";

export interface CompositeScore {
  result: IndicatorResult;
  cents: number;
}

/**
 * A composite indicator: Σ of its sub-items' rounded scores, clamped to the
 * indicator's max. `items` must be valid (see validItems).
 */
export function scoreComposite(indicator: CompiledIndicator, items: Record<string, unknown>): CompositeScore {
  let sum = 0;
  const texts: string[] = [];
  const results: ItemResult[] = [];
  for (const item of indicator.items ?? []) {
    const evaluation = item.rule.evaluate(items[item.key]);
    if (evaluation === undefined) throw new Error(`子项 ${indicator.code}/${item.key} 的数据未经校验`);
    sum += evaluation.cents;
    texts.push(`${item.name}：${evaluation.explanation}`);
    results.push(evaluation.result);
  }
  const cents = Math.min(sum, indicator.maxCents);
  const total =
    cents < sum
      ? `子项合计${fmtCents(sum)}分，超过满分${fmtCents(indicator.maxCents)}分，得${fmtCents(cents)}分`
      : `合计得${fmtCents(cents)}分`;
  return {
    cents,
    result: {
      code: indicator.code,
      score: fmtCents(cents),
      max: indicator.max,
      notApplicable: false,
      explanation: `${texts.join("；")}；${total}`,
      items: results,
    },
  };
}

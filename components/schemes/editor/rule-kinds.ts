import type { RuleKind } from "@/lib/scoring";

/** Rule kinds in Chinese, in the order the kind picker lists them. */
export const RULE_KIND_OPTIONS: readonly { value: RuleKind; label: string }[] = [
  { value: "deduction", label: "逐项扣分（deduction）" },
  { value: "binary", label: "是否达标（binary）" },
  { value: "veto", label: "一票否决（veto）" },
  { value: "tiered", label: "分档计分（tiered）" },
  { value: "ratio", label: "按比率计分（ratio）" },
  { value: "count", label: "按数量计分（count）" },
  { value: "award", label: "奖励计分（award）" },
  { value: "step", label: "分段扣分（step）" },
  { value: "threshold", label: "阈值扣分（threshold）" },
  { value: "rank", label: "按排名计分（rank）" },
  { value: "manual", label: "人工评定（manual）" },
];

export function kindLabel(kind: RuleKind): string {
  return RULE_KIND_OPTIONS.find((option) => option.value === kind)?.label ?? kind;
}

/**
 * Paths (relative to the rule) that a kind's form shows beside a field; the rule's other
 * problems are listed under the form.
 */
export const FIELD_PATHS: Record<RuleKind, RegExp> = {
  binary: /^\.(question|points)$/,
  veto: /^\.event$/,
  deduction: /^\.items\[\d+\]\.(key|label|points|per|cap)$/,
  tiered: /^\.tiers\[\d+\]\.(label|points)$/,
  ratio: /^\.(label|fullAt|zeroBelow|mode)$/,
  count: /^\.(mode|perItem|target|perMissing|label|unit)$/,
  award: /^\.(levels(\.[A-Za-z_$][\w$]*|\[".*"\])|combine)$/,
  step: /^\.(label|fullAt|step|perStep)$/,
  threshold: /^\.(label|op|value|points|percent)$/,
  rank: /^\.(label|subject|full|top|better)$/,
  manual: /^\.guidance$/,
};

/** A copy of `value` with `change` applied; keys set to undefined are dropped (cleared optional fields). */
export function patched<T extends object>(value: T, change: Partial<T>): T {
  return Object.fromEntries(Object.entries({ ...value, ...change }).filter(([, v]) => v !== undefined)) as T;
}

/** Optional words: an empty text clears the field. */
export function optionalText(value: string): string | undefined {
  return value === "" ? undefined : value;
}

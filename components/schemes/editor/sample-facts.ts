import type { Indicator, Rule } from "@/lib/scoring";

/*
 * Sample facts for the live preview and the sample-units panel: defaults per rule kind that score
 * full marks where the rule allows (no deductions, met, the best award, the target reached), and a
 * signature of the shape of facts an indicator takes, so facts typed for an earlier form of a rule
 * are replaced by defaults when the rule's kind, items, tiers or levels change — never silently
 * reused under another rule.
 */

/** Facts kept for one indicator, with the signature of the rule they were typed for. */
export type StoredFact = { sig: string; fact: unknown };

/** A value that keeps a threshold rule from deducting (as far as a value ≥ 0 can). */
function thresholdSafeValue(rule: Extract<Rule, { kind: "threshold" }>): number {
  const limit = Number.isFinite(rule.value) ? rule.value : 0;
  switch (rule.op) {
    case "lt":
      return limit;
    case "lte":
      return limit + 1;
    case "gt":
    case "gte":
      return Math.max(0, limit - 1);
  }
}

export function defaultRuleFacts(rule: Rule, max: number): unknown {
  switch (rule.kind) {
    case "binary":
      return { met: true };
    case "veto":
      return { count: 0 };
    case "deduction":
      return { counts: Object.fromEntries(rule.items.map((item) => [item.key, 0])) };
    case "tiered":
      return { tier: rule.tiers[0]?.label ?? "" };
    case "ratio":
      return { value: 1 };
    case "count":
      return rule.mode === "shortfall"
        ? { count: Number.isSafeInteger(rule.target) ? rule.target : 0 }
        : { count: rule.perItem > 0 && Number.isFinite(max) ? Math.ceil(max / rule.perItem) : 0 };
    case "award": {
      const best = Object.entries(rule.levels).reduce<[string, number] | undefined>((top, entry) => (top === undefined || entry[1] > top[1] ? entry : top), undefined);
      return { awards: best === undefined ? [] : [best[0]] };
    }
    case "step":
      return { value: Number.isFinite(rule.fullAt) ? rule.fullAt : 0 };
    case "threshold":
      return { value: thresholdSafeValue(rule) };
    case "rank":
      return { value: null };
    case "manual":
      return { score: Number.isFinite(max) ? max : 0, note: "样例评分说明" };
  }
}

export function defaultIndicatorFacts(indicator: Indicator): unknown {
  if (indicator.items !== undefined) {
    return { items: Object.fromEntries(indicator.items.map((item) => [item.key, defaultRuleFacts(item.rule, item.max)])) };
  }
  return indicator.rule === undefined ? "N/A" : defaultRuleFacts(indicator.rule, indicator.max);
}

function ruleSignature(rule: Rule | undefined): string {
  if (rule === undefined) return "none";
  switch (rule.kind) {
    case "deduction":
      return `deduction(${rule.items.map((item) => item.key).join(",")})`;
    case "tiered":
      return `tiered(${rule.tiers.map((tier) => tier.label).join(",")})`;
    case "award":
      return `award(${Object.keys(rule.levels).join(",")})`;
    case "count":
      return `count(${rule.mode})`;
    default:
      return rule.kind;
  }
}

/** What shape of facts an indicator takes; facts kept under another signature are stale. */
export function factSignature(indicator: Indicator): string {
  if (indicator.items === undefined) return ruleSignature(indicator.rule);
  return `items(${indicator.items.map((item) => `${item.key}:${ruleSignature(item.rule)}`).join(";")})`;
}

/** The facts to use for an indicator: those kept for its current rule, else its defaults. */
export function currentFact(stored: StoredFact | undefined, indicator: Indicator): unknown {
  return stored !== undefined && stored.sig === factSignature(indicator) ? stored.fact : defaultIndicatorFacts(indicator);
}

/** The facts a peer unit with `value` gets in a ranked preview (rank rules take the value, others their defaults). */
export function peerFact(indicator: Indicator, value: number): unknown {
  if (indicator.items === undefined) return indicator.rule?.kind === "rank" ? { value } : defaultIndicatorFacts(indicator);
  return {
    items: Object.fromEntries(
      indicator.items.map((item) => [item.key, item.rule.kind === "rank" ? { value } : defaultRuleFacts(item.rule, item.max)]),
    ),
  };
}

/** Whether the indicator (or one of its sub-items) ranks units against each other. */
export function isRanked(indicator: Indicator): boolean {
  return indicator.rule?.kind === "rank" || (indicator.items ?? []).some((item) => item.rule.kind === "rank");
}

import { z } from "zod";
import { dec, type Dec } from "../decimal";
import { NOT_APPLICABLE } from "../defaults";
import type { Indicator, Rule } from "../schema";
import { awardRule } from "./award";
import { binaryRule } from "./binary";
import { countRule } from "./count";
import { deductionRule } from "./deduction";
import { manualRule } from "./manual";
import { rankRule } from "./rank";
import { ratioRule } from "./ratio";
import { stepRule } from "./step";
import { thresholdRule } from "./threshold";
import { tieredRule } from "./tiered";
import { vetoRule } from "./veto";
import type { CompiledRule, RuleContext, RuleDefinition } from "./types";

export type { CompiledRule, Evaluation, Ranking, RuleContext, RuleDefinition, Score } from "./types";
export { levelName } from "./award";

/** A rule together with the definition of its kind. */
interface BoundRule {
  factSchema(max: Dec): z.ZodType;
  compile<P>(ctx: RuleContext<P>): CompiledRule<P>;
  describe(max: Dec): string;
  best(max: Dec): Dec | null;
  oversized(max: Dec): string[];
}

function bindTo<R>(definition: RuleDefinition<R>, rule: R): BoundRule {
  return {
    factSchema: (max) => definition.factSchema(rule, max),
    compile: (ctx) => definition.compile(rule, ctx),
    describe: (max) => definition.describe(rule, max),
    best: (max) => definition.best(rule, max),
    oversized: (max) => definition.oversized?.(rule, max) ?? [],
  };
}

/** The one place that maps a rule kind to its definition. */
export function bind(rule: Rule): BoundRule {
  switch (rule.kind) {
    case "binary":
      return bindTo(binaryRule, rule);
    case "veto":
      return bindTo(vetoRule, rule);
    case "deduction":
      return bindTo(deductionRule, rule);
    case "tiered":
      return bindTo(tieredRule, rule);
    case "ratio":
      return bindTo(ratioRule, rule);
    case "count":
      return bindTo(countRule, rule);
    case "award":
      return bindTo(awardRule, rule);
    case "step":
      return bindTo(stepRule, rule);
    case "threshold":
      return bindTo(thresholdRule, rule);
    case "rank":
      return bindTo(rankRule, rule);
    case "manual":
      return bindTo(manualRule, rule);
  }
}

export function compileRule<P>(rule: Rule, ctx: RuleContext<P>): CompiledRule<P> {
  return bind(rule).compile(ctx);
}

/** The zod schema of the facts a rule takes, with Chinese messages. */
export function factSchemaFor(rule: Rule, max: number | Dec): z.ZodType {
  return bind(rule).factSchema(dec(max));
}

/** The rule in Chinese words, e.g. "每项考核扣分项扣1分，最多扣至0分". */
export function ruleToText(rule: Rule, max: number | Dec): string {
  return bind(rule).describe(dec(max));
}

/** The facts of a whole indicator: "N/A", or the rule's facts, or {"items": {…}} for a composite. */
export function indicatorFactSchema(indicator: Indicator): z.ZodType {
  const notApplicable = z.literal(NOT_APPLICABLE);
  if (indicator.items === undefined) {
    const rule = indicator.rule;
    return rule === undefined ? notApplicable : z.union([notApplicable, factSchemaFor(rule, indicator.max)]);
  }
  const shape: Record<string, z.ZodType> = {};
  for (const item of indicator.items) shape[item.key] = factSchemaFor(item.rule, item.max);
  const items = z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `未知的子项：${issue.keys.join("、")}` : "items 必须是“子项: 数据”的对象",
  });
  return z.union([notApplicable, z.object({ items }, { error: '数据格式应为 {"items": {"子项": 数据}}' })]);
}

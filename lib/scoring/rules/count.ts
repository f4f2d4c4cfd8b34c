import { dec, plain, ZERO } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { countSchema, factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isCount, isRecord } = facts;

type CountRule = RuleOf<"count">;
interface CountFact {
  count: number;
}

const schema = factObject({ count: countSchema }, '{"count": 数量}');

function isCountFact(x: unknown): x is CountFact {
  return isRecord(x) && isCount(x.count);
}

export const countRule: RuleDefinition<CountRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const label = rule.label ?? ctx.name;
    const unit = rule.unit ?? "项";
    const base = { kind: "count" as const, ctx, schema, accepts: isCountFact, keyOf: (x: unknown) => (isCountFact(x) ? x.count : undefined) };
    if (rule.mode === "additive") {
      const perItem = dec(rule.perItem);
      return compiledRule({
        ...base,
        raw: (f) => perItem.times(f.count),
        explain: (f, score) => `${label}${f.count}${unit}，每${unit}得${plain(perItem)}分，得${score}分`,
      });
    }
    const perMissing = dec(rule.perMissing);
    const missing = (f: CountFact) => Math.max(0, rule.target - f.count);
    return compiledRule({
      ...base,
      raw: (f) => ctx.max.minus(perMissing.times(missing(f))),
      explain: (f, score) =>
        missing(f) === 0
          ? `${label}${f.count}${unit}，达到${rule.target}${unit}，得${score}分`
          : `${label}${f.count}${unit}，应达${rule.target}${unit}，少${missing(f)}${unit}，每少1${unit}扣${plain(perMissing)}分，得${score}分`,
    });
  },
  describe: (rule, max) => {
    const label = rule.label ?? "";
    const unit = rule.unit ?? "项";
    return rule.mode === "additive"
      ? `${label}每${unit}得${plain(rule.perItem)}分，最多得${plain(max)}分`
      : `${label}应达${rule.target}${unit}，每少1${unit}扣${plain(rule.perMissing)}分，最多扣至0分`;
  },
  best: (rule, max) => (rule.mode === "additive" ? (rule.perItem > 0 ? null : ZERO) : max),
};

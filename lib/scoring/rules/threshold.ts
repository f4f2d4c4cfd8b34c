import { dec, percent, plain } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject, valueSchema } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord, isValue, numberKey } = facts;

type ThresholdRule = RuleOf<"threshold">;
type Op = ThresholdRule["op"];
interface ValueFact {
  value: number;
}

const schema = factObject({ value: valueSchema }, '{"value": 数值}');

function isValueFact(x: unknown): x is ValueFact {
  return isRecord(x) && isValue(x.value);
}

const OP_WORDS: Record<Op, { holds: string; fails: string }> = {
  lt: { holds: "低于", fails: "不低于" },
  lte: { holds: "不高于", fails: "高于" },
  gt: { holds: "高于", fails: "不高于" },
  gte: { holds: "不低于", fails: "低于" },
};

function holds(op: Op, v: number, limit: number): boolean {
  switch (op) {
    case "lt":
      return v < limit;
    case "lte":
      return v <= limit;
    case "gt":
      return v > limit;
    case "gte":
      return v >= limit;
  }
}

export const thresholdRule: RuleDefinition<ThresholdRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const label = rule.label ?? ctx.name;
    const points = dec(rule.points);
    const show = (v: number) => (rule.percent === true ? percent(v) : plain(v));
    const words = OP_WORDS[rule.op];
    return compiledRule({
      kind: "threshold",
      ctx,
      schema,
      accepts: isValueFact,
      keyOf: (x) => (isValueFact(x) ? numberKey(x.value) : undefined),
      raw: (f) => (holds(rule.op, f.value, rule.value) ? ctx.max.minus(points) : ctx.max),
      explain: (f, score) =>
        holds(rule.op, f.value, rule.value)
          ? `${label}${show(f.value)}，${words.holds}${show(rule.value)}，扣${plain(points)}分，得${score}分`
          : `${label}${show(f.value)}，${words.fails}${show(rule.value)}，不扣分，得${score}分`,
    });
  },
  describe: (rule) => {
    const v = rule.percent === true ? percent(rule.value) : plain(rule.value);
    return `${rule.label ?? ""}${OP_WORDS[rule.op].holds}${v}扣${plain(rule.points)}分，否则得满分`;
  },
  best: (_rule, max) => max,
};

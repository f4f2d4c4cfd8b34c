import { ceilDiv, dec, plain } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject, valueSchema } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord, isValue, numberKey } = facts;

type StepRule = RuleOf<"step">;
interface ValueFact {
  value: number;
}

const schema = factObject({ value: valueSchema }, '{"value": 数值}');

function isValueFact(x: unknown): x is ValueFact {
  return isRecord(x) && isValue(x.value);
}

export const stepRule: RuleDefinition<StepRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const label = rule.label ?? ctx.name;
    const fullAt = dec(rule.fullAt);
    const step = dec(rule.step);
    const perStep = dec(rule.perStep);
    const steps = (v: number) => ceilDiv(fullAt.minus(v), step);
    return compiledRule({
      kind: "step",
      ctx,
      schema,
      accepts: isValueFact,
      keyOf: (x) => (isValueFact(x) ? numberKey(x.value) : undefined),
      raw: (f) => (f.value >= rule.fullAt ? ctx.max : ctx.max.minus(perStep.times(steps(f.value)))),
      explain: (f, score) => {
        const shown = `${label}${plain(f.value)}`;
        if (f.value >= rule.fullAt) return `${shown}，达到${plain(fullAt)}，得${score}分`;
        const n = steps(f.value);
        return `${shown}，低于${plain(fullAt)}，按每低${plain(step)}扣${plain(perStep)}分计${plain(n)}档，扣${plain(perStep.times(n))}分，得${score}分`;
      },
    });
  },
  describe: (rule, max) =>
    `${rule.label ?? ""}达到${plain(rule.fullAt)}得${plain(max)}分，每低${plain(rule.step)}（不足${plain(rule.step)}按${plain(rule.step)}计）扣${plain(rule.perStep)}分，最多扣至0分`,
  best: (_rule, max) => max,
};

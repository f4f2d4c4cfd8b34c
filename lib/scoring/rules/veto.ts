import { ZERO, plain } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { countSchema, factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isCount, isRecord } = facts;

type VetoRule = RuleOf<"veto">;
interface VetoFact {
  count: number;
}

const DEFAULT_EVENT = "发生一票否决事项";
const schema = factObject({ count: countSchema }, '{"count": 次数}');

function isVetoFact(x: unknown): x is VetoFact {
  return isRecord(x) && isCount(x.count);
}

export const vetoRule: RuleDefinition<VetoRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const event = rule.event ?? DEFAULT_EVENT;
    return compiledRule({
      kind: "veto",
      ctx,
      schema,
      accepts: isVetoFact,
      keyOf: (x) => (isVetoFact(x) ? x.count : undefined),
      raw: (f) => (f.count >= 1 ? ZERO : ctx.max),
      explain: (f, score) =>
        f.count >= 1 ? `${event}${f.count}次，一票否决，得${score}分` : `未${event}，得${score}分`,
    });
  },
  describe: (rule, max) => `${rule.event ?? DEFAULT_EVENT}即得0分（一票否决），否则得${plain(max)}分`,
  best: (_rule, max) => max,
};

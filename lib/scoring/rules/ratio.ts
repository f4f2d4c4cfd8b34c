import { z } from "zod";
import { dec, percent, plain, quotient2, roundProduct, toCents, ZERO } from "../decimal";
import { ratioDefaults } from "../defaults";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord, numberKey } = facts;

type RatioRule = RuleOf<"ratio">;
interface RatioFact {
  value: number;
}

const RATIO_MESSAGE = "比率必须是0到1之间的数（如85%填0.85）";
const schema = factObject(
  { value: z.number({ error: RATIO_MESSAGE }).min(0, RATIO_MESSAGE).max(1, RATIO_MESSAGE) },
  '{"value": 0到1之间的比率}',
);

function isRatioFact(x: unknown): x is RatioFact {
  return isRecord(x) && typeof x.value === "number" && x.value >= 0 && x.value <= 1;
}

export const ratioRule: RuleDefinition<RatioRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const { max } = ctx;
    const label = rule.label ?? ctx.name;
    const { fullAt, zeroBelow, mode } = ratioDefaults(rule);
    const fullAtDec = dec(fullAt);
    const zeroBelowDec = dec(zeroBelow);
    const fullNote = fullAt === 1 ? "" : `（${percent(fullAt)}即得满分）`;
    const maxCents = toCents(max);
    return compiledRule({
      kind: "ratio",
      ctx,
      schema,
      accepts: isRatioFact,
      keyOf: (x) => (isRatioFact(x) ? numberKey(x.value) : undefined),
      raw: ({ value }) => {
        if (value < zeroBelow) return ZERO;
        if (value >= fullAt) return max;
        return mode === "proportional"
          ? quotient2(max.times(value), fullAtDec)
          : quotient2(max.times(dec(value).minus(zeroBelowDec)), fullAtDec.minus(zeroBelowDec));
      },
      fastCents: ({ value }) =>
        mode === "proportional" && fullAt === 1 && value >= zeroBelow && value < 1
          ? roundProduct(maxCents, value)
          : undefined,
      explain: ({ value }, score) => {
        const shown = `${label}${percent(value)}`;
        if (value < zeroBelow) return `${shown}，低于${percent(zeroBelow)}，得${score}分`;
        if (value >= fullAt) return `${shown}，达到${percent(fullAt)}，得${score}分`;
        return mode === "proportional"
          ? `${shown}，按比例${fullNote}得${score}分`
          : `${shown}，在${percent(zeroBelow)}至${percent(fullAt)}之间按比例得${score}分`;
      },
    });
  },
  describe: (r, max) => {
    const rule = { ...r, ...ratioDefaults(r) };
    const label = rule.label ?? "比率";
    const zero = rule.zeroBelow > 0 ? `，低于${percent(rule.zeroBelow)}得0分` : "";
    const between =
      rule.mode === "proportional"
        ? `其余按比例得分（满分×${label}${rule.fullAt === 1 ? "" : `÷${percent(rule.fullAt)}`}）`
        : `其间在${percent(rule.zeroBelow)}至${percent(rule.fullAt)}之间按线性比例得分`;
    return `${label}达到${percent(rule.fullAt)}得${plain(max)}分${zero}，${between}`;
  },
  best: (_rule, max) => max,
};

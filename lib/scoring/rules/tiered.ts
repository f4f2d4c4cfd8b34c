import { z } from "zod";
import { dec, plain, ZERO, type Dec } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord } = facts;

type TieredRule = RuleOf<"tiered">;
interface TieredFact {
  tier: string;
}

function labels(rule: TieredRule): [string, ...string[]] {
  const [first, ...rest] = rule.tiers.map((tier) => tier.label);
  return [first ?? "", ...rest];
}

function factSchema(rule: TieredRule) {
  const known = labels(rule);
  return factObject(
    { tier: z.enum(known, { error: `等次必须是以下之一：${known.join("、")}` }) },
    '{"tier": "等次"}',
  );
}

export const tieredRule: RuleDefinition<TieredRule> = {
  factSchema,
  compile(rule, ctx) {
    const points = new Map<string, Dec>();
    for (const tier of rule.tiers) if (!points.has(tier.label)) points.set(tier.label, dec(tier.points));
    const accepts = (x: unknown): x is TieredFact => isRecord(x) && typeof x.tier === "string" && points.has(x.tier);
    return compiledRule({
      kind: "tiered",
      ctx,
      schema: factSchema(rule),
      accepts,
      keyOf: (x) => (accepts(x) ? x.tier : undefined),
      raw: (f) => points.get(f.tier) ?? ZERO,
      explain: (f, score) => `${ctx.name}为${f.tier}，得${score}分`,
    });
  },
  describe: (rule) => rule.tiers.map((tier) => `${tier.label}得${plain(tier.points)}分`).join("，"),
  best: (rule) => rule.tiers.reduce((best, tier) => (best.lt(tier.points) ? dec(tier.points) : best), ZERO),
  oversized: (rule, max) =>
    rule.tiers.filter((tier) => max.lt(tier.points)).map((tier) => `等次“${tier.label}”的${plain(tier.points)}分`),
};

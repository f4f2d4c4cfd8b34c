import { z } from "zod";
import { dec, plain, ZERO, type Dec } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord } = facts;

type AwardRule = RuleOf<"award">;
interface AwardFact {
  awards: string[];
}

const LEVEL_NAMES: Record<string, string> = {
  national: "国家级",
  provincial: "省级",
  municipal: "市级",
  county: "县级",
};

/** A level key in words: national → 国家级; other keys verbatim. */
export function levelName(level: string): string {
  return Object.hasOwn(LEVEL_NAMES, level) ? (LEVEL_NAMES[level] ?? level) : level;
}

function factSchema(rule: AwardRule) {
  const keys = Object.keys(rule.levels);
  const [first, ...rest] = keys;
  const message = `奖励级别必须是以下之一：${keys.join("、")}`;
  return factObject(
    {
      awards: z.array(z.enum([first ?? "", ...rest], { error: message }), {
        error: 'awards 必须是奖励级别的列表，如 ["provincial"]',
      }),
    },
    '{"awards": ["级别", …]}',
  );
}

function distinct(levels: readonly string[]): string[] {
  return [...new Set(levels)];
}

function awardsText(awards: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const level of awards) counts.set(level, (counts.get(level) ?? 0) + 1);
  return [...counts].map(([level, n]) => `${levelName(level)}奖励${n}项`).join("、");
}

/** The awards, in order, packed into one number while that is exact, else a string. */
function awardsKey(awards: readonly string[], index: ReadonlyMap<string, number>): number | string {
  const base = index.size + 1;
  let key = 0;
  for (const level of awards) {
    key = key * base + (index.get(level) ?? 0);
    if (key > Number.MAX_SAFE_INTEGER / base) return awards.join("\u0000");
  }
  return key;
}

export const awardRule: RuleDefinition<AwardRule> = {
  factSchema,
  compile(rule, ctx) {
    const points = new Map<string, Dec>(Object.entries(rule.levels).map(([level, p]) => [level, dec(p)]));
    const accepts = (x: unknown): x is AwardFact => {
      if (!isRecord(x) || !Array.isArray(x.awards)) return false;
      for (const level of x.awards) if (typeof level !== "string" || !points.has(level)) return false;
      return true;
    };
    const pointsOf = (level: string): Dec => points.get(level) ?? ZERO;
    const index = new Map([...points.keys()].map((level, i) => [level, i + 1]));
    return compiledRule({
      kind: "award",
      ctx,
      schema: factSchema(rule),
      accepts,
      keyOf: (x) => (accepts(x) ? awardsKey(x.awards, index) : undefined),
      raw: (f) =>
        (rule.combine ?? "max") === "sum"
          ? f.awards.reduce((sum, level) => sum.plus(pointsOf(level)), ZERO)
          : f.awards.reduce((best, level) => (best.lt(pointsOf(level)) ? pointsOf(level) : best), ZERO),
      explain: (f, score) => {
        if (f.awards.length === 0) return `未获奖励，得${score}分`;
        if ((rule.combine ?? "max") === "sum") return `获${awardsText(f.awards)}，合计得${score}分`;
        const levels = distinct(f.awards);
        if (levels.length === 1) return `获${levelName(levels[0] ?? "")}奖励，得${score}分`;
        return `获${levels.map(levelName).join("、")}奖励，按最高一项得${score}分`;
      },
    });
  },
  describe: (rule, max) => {
    const parts = Object.entries(rule.levels).map(([level, p]) => `${levelName(level)}奖励得${plain(p)}分`);
    return (rule.combine ?? "max") === "sum"
      ? `${parts.join("，")}，多项累加，最多得${plain(max)}分`
      : `${parts.join("，")}，多项取最高一项`;
  },
  best: (rule) => {
    const values = Object.values(rule.levels);
    if ((rule.combine ?? "max") === "sum" && values.some((p) => p > 0)) return null;
    return values.reduce<Dec>((best, p) => (best.lt(p) ? dec(p) : best), ZERO);
  },
  oversized: (rule, max) =>
    Object.entries(rule.levels)
      .filter(([, p]) => max.lt(p))
      .map(([level, p]) => `${levelName(level)}奖励的${plain(p)}分`),
};

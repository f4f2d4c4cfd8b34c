import { z } from "zod";
import { dec, plain, quotient2 } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord, isValue } = facts;

type RankRule = RuleOf<"rank">;
interface RankFact {
  value: number | null;
}
interface Position {
  position: number;
  count: number;
}

const RANK_MESSAGE = "数值必须是不小于0的数，没有案件时填 null";
const schema = factObject(
  { value: z.number({ error: RANK_MESSAGE }).min(0, RANK_MESSAGE).nullable() },
  '{"value": 数值或null}',
);

function isRankFact(x: unknown): x is RankFact {
  return isRecord(x) && (x.value === null || isValue(x.value));
}

/** Number of entries of an ascending array strictly below v. */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of entries of an ascending array at most v. */
function countAtMost(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const rankRule: RuleDefinition<RankRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const subject = rule.subject ?? "案件";
    const full = dec(rule.full);
    const top = dec(rule.top);
    let sorted: Float64Array | undefined;

    const positionOf = (v: number): Position => {
      if (sorted === undefined) throw new Error("排名规则尚未汇总本次评价的全部单位");
      const better = rule.better === "lower" ? countBelow(sorted, v) : sorted.length - countAtMost(sorted, v);
      return { position: better + 1, count: sorted.length };
    };

    return compiledRule({
      kind: "rank",
      ctx,
      schema,
      accepts: isRankFact,
      // The count is the same for every unit of a run, so the position alone identifies the score.
      keyOf: (x) => (isRankFact(x) ? (x.value === null ? 0 : positionOf(x.value).position) : undefined),
      raw: (f) => {
        if (f.value === null) return full;
        const { position, count } = positionOf(f.value);
        return quotient2(top.times(count - position + 1), dec(count));
      },
      explain: (f, score) => {
        if (f.value === null) return `无${subject}，得${score}分`;
        const { position, count } = positionOf(f.value);
        const shown = rule.label === undefined ? "" : `${rule.label}${plain(f.value)}，`;
        return `${shown}在${count}个有${subject}的单位中排第${position}位，得${score}分`;
      },
      ranking: {
        valueOf: (fact) => (isRankFact(fact) ? fact.value : null),
        prepare: (values) => {
          sorted = Float64Array.from(values).sort();
        },
      },
    });
  },
  describe: (rule) => {
    const subject = rule.subject ?? "案件";
    const order = rule.better === "lower" ? "由低到高" : "由高到低";
    const by = rule.label === undefined ? "" : `按${rule.label}`;
    return `无${subject}得${plain(rule.full)}分；有${subject}的单位${by}${order}排名，第1名得${plain(rule.top)}分，其余按名次递减（${plain(rule.top)}×(单位数−名次+1)÷单位数）`;
  },
  best: (rule) => (dec(rule.full).gt(rule.top) ? dec(rule.full) : dec(rule.top)),
  oversized: (rule, max) => [
    ...(max.lt(rule.full) ? [`无案件得分${plain(rule.full)}`] : []),
    ...(max.lt(rule.top) ? [`第一名得分${plain(rule.top)}`] : []),
  ],
};

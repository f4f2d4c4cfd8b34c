import type { z } from "zod";
import { clamp, fmtCents, round2, toCents, type Dec } from "../decimal";
import type { RuleKind } from "../schema";
import type { CompiledRule, Evaluation, Ranking, RuleContext } from "./types";

export type MemoKey = number | string | null;

const MEMO_LIMIT = 100_000;
const SMALL_KEYS = 4096;

interface CompiledRuleSpec<F, R> {
  kind: RuleKind;
  ctx: RuleContext<R>;
  schema: z.ZodType;
  accepts: (fact: unknown) => fact is F;
  /**
   * In one go: undefined when `accepts` would refuse the fact, else its memo
   * key (facts with equal keys score identically), or null for "do not memoise".
   * Each rule kind writes its own, so that the check inlines.
   */
  keyOf: (fact: unknown) => MemoKey | undefined;
  /** The rule's score before clamping. */
  raw: (fact: F) => Dec;
  /**
   * Optional shortcut: the final score in cents computed without Decimal,
   * or undefined where that is not provably identical to `raw`.
   */
  fastCents?: (fact: F) => number | undefined;
  explain: (fact: F, score: string) => string;
  ranking?: Ranking;
}

/**
 * Builds a CompiledRule: clamp to [0, max], round half-up to cents, explain.
 * Results are memoised per distinct facts, which makes large runs cheap
 * without a second (fast) implementation of any formula.
 */
export function compiledRule<F, R>(spec: CompiledRuleSpec<F, R>): CompiledRule<R> {
  const { ctx, accepts, keyOf, raw, explain, fastCents } = spec;
  const memo = new Map<string | number, Evaluation<R>>();
  // Small whole-number keys (counts, yes/no, positions) use a dense array instead of the Map.
  const small = new Array<Evaluation<R> | undefined>(SMALL_KEYS).fill(undefined);

  const compute = (fact: unknown): Evaluation<R> => {
    if (!accepts(fact)) throw new Error(`${spec.kind}规则的数据未经校验`);
    const cents = fastCents?.(fact) ?? toCents(round2(clamp(raw(fact), ctx.max)));
    const score = fmtCents(cents);
    const explanation = explain(fact, score);
    return { cents, score, explanation, result: ctx.present(score, explanation) };
  };

  const ranking = spec.ranking;
  return {
    kind: spec.kind,
    schema: spec.schema,
    accepts,
    ranking: ranking && {
      valueOf: ranking.valueOf,
      prepare(values) {
        memo.clear();
        small.fill(undefined);
        ranking.prepare(values);
      },
    },
    evaluate(fact) {
      const k = keyOf(fact);
      if (k === undefined) return undefined;
      if (k === null) return compute(fact);
      if (typeof k === "number" && k >= 0 && k < SMALL_KEYS && (k | 0) === k) {
        return (small[k] ??= compute(fact));
      }
      let evaluation = memo.get(k);
      if (evaluation === undefined) {
        evaluation = compute(fact);
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(k, evaluation);
      }
      return evaluation;
    },
  };
}

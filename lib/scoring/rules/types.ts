import type { z } from "zod";
import type { Dec } from "../decimal";
import type { RuleKind } from "../schema";

/** What a rule needs to know about the indicator (or sub-item) it scores. */
export interface RuleContext<R> {
  /** The indicator's or sub-item's maximum. */
  max: Dec;
  /** Its name, used in explanations when the rule has no label of its own. */
  name: string;
  /** Builds the caller's result object once per distinct evaluation. */
  present: (score: string, explanation: string) => R;
}

/** The score of one fact: clamped to [0, max] and rounded to cents. */
export interface Score {
  readonly cents: number;
  /** The same, as a 2-decimal string. */
  readonly score: string;
  readonly explanation: string;
}

export interface Evaluation<R> extends Score {
  readonly result: R;
}

/** Rank rules score a unit against the other units of the run. */
export interface Ranking {
  valueOf(fact: unknown): number | null;
  /** Gives the non-null values of all units of the run; call before evaluate. */
  prepare(values: readonly number[]): void;
}

/** A rule bound to its parameters, ready to check and score facts. */
export interface CompiledRule<R> {
  readonly kind: RuleKind;
  /** The zod schema of the facts, with Chinese messages (for forms and problem lists). */
  readonly schema: z.ZodType;
  /** Fast check, accepting exactly what `schema` accepts (for JSON data). */
  accepts(fact: unknown): boolean;
  /** Scores facts that `accepts`; undefined for anything else. */
  evaluate(fact: unknown): Evaluation<R> | undefined;
  readonly ranking?: Ranking;
}

/** Everything the engine, the editor and the validator need to know about one rule kind. */
export interface RuleDefinition<R> {
  factSchema(rule: R, max: Dec): z.ZodType;
  compile<P>(rule: R, ctx: RuleContext<P>): CompiledRule<P>;
  /** The rule in words, e.g. "每项考核扣分项扣1分，最多扣至0分". */
  describe(rule: R, max: Dec): string;
  /** The best score the rule can give before clamping; null when unbounded. */
  best(rule: R, max: Dec): Dec | null;
  /** Parameters that exceed the maximum and will be clamped (warnings). */
  oversized?(rule: R, max: Dec): string[];
}

import { summarize } from "./aggregate";
import { compileScheme, type CompiledIndicator } from "./compile";
import { scoreComposite } from "./composite";
import { NOT_APPLICABLE } from "./defaults";
import {
  factProblems,
  indicatorPlace,
  missingFact,
  nothingApplies,
  unitCodeProblems,
  unknownCode,
  validItems,
} from "./fact-problems";
import { startRun, type Run } from "./run";
import type { IndicatorResult, Problem, SchemeDocument, UnitFacts, UnitResult } from "./schema";

export type ScoreOutcome = { ok: true; results: UnitResult[] } | { ok: false; problems: Problem[] };

const NA: string = NOT_APPLICABLE;

/**
 * Scores all units of one run under a valid scheme (see validateScheme).
 * Every fact of every unit is checked; if anything is wrong or missing,
 * nothing is returned but every problem. Results keep the order of `units`;
 * indicator and category results may be shared between units and are frozen.
 */
export function scoreUnits(scheme: SchemeDocument, units: readonly UnitFacts[]): ScoreOutcome {
  const run = startRun(compileScheme(scheme), units);
  const problems = unitCodeProblems(units);
  for (let u = 0; u < units.length; u++) scoreFacts(run, u, problems);
  if (problems.length > 0) return { ok: false, problems };
  if (run.scheme.rankSlots.length > 0) scoreRanked(run);
  return { ok: true, results: summarize(run) };
}

/** JSON facts are never functions; a function is an inherited property such as "constructor". */
function given(fact: unknown): boolean {
  return fact !== undefined && typeof fact !== "function";
}

/** Valid facts of a ranked indicator, to be scored in the second pass. */
const DEFERRED = "deferred";

interface Scored {
  readonly result: IndicatorResult;
  readonly cents: number;
}

/** A composite or ranked indicator's facts: undefined when invalid; ranked ones are only checked now. */
function scoreOther(run: Run, indicator: CompiledIndicator, index: number, fact: unknown): Scored | typeof DEFERRED | undefined {
  if (indicator.ranked) return checkRanked(run, indicator, index, fact) ? DEFERRED : undefined;
  if (indicator.rule !== undefined) return indicator.rule.evaluate(fact);
  const items = validItems(indicator, fact);
  return items === undefined ? undefined : scoreComposite(indicator, items);
}

/** First pass: checks every fact of a unit and scores all but the ranked indicators. */
function scoreFacts(run: Run, u: number, problems: Problem[]): void {
  const unit = run.units[u] as UnitFacts;
  const indicators = run.scheme.indicators;
  const facts = unit.facts;
  const row = new Array<IndicatorResult>(indicators.length);
  run.rows[u] = row;
  let found = 0;
  let applies = 0;
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i] as CompiledIndicator;
    const fact = facts[indicator.code];
    if (!given(fact)) {
      row[i] = indicator.notApplicable;
      problems.push(missingFact(indicatorPlace(unit, u, indicator), indicator));
      continue;
    }
    found++;
    if (fact !== NA) applies++;
    row[i] = scoreFact(run, u, i, fact, problems);
  }
  if (found !== countKeys(facts)) {
    for (const code of Object.keys(facts)) {
      if (!run.scheme.indicatorIndex.has(code) && given(facts[code])) problems.push(unknownCode(code, unit, u));
    }
  }
  if (run.scheme.policy === "rescale" && found === indicators.length && applies === 0) {
    problems.push(nothingApplies(unit, u));
  }
}

/** How many keys the facts have; more than the indicators found means some are unknown. */
function countKeys(facts: Record<string, unknown>): number {
  let count = 0;
  for (const code in facts) if (given(facts[code])) count++;
  return count;
}

/** One indicator's facts: its result (added to the unit's category sums), or a placeholder when deferred or invalid. */
function scoreFact(run: Run, u: number, index: number, fact: unknown, problems: Problem[]): IndicatorResult {
  const indicator = run.scheme.indicators[index] as CompiledIndicator;
  const cell = u * run.scheme.categories.length + indicator.category;
  const { scores, applicable } = run;
  if (fact === NA) {
    if (applicable === undefined) scores[cell] = (scores[cell] ?? 0) + indicator.maxCents;
    return indicator.notApplicable;
  }
  if (applicable !== undefined) applicable[cell] = (applicable[cell] ?? 0) + indicator.maxCents;
  const scored =
    indicator.rule !== undefined && !indicator.ranked ? indicator.rule.evaluate(fact) : scoreOther(run, indicator, index, fact);
  if (scored === undefined) {
    problems.push(...factProblems(indicator, fact, indicatorPlace(run.units[u] as UnitFacts, u, indicator)));
    return indicator.notApplicable;
  }
  if (scored === DEFERRED) return indicator.notApplicable; // replaced in the second pass
  scores[cell] = (scores[cell] ?? 0) + scored.cents;
  return scored.result;
}

/** A ranked indicator's facts are only checked now; their values are kept for the second pass. */
function checkRanked(run: Run, indicator: CompiledIndicator, index: number, fact: unknown): boolean {
  const items = indicator.rule === undefined ? validItems(indicator, fact) : undefined;
  if (indicator.rule !== undefined ? !indicator.rule.accepts(fact) : items === undefined) return false;
  run.scheme.rankSlots.forEach((slot, s) => {
    if (slot.indicator !== index) return;
    const value = slot.ranking.valueOf(slot.item === undefined ? fact : items?.[slot.item]);
    if (value !== null) run.rankValues[s]?.push(value);
  });
  return true;
}

/** Second pass: ranked indicators, once the values of every unit are known. */
function scoreRanked(run: Run): void {
  const { scheme } = run;
  scheme.rankSlots.forEach((slot, s) => slot.ranking.prepare(run.rankValues[s] ?? []));
  run.units.forEach((unit, u) => {
    const row = run.rows[u] ?? [];
    scheme.indicators.forEach((indicator, i) => {
      const fact = unit.facts[indicator.code];
      if (!indicator.ranked || fact === NA) return;
      const scored = indicator.rule !== undefined ? indicator.rule.evaluate(fact) : scoreValidComposite(indicator, fact);
      if (scored === undefined) throw new Error(`指标 ${indicator.code} 的数据未经校验`);
      row[i] = scored.result;
      const cell = u * scheme.categories.length + indicator.category;
      run.scores[cell] = (run.scores[cell] ?? 0) + scored.cents;
    });
  });
}

function scoreValidComposite(indicator: CompiledIndicator, fact: unknown) {
  const items = validItems(indicator, fact);
  return items === undefined ? undefined : scoreComposite(indicator, items);
}

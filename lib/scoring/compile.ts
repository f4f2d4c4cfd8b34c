import { dec, fmtCents, toCents, type Dec } from "./decimal";
import { compileRule, type CompiledRule, type Ranking } from "./rules";
import type { Indicator, IndicatorResult, ItemResult, NotApplicablePolicy, SchemeDocument } from "./schema";

/*
 * A scheme turned into plain data and closures once per run, so that scoring
 * a unit never looks at the scheme document again.
 */

export interface CompiledItem {
  readonly key: string;
  readonly name: string;
  readonly max: number;
  readonly rule: CompiledRule<ItemResult>;
}

export interface CompiledIndicator {
  readonly code: string;
  readonly name: string;
  readonly max: number;
  readonly maxCents: number;
  /** The index of its category. */
  readonly category: number;
  /** Exactly one of rule / items. */
  readonly rule: CompiledRule<IndicatorResult> | undefined;
  readonly items: readonly CompiledItem[] | undefined;
  /** Scored only once the whole run is known (it has a rank rule). */
  readonly ranked: boolean;
  /** The result of an indicator marked "N/A" under the scheme's policy. */
  readonly notApplicable: IndicatorResult;
}

export interface CompiledCategory {
  readonly code: string;
  readonly weight: number;
  readonly weightCents: number;
  /** M_c: the sum of its indicators' maxima, in cents. */
  readonly maxCents: number;
  readonly indicators: readonly CompiledIndicator[];
}

export interface RankSlot {
  readonly indicator: number;
  /** The sub-item's key, for a rank rule inside a composite. */
  readonly item: string | undefined;
  readonly ranking: Ranking;
}

export interface CompiledGrade {
  readonly label: string;
  /** ⌈min × 100⌉: a total in cents reaches the band when it is at least this. */
  readonly minCents: number;
}

export interface CompiledScheme {
  readonly code: string;
  readonly version: number;
  readonly policy: NotApplicablePolicy;
  readonly categories: readonly CompiledCategory[];
  /** All indicators in scheme order (categories one after another). */
  readonly indicators: readonly CompiledIndicator[];
  /** Indicator code → index in `indicators`. */
  readonly indicatorIndex: ReadonlyMap<string, number>;
  readonly rankSlots: readonly RankSlot[];
  readonly grades: readonly CompiledGrade[];
}

export const FULL_MARKS_EXPLANATION = "不涉及，按满分计";
export const RESCALE_EXPLANATION = "不涉及，不计入评价，总分按适用指标折算";

function notApplicableResult(indicator: Indicator, maxCents: number, policy: NotApplicablePolicy): IndicatorResult {
  return Object.freeze({
    code: indicator.code,
    score: policy === "full_marks" ? fmtCents(maxCents) : null,
    max: indicator.max,
    notApplicable: true,
    explanation: policy === "full_marks" ? FULL_MARKS_EXPLANATION : RESCALE_EXPLANATION,
  });
}

function compileIndicator(indicator: Indicator, category: number, policy: NotApplicablePolicy): CompiledIndicator {
  const max: Dec = dec(indicator.max);
  const maxCents = toCents(max);
  const items = indicator.items?.map((item) => ({
    key: item.key,
    name: item.name,
    max: item.max,
    rule: compileRule<ItemResult>(item.rule, {
      max: dec(item.max),
      name: item.name,
      present: (score, explanation) => Object.freeze({ key: item.key, score, max: item.max, explanation }),
    }),
  }));
  const rule =
    items === undefined && indicator.rule !== undefined
      ? compileRule<IndicatorResult>(indicator.rule, {
          max,
          name: indicator.name,
          present: (score, explanation) =>
            Object.freeze({ code: indicator.code, score, max: indicator.max, notApplicable: false, explanation }),
        })
      : undefined;
  if (rule === undefined && items === undefined) throw new Error(`指标 ${indicator.code} 没有计分规则`);
  return {
    code: indicator.code,
    name: indicator.name,
    max: indicator.max,
    maxCents,
    category,
    rule,
    items,
    ranked: rule?.ranking !== undefined || (items ?? []).some((item) => item.rule.ranking !== undefined),
    notApplicable: notApplicableResult(indicator, maxCents, policy),
  };
}

/** Compiles a valid scheme (see validateScheme); throws on a scheme without rules. */
export function compileScheme(scheme: SchemeDocument): CompiledScheme {
  const policy = scheme.notApplicable ?? "full_marks";
  const categories = scheme.categories.map((category, c) => {
    const indicators = category.indicators.map((indicator) => compileIndicator(indicator, c, policy));
    return {
      code: category.code,
      weight: category.weight,
      weightCents: toCents(dec(category.weight)),
      maxCents: indicators.reduce((sum, indicator) => sum + indicator.maxCents, 0),
      indicators,
    };
  });
  const indicators = categories.flatMap((category) => category.indicators);
  const rankSlots: RankSlot[] = [];
  indicators.forEach((indicator, index) => {
    const ranking = indicator.rule?.ranking;
    if (ranking) rankSlots.push({ indicator: index, item: undefined, ranking });
    for (const item of indicator.items ?? []) {
      if (item.rule.ranking) rankSlots.push({ indicator: index, item: item.key, ranking: item.rule.ranking });
    }
  });
  return {
    code: scheme.code,
    version: scheme.version,
    policy,
    categories,
    indicators,
    indicatorIndex: new Map(indicators.map((indicator, index) => [indicator.code, index])),
    rankSlots,
    grades: scheme.grades.map((grade) => ({
      label: grade.label,
      minCents: dec(grade.min).times(100).ceil().toNumber(),
    })),
  };
}

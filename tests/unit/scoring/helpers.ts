import { dec } from "@/lib/scoring/decimal";
import { compileRule, type Evaluation } from "@/lib/scoring/rules";
import type { Category, Indicator, Rule, SchemeDocument, UnitFacts, UnitResult } from "@/lib/scoring/schema";
import { scoreUnits } from "@/lib/scoring";

/** Scores one fact under one rule: the final score string and explanation, or undefined when invalid. */
export function evaluate(rule: Rule, max: number, fact: unknown, name = "测试指标"): Evaluation<string> | undefined {
  const compiled = compileRule<string>(rule, { max: dec(max), name, present: (score) => score });
  return compiled.evaluate(fact);
}

export function scoreOf(rule: Rule, max: number, fact: unknown): string | undefined {
  return evaluate(rule, max, fact)?.score;
}

/** A one-category scheme whose weight equals the sum of the indicators' maxima, unless given. */
export function schemeWith(
  indicators: Indicator[],
  options: Partial<Pick<SchemeDocument, "notApplicable" | "grades">> & { weight?: number } = {},
): SchemeDocument {
  const weight = options.weight ?? indicators.reduce((sum, indicator) => sum + indicator.max, 0);
  return {
    format: "integrity-scheme/v1",
    code: "test",
    version: 1,
    name: "测试方案",
    unitKinds: ["municipal_department"],
    notApplicable: options.notApplicable ?? "full_marks",
    grades: options.grades ?? [
      { min: 90, label: "优秀" },
      { min: 80, label: "良好" },
      { min: 60, label: "一般" },
      { min: 0, label: "较差" },
    ],
    categories: [{ code: "C", name: "测试", weight, indicators }],
  };
}

export function schemeOf(categories: Category[], notApplicable: SchemeDocument["notApplicable"] = "full_marks"): SchemeDocument {
  return { ...schemeWith([]), notApplicable, categories };
}

export function indicator(code: string, max: number, rule: Rule): Indicator {
  return { code, name: code, max, sources: [], rule };
}

export function unit(code: string, facts: Record<string, unknown>): UnitFacts {
  return { code, facts };
}

/** Scores and fails the test with the problems if the run is refused. */
export function mustScore(scheme: SchemeDocument, units: UnitFacts[]): UnitResult[] {
  const outcome = scoreUnits(scheme, units);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return outcome.results;
}

/** One hegang-2022 unit's facts, used by the document and CLI tests (its total is 89.25: 8+10+10+10+5+7+4.25+10+5+5+5+10). */
export const HEGANG_SAMPLE_FACTS: Record<string, unknown> = {
  "LAW.EXAM": { counts: { items: 2 } },
  "LAW.DISHONEST": { count: 0 },
  "OPEN.EXAM": { counts: {} },
  "OPEN.DOUBLE": { counts: {} },
  "OPEN.PLEDGE": "N/A",
  "DILIGENT.TARGET": { tier: "良好" },
  "DILIGENT.PETITION": { value: 0.85 },
  "KEEP.DEBT": { met: true },
  "KEEP.ARREARS": { counts: {} },
  "PERFORM.COMPLAINT": { counts: {} },
  "PERFORM.AWARD": { awards: ["provincial"] },
  "CLEAN.DISCIPLINE": { counts: {} },
};

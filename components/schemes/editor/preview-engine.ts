import {
  indicatorSchema,
  parseScheme,
  scoreUnits,
  type Indicator,
  type IndicatorResult,
  type Problem,
  type SchemeDocument,
  type UnitResult,
} from "@/lib/scoring";
import { currentFact, peerFact, type StoredFact } from "./sample-facts";

/*
 * The engine run in the browser: scores and explanations here are scoreUnits' own, never
 * recomputed. The live preview scores one indicator in a one-indicator scheme; the sample-units
 * panel scores the whole draft.
 */

export type IndicatorPreview =
  | { ok: true; result: IndicatorResult; peers: number }
  | { ok: false; problems: Problem[] };

const SAMPLE_CODE = "样例单位";

/** One indicator scored for a sample unit (and, for rank rules, peer units with the given values). */
export function previewIndicator(
  indicator: Indicator,
  notApplicable: SchemeDocument["notApplicable"],
  fact: unknown,
  peerValues: readonly number[] = [],
): IndicatorPreview {
  const parsed = indicatorSchema.safeParse(indicator);
  if (!parsed.success) return { ok: false, problems: [{ path: "", message: "指标或规则尚有错误，修正后显示试算结果" }] };
  const scheme: SchemeDocument = {
    format: "integrity-scheme/v1",
    code: "preview",
    version: 1,
    name: "试算",
    unitKinds: ["municipal_department"],
    notApplicable,
    grades: [{ min: 0, label: "—" }],
    categories: [{ code: "PREVIEW", name: "试算", weight: parsed.data.max, indicators: [parsed.data] }],
  };
  const code = parsed.data.code;
  const peers = peerValues.map((value, k) => ({ code: `同批单位${k + 1}`, facts: { [code]: peerFact(parsed.data, value) } }));
  const outcome = scoreUnits(scheme, [{ code: SAMPLE_CODE, facts: { [code]: fact } }, ...peers]);
  if (!outcome.ok) return { ok: false, problems: outcome.problems };
  const result = outcome.results[0]?.indicators[0];
  return result === undefined ? { ok: false, problems: [] } : { ok: true, result, peers: peers.length };
}

/** A sample unit of the panel: a name and the facts kept per indicator code. */
export type SampleUnit = { name: string; facts: Record<string, StoredFact> };

export type SampleOutcome =
  | { ok: true; results: UnitResult[] }
  | { ok: false; reason: "scheme" | "facts"; problems: Problem[] };

/** Unit codes of the panel (the engine wants unique, non-empty codes; names are the user's). */
export function sampleCode(index: number): string {
  return `样例${index + 1}`;
}

/** The facts a sample unit gives each indicator of the draft: what was typed, or the defaults. */
export function sampleFacts(doc: SchemeDocument, unit: SampleUnit): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const category of doc.categories) {
    for (const indicator of category.indicators) facts[indicator.code] = currentFact(unit.facts[indicator.code], indicator);
  }
  return facts;
}

/** The whole draft scored over the sample units, or the problems of the draft or of the facts. */
export function scoreSampleUnits(doc: SchemeDocument, units: readonly SampleUnit[]): SampleOutcome {
  const parsed = parseScheme(doc);
  if (!parsed.ok) return { ok: false, reason: "scheme", problems: parsed.errors };
  const outcome = scoreUnits(
    parsed.scheme,
    units.map((unit, k) => ({ code: sampleCode(k), name: unit.name, facts: sampleFacts(parsed.scheme, unit) })),
  );
  return outcome.ok ? outcome : { ok: false, reason: "facts", problems: outcome.problems };
}

// What a scoring run computes (spec/workflow.md "Scoring and initial reports"). Pure: the units'
// answers and the cycle's schemes in, every unit's engine result or every problem out. The server
// side (run.ts) loads the rows, calls this, and stores the outcome in one transaction.
import { deriveUnitFacts, type DerivationSlot, type UnitAnswers } from "@/lib/collection/derive";
import { scoreUnits, type SchemeDocument, type UnitKind, type UnitResult } from "@/lib/scoring";

export type RunScheme = { unitKind: UnitKind; schemeVersionId: string; document: SchemeDocument; slots: readonly DerivationSlot[] };
export type RunUnit = { id: string; name: string; kind: UnitKind; answers: UnitAnswers };

/** Why a run cannot store results: one line per unit and indicator, with where it is fixed. */
export type RunProblem = {
  unitId: string;
  unitName: string;
  indicatorCode: string | null;
  indicatorName: string | null;
  subKey: string;
  /** missing: a source has not answered; invalid: an answer the engine cannot score; setup: the cycle itself. */
  kind: "missing" | "invalid" | "setup";
  message: string;
  /** The sources that still owe the answer (missing) — the office urges or corrects them. */
  sourceOrgIds: string[];
};

export type ScoredUnit = {
  unitId: string;
  unitKind: UnitKind;
  schemeVersionId: string;
  result: UnitResult;
  facts: Record<string, unknown>;
};

export type PlanOutcome = { ok: true; results: ScoredUnit[] } | { ok: false; problems: RunProblem[] };

export type PlanOptions = {
  /** Units whose results are kept (null = all given). Others are only scored to rank against. */
  store: ReadonlySet<string> | null;
  sourceName: (sourceOrgId: string) => string;
};

const isRanked = (scheme: SchemeDocument) =>
  scheme.categories.some((c) => c.indicators.some((i) => i.rule?.kind === "rank" || (i.items ?? []).some((item) => item.rule.kind === "rank")));

/** Does scoring some units of this scheme need every unit of it (a rank rule compares them all)? */
export function needsAllUnits(scheme: SchemeDocument): boolean {
  return isRanked(scheme);
}

function indicatorNames(scheme: SchemeDocument): Map<string, string> {
  return new Map(scheme.categories.flatMap((c) => c.indicators.map((i) => [i.code, i.name] as const)));
}

/**
 * Scores the units under their kind's scheme. Every unit's facts are derived from the sources'
 * answers; any missing or invalid answer of any unit is listed and nothing is returned but the
 * problems — all of them, not the first.
 */
export function planScoring(schemes: readonly RunScheme[], units: readonly RunUnit[], options: PlanOptions): PlanOutcome {
  const problems: RunProblem[] = [];
  const results: ScoredUnit[] = [];
  const byKind = new Map<UnitKind, RunUnit[]>();
  for (const unit of units) {
    const group = byKind.get(unit.kind);
    if (group) group.push(unit);
    else byKind.set(unit.kind, [unit]);
  }
  for (const [kind, group] of byKind) {
    const scheme = schemes.find((s) => s.unitKind === kind);
    if (!scheme) {
      for (const unit of group) problems.push(setupProblem(unit, "该单位类别没有选择指标体系"));
      continue;
    }
    const names = indicatorNames(scheme.document);
    const derived = group.map((unit) => ({ unit, derivation: deriveUnitFacts(scheme.slots, unit.answers) }));
    for (const { unit, derivation } of derived) {
      for (const pending of derivation.pending) {
        const owed = pending.missingSourceOrgIds.map(options.sourceName).join("、");
        problems.push({
          unitId: unit.id, unitName: unit.name, indicatorCode: pending.indicatorCode, indicatorName: names.get(pending.indicatorCode) ?? null,
          subKey: pending.subKey, kind: "missing", message: `缺少数据：${owed || "数据来源"}尚未报送`, sourceOrgIds: pending.missingSourceOrgIds,
        });
      }
      for (const problem of derivation.problems) {
        problems.push({
          unitId: unit.id, unitName: unit.name, indicatorCode: problem.indicatorCode, indicatorName: names.get(problem.indicatorCode) ?? null,
          subKey: problem.subKey, kind: "invalid", message: problem.message, sourceOrgIds: [],
        });
      }
    }
    const complete = derived.filter((d) => d.derivation.complete);
    if (complete.length === 0) continue;
    const outcome = scoreUnits(scheme.document, complete.map((d) => ({ code: d.unit.id, facts: d.derivation.facts })));
    if (!outcome.ok) {
      const byId = new Map(group.map((u) => [u.id, u]));
      for (const p of outcome.problems) {
        const unit = p.unit === undefined ? undefined : byId.get(p.unit);
        problems.push({
          unitId: unit?.id ?? "", unitName: unit?.name ?? "", indicatorCode: p.indicator ?? null, indicatorName: p.indicator ? names.get(p.indicator) ?? null : null,
          subKey: p.item ?? "", kind: "invalid", message: p.message, sourceOrgIds: [],
        });
      }
      continue;
    }
    outcome.results.forEach((result, i) => {
      const unit = complete[i]!.unit;
      if (options.store && !options.store.has(unit.id)) return;
      results.push({ unitId: unit.id, unitKind: kind, schemeVersionId: scheme.schemeVersionId, result: { ...result, name: unit.name }, facts: complete[i]!.derivation.facts });
    });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, results };
}

function setupProblem(unit: RunUnit, message: string): RunProblem {
  return { unitId: unit.id, unitName: unit.name, indicatorCode: null, indicatorName: null, subKey: "", kind: "setup", message, sourceOrgIds: [] };
}

/** By unit name (Chinese collation), then indicator code. */
function sortProblems(problems: RunProblem[]): RunProblem[] {
  const collator = new Intl.Collator("zh-Hans-CN");
  return problems.sort((a, b) => collator.compare(a.unitName, b.unitName) || a.unitId.localeCompare(b.unitId) || (a.indicatorCode ?? "").localeCompare(b.indicatorCode ?? "", "en", { numeric: true }) || a.subKey.localeCompare(b.subKey));
}

export const RUN_PROBLEM_KIND_LABELS: Readonly<Record<RunProblem["kind"], string>> = {
  missing: "缺少数据",
  invalid: "数据无效",
  setup: "设置问题",
};

import "server-only";
import { db } from "@/lib/db/client";
import { D, round2, scoreUnits, type Category, type Indicator, type IndicatorResult, type SchemeDocument } from "@/lib/scoring";
import { loadCycleSlots, unitProgress, type CycleSlots, type UnitProgressQuery, type UnitProgressRow } from "./completeness";
import { deriveSlot, deriveUnitFacts, groupByUnit, type DerivationSlot, type UnitAnswers, type UnitFactsDerivation } from "./derive";

/*
 * Live monitoring while a cycle collects (spec/workflow.md "Data collection", 监测): a provisional
 * score per unit from the facts reported so far. Facts come from derive.ts (records counted, sources
 * combined); the indicators whose facts are complete are scored by the engine itself (scoreUnits on
 * a view of the scheme holding only those indicators); the others are pending, never guessed. Rank
 * indicators compare all units, so they wait for the close of collection. The page of units is
 * chosen and sorted in the database; only its units' facts are read and scored.
 */

type Base = { code: string; name: string; max: number };
export type IndicatorState =
  | (Base & { status: "scored"; score: string | null; explanation: string })
  | (Base & { status: "pending"; missing: string[] })
  | (Base & { status: "problem"; message: string })
  | (Base & { status: "deferred" });

export type ProvisionalUnit = UnitProgressRow & {
  /** The reported indicators' score weighted as the total is, and the most they could give. */
  provisional: string | null;
  reportedMax: string;
  /** The engine's total and grade over the whole scheme, once every indicator is reported. */
  final: { total: string; grade: string | null } | null;
  indicators: IndicatorState[];
  pending: number;
};

const isRanked = (i: Indicator) => i.rule?.kind === "rank" || (i.items ?? []).some((item) => item.rule.kind === "rank");

/** The scheme restricted to some indicators; a category's weight is its kept maxima, so its score is their plain sum. */
function viewOf(scheme: SchemeDocument, keep: ReadonlySet<string>): SchemeDocument {
  const categories: Category[] = [];
  for (const c of scheme.categories) {
    const indicators = c.indicators.filter((i) => keep.has(i.code));
    const weight = indicators.reduce((sum, i) => sum.plus(i.max), new D(0)).toNumber();
    if (indicators.length > 0) categories.push({ ...c, indicators, weight });
  }
  return { ...scheme, categories };
}

/** Engine results of the units' complete indicators, one scoreUnits run per set of complete indicators. */
function scoreReported(scheme: SchemeDocument, units: { id: string; facts: Record<string, unknown> }[]): Map<string, Map<string, IndicatorResult>> {
  const groups = new Map<string, typeof units>();
  for (const unit of units) {
    const key = Object.keys(unit.facts).sort().join("|");
    if (key) groups.set(key, [...(groups.get(key) ?? []), unit]); // a page of units: small
  }
  const out = new Map<string, Map<string, IndicatorResult>>();
  for (const [key, group] of groups) {
    const outcome = scoreUnits(viewOf(scheme, new Set(key.split("|"))), group.map((u) => ({ code: u.id, facts: u.facts })));
    if (outcome.ok) for (const r of outcome.results) out.set(r.code, new Map(r.indicators.map((i) => [i.code, i])));
  }
  return out;
}

/** Σ over categories of (reported scores × weight / category max), rounded per category like the total. */
function weighted(scheme: SchemeDocument, results: Map<string, IndicatorResult> | undefined): { provisional: string | null; reportedMax: string } {
  let score = new D(0);
  let max = new D(0);
  for (const c of scheme.categories) {
    const full = c.indicators.reduce((sum, i) => sum.plus(i.max), new D(0));
    const reported = c.indicators.map((i) => results?.get(i.code)).filter((r): r is IndicatorResult => r !== undefined && r.score !== null);
    const factor = new D(c.weight).div(full);
    score = score.plus(round2(reported.reduce((sum, r) => sum.plus(r.score!), new D(0)).times(factor)));
    max = max.plus(round2(reported.reduce((sum, r) => sum.plus(r.max), new D(0)).times(factor)));
  }
  return { provisional: results && results.size > 0 ? score.toFixed(2) : null, reportedMax: max.toFixed(2) };
}

function indicatorStates(scheme: SchemeDocument, derived: UnitFactsDerivation, results: Map<string, IndicatorResult> | undefined, sourceName: (id: string) => string): IndicatorState[] {
  return scheme.categories.flatMap((c) =>
    c.indicators.map((i): IndicatorState => {
      const base = { code: i.code, name: i.name, max: i.max };
      const result = results?.get(i.code);
      if (result) return { ...base, status: "scored", score: result.score, explanation: result.explanation };
      const problem = derived.problems.find((p) => p.indicatorCode === i.code);
      if (problem) return { ...base, status: "problem", message: problem.message };
      const pending = derived.pending.filter((p) => p.indicatorCode === i.code);
      if (pending.length > 0) return { ...base, status: "pending", missing: [...new Set(pending.flatMap((p) => p.missingSourceOrgIds))].map(sourceName) };
      return { ...base, status: isRanked(i) ? "deferred" : "pending", missing: [] } as IndicatorState;
    }),
  );
}

export type Provisional = Pick<ProvisionalUnit, "provisional" | "reportedMax" | "final" | "indicators" | "pending">;

/**
 * Provisional scores of units under one scheme from what was reported about them (pure): derive
 * the facts, score the complete indicators with the engine, leave the rest pending.
 */
export function provisionalScores(scheme: SchemeDocument, bound: readonly DerivationSlot[], units: readonly { id: string; answers: UnitAnswers }[], sourceName: (id: string) => string): Map<string, Provisional> {
  const ranked = new Set(scheme.categories.flatMap((c) => c.indicators.filter(isRanked).map((i) => i.code)));
  const derived = new Map(units.map((u) => [u.id, deriveUnitFacts(bound, u.answers)]));
  const reported = units.map((u) => ({ id: u.id, facts: Object.fromEntries(Object.entries(derived.get(u.id)!.facts).filter(([code]) => !ranked.has(code))) }));
  const results = scoreReported(scheme, reported);
  const complete = units.filter((u) => derived.get(u.id)!.complete && ranked.size === 0);
  const finals = complete.length > 0 ? scoreUnits(scheme, complete.map((u) => ({ code: u.id, facts: derived.get(u.id)!.facts }))) : null;
  const out = new Map<string, Provisional>();
  for (const u of units) {
    const indicators = indicatorStates(scheme, derived.get(u.id)!, results.get(u.id), sourceName);
    const final = finals?.ok ? finals.results.find((r) => r.code === u.id) : undefined;
    out.set(u.id, {
      ...weighted(scheme, results.get(u.id)),
      final: final ? { total: final.total, grade: final.grade } : null,
      indicators,
      pending: indicators.filter((i) => i.status === "pending").length,
    });
  }
  return out;
}

/** One page of units with their provisional scores (sorted by name, progress or pending cells in SQL). */
export async function monitorPage(cycleId: string, query: UnitProgressQuery): Promise<{ rows: ProvisionalUnit[]; total: number; slots: CycleSlots }> {
  const slots = await loadCycleSlots(db(), cycleId);
  const { rows, total } = await unitProgress(cycleId, slots, query, query.page);
  if (rows.length === 0) return { rows: [], total, slots };
  const ids = rows.map((r) => r.id);
  const [entries, records] = await Promise.all([
    db().factEntry.findMany({ where: { cycleId, unitId: { in: ids } }, select: { unitId: true, indicatorCode: true, subKey: true, sourceOrgId: true, answer: true, value: true } }),
    db().factRecord.findMany({ where: { cycleId, unitId: { in: ids }, withdrawnAt: null }, select: { unitId: true, indicatorCode: true, subKey: true, sourceOrgId: true, itemKey: true } }),
  ]);
  const answers = groupByUnit(entries, records);
  const computed = new Map<string, Provisional>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const scheme = slots.schemes.find((s) => s.unitKind === kind)?.document;
    const units = rows.filter((r) => r.kind === kind).map((r) => ({ id: r.id, answers: answers.get(r.id) ?? { entries: [], records: [] } }));
    if (!scheme) continue;
    const bound = slots.slots.filter((s) => s.unitKind === kind).map((s) => s.bound);
    for (const [id, p] of provisionalScores(scheme, bound, units, (source) => slots.sourceNames[source] ?? source)) computed.set(id, p);
  }
  const none: Provisional = { provisional: null, reportedMax: "0.00", final: null, indicators: [], pending: 0 };
  return { rows: rows.map((row) => ({ ...row, ...(computed.get(row.id) ?? none) })), total, slots };
}

// ---- Records of several sources combined, and recent negative records --------------------------

/** Slots reported by more than one source (records, or a yes/no that fails if any source says no). */
export function combinedSlots(slots: CycleSlots) {
  return slots.slots.filter((s) => s.bound.sources.length > 1 && (s.mode === "records" || s.rule.kind === "binary"));
}

function factText(rule: DerivationSlot["rule"], fact: unknown, items: { key: string; label: string }[]): string {
  const f = fact as { counts?: Record<string, number>; count?: number; awards?: string[]; met?: boolean };
  if (rule.kind === "deduction") {
    const parts = items.map((i) => `${i.label}${f.counts?.[i.key] ?? 0}项`);
    return parts.join("，");
  }
  if (rule.kind === "award") return f.awards && f.awards.length > 0 ? f.awards.map((a) => items.find((i) => i.key === a)?.label ?? a).join("、") : "无奖励";
  if (rule.kind === "binary") return f.met ? "是" : "否";
  return `${f.count ?? 0}次`;
}

export type CombinedRow = {
  unitId: string;
  unitName: string;
  bySource: { name: string; answer: string }[];
  records: { source: string; occurredOn: string; description: string; referenceNo: string | null }[];
  combined: string;
  status: "fact" | "not_applicable" | "pending" | "problem";
};

/** One page of a multi-source slot's units: each source's answer and the combined fact (derive.ts). */
export async function combinedPage(cycleId: string, slot: CycleSlots["slots"][number], query: { q?: string; page: number }, pageSize = 20): Promise<{ rows: CombinedRow[]; total: number }> {
  const where = { cycleId, unitKind: slot.unitKind, ...(query.q ? { organisation: { name: { contains: query.q, mode: "insensitive" as const } } } : {}) };
  const [units, total] = await Promise.all([
    db().cycleUnit.findMany({ where, select: { organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { name: "asc" } }, skip: (query.page - 1) * pageSize, take: pageSize }),
    db().cycleUnit.count({ where }),
  ]);
  const ids = units.map((u) => u.organisation.id);
  const cell = { cycleId, unitId: { in: ids }, indicatorCode: slot.indicatorCode, subKey: slot.subKey };
  const [entries, records, orgs] = await Promise.all([
    db().factEntry.findMany({ where: cell, select: { unitId: true, indicatorCode: true, subKey: true, sourceOrgId: true, answer: true, value: true } }),
    db().factRecord.findMany({ where: { ...cell, withdrawnAt: null }, select: { unitId: true, indicatorCode: true, subKey: true, sourceOrgId: true, itemKey: true, occurredOn: true, description: true, referenceNo: true }, orderBy: { occurredOn: "asc" } }),
    db().organisation.findMany({ where: { id: { in: slot.bound.sources.map((s) => s.sourceOrgId) } }, select: { id: true, name: true, shortName: true } }),
  ]);
  const name = (id: string) => orgs.find((o) => o.id === id)?.shortName ?? orgs.find((o) => o.id === id)?.name ?? id;
  const rows = units.map(({ organisation: unit }): CombinedRow => {
    const mine = { entries: entries.filter((e) => e.unitId === unit.id), records: records.filter((r) => r.unitId === unit.id) };
    const bySource = slot.bound.sources.map((s) => {
      const n = mine.records.filter((r) => r.sourceOrgId === s.sourceOrgId).length;
      const entry = mine.entries.find((e) => e.sourceOrgId === s.sourceOrgId);
      const answer = n > 0 ? `${n}条记录` : entry?.answer === "none" ? "无" : entry?.answer === "not_applicable" ? "不涉及" : entry?.answer === "value" ? factText(slot.rule, entry.value, slot.recordItems) : "未报";
      return { name: name(s.sourceOrgId), answer };
    });
    const outcome = deriveSlot(slot.bound, mine.entries, mine.records);
    const combined =
      outcome.status === "fact" ? factText(slot.rule, outcome.fact, slot.recordItems)
      : outcome.status === "not_applicable" ? "不涉及"
      : outcome.status === "pending" ? `待报送（${outcome.missing.map(name).join("、")}）`
      : outcome.message;
    const list = mine.records.map((r) => ({ source: name(r.sourceOrgId), occurredOn: r.occurredOn, description: r.description, referenceNo: r.referenceNo }));
    return { unitId: unit.id, unitName: unit.name, bySource, records: list, combined, status: outcome.status };
  });
  return { rows, total };
}

export type NegativeRecord = { id: string; unitName: string; sourceName: string; slotName: string; occurredOn: string; description: string; referenceNo: string | null; createdAt: Date };

/** The latest records of deduction and veto rules (those that raised a warning), newest first. */
export async function recentNegativeRecords(cycleId: string, slots: CycleSlots, take = 15): Promise<NegativeRecord[]> {
  const negative = slots.slots.filter((s) => s.rule.kind === "deduction" || s.rule.kind === "veto");
  if (negative.length === 0) return [];
  const rows = await db().factRecord.findMany({
    where: { cycleId, withdrawnAt: null, OR: negative.map((s) => ({ indicatorCode: s.indicatorCode, subKey: s.subKey })) },
    select: { id: true, indicatorCode: true, subKey: true, sourceOrgId: true, occurredOn: true, description: true, referenceNo: true, createdAt: true, unit: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  const orgs = await db().organisation.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.sourceOrgId))] } }, select: { id: true, name: true, shortName: true } });
  return rows.map((r) => ({
    id: r.id,
    unitName: r.unit.name,
    sourceName: orgs.find((o) => o.id === r.sourceOrgId)?.shortName ?? "",
    slotName: negative.find((s) => s.indicatorCode === r.indicatorCode && s.subKey === r.subKey)?.name ?? r.indicatorCode,
    occurredOn: r.occurredOn,
    description: r.description,
    referenceNo: r.referenceNo,
    createdAt: r.createdAt,
  }));
}

// A scored hegang-2022 unit as a report input, as the benchmarks' documents need it: its facts turned
// into the sources' answers and records (with reference numbers and evidence), all in memory.
import { reportingSlots } from "../../lib/collection/slots";
import type { ReportInput } from "../../lib/reports/model";
import type { Rule, SchemeDocument, UnitFacts, UnitResult } from "../../lib/scoring";

/** How many events a unit's facts hold (records the sources would have reported). */
export function events(facts: Record<string, unknown>): number {
  return Object.values(facts).reduce<number>((sum, f) => {
    if (typeof f !== "object" || f === null) return sum;
    const v = f as { counts?: Record<string, number>; awards?: string[]; count?: number };
    return sum + Object.values(v.counts ?? {}).reduce((a, b) => a + b, 0) + (v.awards?.length ?? 0) + (v.count ?? 0);
  }, 0);
}

/** Record item keys for a records rule's fact: one per deduction counted, per award, per listing. */
function itemKeys(rule: Rule, fact: unknown): string[] {
  const v = (fact ?? {}) as { counts?: Record<string, number>; awards?: string[]; count?: number };
  if (rule.kind === "deduction") return Object.entries(v.counts ?? {}).flatMap(([key, n]) => Array.from({ length: n }, () => key));
  if (rule.kind === "award") return v.awards ?? [];
  return Array.from({ length: v.count ?? 0 }, () => "");
}

export type BenchUnitIdentity = { id: string; name: string; uscc: string };

/** One unit's report input: its answers and records derived from its facts, a bad record, the office's note. */
export function benchReportInput(
  scheme: SchemeDocument, unit: UnitFacts, result: UnitResult, rank: { position: number; of: number }, identity: BenchUnitIdentity,
): ReportInput {
  const slots = reportingSlots(scheme).map((s) => ({ ...s, sourceRefs: s.sources.map((name) => ({ id: `src-${name}`, name })) }));
  const entries: ReportInput["entries"][number][] = [];
  const records: ReportInput["records"][number][] = [];
  for (const s of slots) {
    const fact = unit.facts[s.indicatorCode];
    const cell = { indicatorCode: s.indicatorCode, subKey: s.subKey };
    if (fact === "N/A") {
      for (const src of s.sourceRefs) entries.push({ ...cell, sourceOrgId: src.id, answer: "not_applicable", value: { reason: "本年度不涉及该项工作" } });
    } else if (s.mode === "value") {
      entries.push({ ...cell, sourceOrgId: s.sourceRefs[0]!.id, answer: "value", value: fact });
    } else {
      const keys = itemKeys(s.rule, fact);
      keys.forEach((itemKey, n) => {
        const source = s.sourceRefs[n % s.sourceRefs.length]!;
        const month = String(1 + ((n * 5 + s.indicatorCode.length) % 12)).padStart(2, "0");
        records.push({
          ...cell, sourceOrgId: source.id, itemKey, occurredOn: `2026-${month}-${String(1 + ((n * 7) % 28)).padStart(2, "0")}`,
          description: `${s.recordItems.find((i) => i.key === itemKey)?.label ?? s.name}（${s.name}，第${n + 1}项）`,
          referenceNo: `鹤政办〔2026〕${records.length + 1}号`, evidence: [`${s.name}佐证材料${n + 1}.pdf`],
        });
      });
      for (const src of s.sourceRefs.slice(keys.length)) entries.push({ ...cell, sourceOrgId: src.id, answer: "none", value: null });
    }
  }
  return {
    cycle: { id: "cycle", name: "2026年度政务诚信评价", year: 2026 },
    unit: { ...identity, kindLabel: "市直部门" },
    issuer: "鹤岗市社会信用体系建设工作领导小组办公室",
    version: "initial",
    date: "2026-11-21",
    scheme,
    result: { id: `result-${identity.id}`, total: result.total, grade: result.grade, categories: result.categories, indicators: result.indicators },
    rank,
    slots: slots.map((s) => ({ indicatorCode: s.indicatorCode, subKey: s.subKey, rule: s.rule, sources: s.sourceRefs })),
    entries,
    records,
    badRecords: [{ kind: "late_unit", reason: "经督促仍未报送自查自评材料", date: "2026-10-09" }],
    evaluatedOnOfficeInformation: true,
    texts: null,
  };
}

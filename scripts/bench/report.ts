// `npm run bench report`: one unit's Word report under 200 ms (spec/quality.md "documents"). The
// unit is a scored hegang-2022 unit with many events, its facts turned into the sources' answers and
// ~20 records with evidence, all in memory (no database). Timed: the report model and the .docx
// bytes, per report. The section runs in a child process because Packer is asynchronous.
import type { ReportInput } from "../../lib/reports/model";
import type { Rule, UnitFacts } from "../../lib/scoring";
import { asChild, runChild } from "./child";
import type { BenchSection } from "./types";

const REPORTS = 30;
const WARM_UPS = 3;
const BAR_MS = 200;
const CANDIDATES = 500;
const CHILD = "INTEGRITY_REPORT_BENCH_CHILD";

export const reportBench: BenchSection = {
  name: "report",
  run(log) {
    const { summary, status } = runChild<{ medianMs: number; p95Ms: number }>(__filename, CHILD, log);
    if (!summary) return { passed: false, summary: `子进程失败（退出码 ${status}）` };
    const { medianMs, p95Ms } = summary;
    return { passed: p95Ms < BAR_MS, summary: `Word报告每份 中位数 ${medianMs.toFixed(1)} ms，p95 ${p95Ms.toFixed(1)} ms（要求 < ${BAR_MS} ms）` };
  },
};

/** How many events a unit's facts hold (records the sources would have reported). */
function events(facts: Record<string, unknown>): number {
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

async function child(): Promise<void> {
  const { hegang2022 } = await import("../../lib/scoring/templates/hegang-2022");
  const { scoreUnits } = await import("../../lib/scoring");
  const { reportingSlots } = await import("../../lib/collection/slots");
  const { buildReport } = await import("../../lib/reports/model");
  const { reportToDocx } = await import("../../lib/reports/docx");
  const { hegangUnits } = await import("./hegang-data");

  const units: UnitFacts[] = hegangUnits(CANDIDATES, 2026);
  const outcome = scoreUnits(hegang2022, units);
  if (!outcome.ok) throw new Error("bench data invalid");
  const at = units.reduce((best, u, i) => (events(u.facts) > events(units[best]!.facts) ? i : best), 0);
  const unit = units[at]!;
  const result = outcome.results[at]!;

  const slots = reportingSlots(hegang2022).map((s) => ({ ...s, sourceRefs: s.sources.map((name) => ({ id: `src-${name}`, name })) }));
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
  const input: ReportInput = {
    cycle: { id: "cycle", name: "2026年度政务诚信评价", year: 2026 },
    unit: { id: unit.code, name: "鹤岗市营商环境建设监督局", uscc: "11230400MB1234567X", kindLabel: "市直部门" },
    issuer: "鹤岗市社会信用体系建设工作领导小组办公室",
    version: "initial",
    date: "2026-11-21",
    scheme: hegang2022,
    result: { id: "result", total: result.total, grade: result.grade, categories: result.categories, indicators: result.indicators },
    rank: { position: result.rank, of: units.length },
    slots: slots.map((s) => ({ indicatorCode: s.indicatorCode, subKey: s.subKey, rule: s.rule, sources: s.sourceRefs })),
    entries,
    records,
    badRecords: [{ kind: "late_unit", reason: "经督促仍未报送自查自评材料", date: "2026-10-09" }],
    evaluatedOnOfficeInformation: true,
    texts: null,
  };

  let bytes = 0;
  const once = async () => {
    bytes = (await reportToDocx(buildReport(input))).length;
  };
  for (let i = 0; i < WARM_UPS; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REPORTS; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? 0;
  const p95Ms = times[Math.ceil(times.length * 0.95) - 1] ?? 0;
  const report = buildReport(input);
  console.log(`hegang-2022，${CANDIDATES}个单位中事项最多的一个：总分${result.total}，${records.length}条记录，${report.problems.length}个问题，${Math.round(bytes / 1024)} KB`);
  console.log(`${REPORTS}份（预热${WARM_UPS}份）：中位数 ${medianMs.toFixed(1)} ms，p95 ${p95Ms.toFixed(1)} ms，最慢 ${times.at(-1)!.toFixed(1)} ms（要求 < ${BAR_MS} ms）`);
  console.log(JSON.stringify({ medianMs, p95Ms }));
}

asChild(CHILD, child);

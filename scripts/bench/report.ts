// `npm run bench report`: one unit's Word report under 200 ms (spec/quality.md "documents"). The
// unit is a scored hegang-2022 unit with many events, its facts turned into the sources' answers and
// ~20 records with evidence, all in memory (no database). Timed: the report model and the .docx
// bytes, per report. The section runs in a child process because Packer is asynchronous.
import type { UnitFacts } from "../../lib/scoring";
import { asChild, runChild } from "./child";
import { benchReportInput, events } from "./report-input";
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
    return {
      passed: p95Ms < BAR_MS, summary: `Word报告每份 中位数 ${medianMs.toFixed(1)} ms，p95 ${p95Ms.toFixed(1)} ms（要求 < ${BAR_MS} ms）`,
      figures: [{ what: "一份Word报告（p95）", value: p95Ms, bar: BAR_MS, unit: "ms" }],
    };
  },
};

async function child(): Promise<void> {
  const { hegang2022 } = await import("../../lib/scoring/templates/hegang-2022");
  const { scoreUnits } = await import("../../lib/scoring");
  const { buildReport } = await import("../../lib/reports/model");
  const { reportToDocx } = await import("../../lib/reports/docx");
  const { hegangUnits } = await import("./hegang-data");

  const units: UnitFacts[] = hegangUnits(CANDIDATES, 2026);
  const outcome = scoreUnits(hegang2022, units);
  if (!outcome.ok) throw new Error("bench data invalid");
  const at = units.reduce((best, u, i) => (events(u.facts) > events(units[best]!.facts) ? i : best), 0);
  const unit = units[at]!;
  const result = outcome.results[at]!;

  const input = benchReportInput(hegang2022, unit, result, { position: result.rank, of: units.length }, {
    id: unit.code, name: "鹤岗市营商环境建设监督局", uscc: "11230400MB1234567X",
  });

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
  console.log(`hegang-2022，${CANDIDATES}个单位中事项最多的一个：总分${result.total}，${input.records.length}条记录，${report.problems.length}个问题，${Math.round(bytes / 1024)} KB`);
  console.log(`${REPORTS}份（预热${WARM_UPS}份）：中位数 ${medianMs.toFixed(1)} ms，p95 ${p95Ms.toFixed(1)} ms，最慢 ${times.at(-1)!.toFixed(1)} ms（要求 < ${BAR_MS} ms）`);
  console.log(JSON.stringify({ medianMs, p95Ms }));
}

asChild(CHILD, child);

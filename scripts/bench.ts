import { browserBench } from "./bench/browser";
import { engineBench } from "./bench/engine";
import { importBench } from "./bench/import";
import { reportBench } from "./bench/report";
import { scoringRunBench } from "./bench/scoring-run";
import { figurePasses, type BenchFigure, type BenchSection } from "./bench/types";
import { volumeBench } from "./bench/volume";

/**
 * `npm run bench [section…] [-- --option value]`: runs every section (or the named ones), checks each
 * against its bar, and ends with one table of every figure against its bar (docs/performance.md).
 */
const sections: BenchSection[] = [engineBench, importBench, scoringRunBench, reportBench, volumeBench, browserBench];

// Section names; an option (--units 50000) and its value are read by the section itself.
const args = process.argv.slice(2);
const wanted = args.filter((a, i) => !a.startsWith("-") && !args[i - 1]?.startsWith("--"));
const unknown = wanted.filter((w) => !sections.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`未知的部分：${unknown.join("、")}（可选：${sections.map((s) => s.name).join("、")}）`);
  process.exit(2);
}
let failed = 0;
const rows: { section: string; figure: BenchFigure | null; passed: boolean }[] = [];
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.log(`== ${section.name}`);
  const outcome = section.run((line) => console.log(`   ${line}`));
  console.log(`   ${outcome.passed ? "通过" : "未达标"}：${outcome.summary}`);
  if (!outcome.passed) failed++;
  if (!outcome.figures?.length) rows.push({ section: section.name, figure: null, passed: false });
  for (const figure of outcome.figures ?? []) rows.push({ section: section.name, figure, passed: figurePasses(figure) });
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));
console.log("\n== 汇总（spec/quality.md 的指标）");
const whatWidth = Math.max(...rows.map((r) => width(r.figure?.what ?? "")), 10);
console.log(`   ${pad("部分", 8)} ${pad("指标", whatWidth)} ${pad("实测", 12)} ${pad("要求", 12)} ${pad("比值", 7)} 结果`);
for (const { section, figure, passed } of rows) {
  if (!figure) {
    console.log(`   ${pad(section, 8)} ${pad("（未能运行）", whatWidth)} ${pad("—", 12)} ${pad("—", 12)} ${pad("—", 7)} 未达标`);
    continue;
  }
  const bar = `${figure.inclusive ? "≤" : "<"} ${fmt(figure.bar)} ${figure.unit}`;
  console.log(`   ${pad(section, 8)} ${pad(figure.what, whatWidth)} ${pad(`${fmt(figure.value)} ${figure.unit}`, 12)} ${pad(bar, 12)} ${pad((figure.value / figure.bar).toFixed(3), 7)} ${passed ? "通过" : "未达标"}`);
}
console.log(`   ${rows.filter((r) => r.passed).length}/${rows.length} 项通过`);
process.exitCode = failed === 0 ? 0 : 1;

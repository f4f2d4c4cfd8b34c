import { engineBench } from "./bench/engine";
import { importBench } from "./bench/import";
import { reportBench } from "./bench/report";
import { scoringRunBench } from "./bench/scoring-run";
import type { BenchSection } from "./bench/types";
import { volumeBench } from "./bench/volume";

/** `npm run bench [section…] [-- --option value]`: runs every section (or the named ones) and checks its bar. */
const sections: BenchSection[] = [engineBench, importBench, scoringRunBench, reportBench, volumeBench];

// Section names; an option (--units 50000) and its value are read by the section itself.
const args = process.argv.slice(2);
const wanted = args.filter((a, i) => !a.startsWith("-") && !args[i - 1]?.startsWith("--"));
let failed = 0;
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.log(`== ${section.name}`);
  const outcome = section.run((line) => console.log(`   ${line}`));
  console.log(`   ${outcome.passed ? "通过" : "未达标"}：${outcome.summary}`);
  if (!outcome.passed) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;

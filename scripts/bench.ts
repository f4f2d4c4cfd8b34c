import { engineBench } from "./bench/engine";
import { importBench } from "./bench/import";
import { reportBench } from "./bench/report";
import { scoringRunBench } from "./bench/scoring-run";
import type { BenchSection } from "./bench/types";

/** `npm run bench [section…]`: runs every section (or the named ones) and checks its bar. */
const sections: BenchSection[] = [engineBench, importBench, scoringRunBench, reportBench];

const wanted = process.argv.slice(2);
let failed = 0;
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  console.log(`== ${section.name}`);
  const outcome = section.run((line) => console.log(`   ${line}`));
  console.log(`   ${outcome.passed ? "通过" : "未达标"}：${outcome.summary}`);
  if (!outcome.passed) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;

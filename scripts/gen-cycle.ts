// `npm run gen:cycle -- --units 10000 [--year 2026] [--seed N] [--no-score] [--no-issue]`: creates, in
// the database of DATABASE_URL, a realistic cycle of N units (organisations, enrolment, hegang-2022,
// the default sources, ~20 records per unit), scores it and issues the initial reports, printing each
// step's time. For benchmarks and the load test (docs/performance.md).
import { allowServerOnly } from "./bench/child";
import { generateCycle } from "./lib/generate-cycle";
import { migrate } from "./lib/runtime";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("请设置 DATABASE_URL（要写入的数据库）");
  const units = Number(option("units") ?? 10_000);
  const year = Number(option("year") ?? 2026);
  if (!Number.isInteger(units) || units < 1 || units > 200_000) throw new Error(`--units 需要 1 到 200000 之间的整数：${option("units")}`);
  if (!Number.isInteger(year) || year < 2004 || year > 2100) throw new Error(`--year 不正确：${option("year")}`);
  const started = performance.now();
  await migrate(url);
  allowServerOnly();
  const { createPrismaClient } = await import("../lib/db/prisma");
  const prisma = createPrismaClient(url, 4);
  try {
    const generated = await generateCycle(prisma, {
      units, year,
      seed: option("seed") ? Number(option("seed")) : undefined,
      score: !process.argv.includes("--no-score"),
      issue: !process.argv.includes("--no-score") && !process.argv.includes("--no-issue"),
      log: (line) => console.log(`[gen:cycle] ${line}`),
    });
    console.log(`[gen:cycle] 完成：周期 ${generated.cycleId}，${generated.units}个单位，共 ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify({ cycleId: generated.cycleId, units: generated.units, entries: generated.entries, records: generated.records }));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

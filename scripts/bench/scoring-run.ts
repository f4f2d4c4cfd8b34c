// `npm run bench run`: a cycle's scoring run end to end for 10,000 units (load the facts from
// PostgreSQL, derive, score, store every result in one transaction) against bulk-loading the same
// result rows with PostgreSQL COPY in the same run; bar: within 3×, peak memory under 1 GiB
// (spec/quality.md). Runs in a child process with its own embedded PostgreSQL.
import path from "node:path";
import { asChild, runChild, withBenchDatabase } from "./child";
import type { BenchSection } from "./types";

const UNITS = Number(process.env.BENCH_RUN_UNITS ?? 10_000);
const RATIO_BAR = 3;
const MEMORY_BAR_MB = 1024;
const CHILD = "INTEGRITY_RUN_BENCH_CHILD";

export const scoringRunBench: BenchSection = {
  name: "run",
  run(log) {
    const { summary, status } = runChild<{ runMs: number; copyMs: number; peakMb: number; units: number }>(__filename, CHILD, log, 900_000);
    if (!summary) return { passed: false, summary: `子进程失败（退出码 ${status}）` };
    const { runMs, copyMs, peakMb, units } = summary;
    const ratio = runMs / copyMs;
    const passed = ratio <= RATIO_BAR && peakMb < MEMORY_BAR_MB;
    return {
      passed,
      figures: [
        { what: `评分运行${units}个单位 / COPY`, value: ratio, bar: RATIO_BAR, unit: "×", inclusive: true },
        { what: "评分运行 进程内存峰值", value: peakMb, bar: MEMORY_BAR_MB, unit: "MB" },
      ],
      summary: `${units}个单位：评分运行 ${(runMs / 1000).toFixed(2)} s，COPY 同样的结果行 ${(copyMs / 1000).toFixed(2)} s，比值 ${ratio.toFixed(2)}×（要求 ≤ ${RATIO_BAR}×）；进程内存峰值 ${peakMb.toFixed(0)} MB（要求 < ${MEMORY_BAR_MB} MB）`,
    };
  },
};

/** A hegang-2022 cycle of UNITS departments, every scheme default source assigned, every cell answered. */
async function prepare(url: string): Promise<{ cycleId: string; entries: number; records: number }> {
  const { createPrismaClient } = await import("../../lib/db/prisma");
  const { generateCycle } = await import("../lib/generate-cycle");
  const prisma = createPrismaClient(url, 2);
  try {
    const { cycleId, entries, records } = await generateCycle(prisma, { units: UNITS, name: "2026年度政务诚信评价" });
    return { cycleId, entries, records };
  } finally {
    await prisma.$disconnect();
  }
}

async function child(): Promise<void> {
  await withBenchDatabase("run", async (url, dataDir) => {
    const { cycleId, entries, records } = await prepare(url);
    console.log(`${UNITS}个受评单位（鹤岗2022版标准），${entries}个答复、${records}条记录`);
    const { createPrismaClient } = await import("../../lib/db/prisma");
    const { runScoring } = await import("../../lib/results/run");
    const prisma = createPrismaClient(url, 4);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    // Phase times, read from the run's progress row on a second connection (as the web page does).
    const watcher = createPrismaClient(url, 1);
    const phases: [string, number][] = [];
    let start = performance.now();
    const poll = setInterval(() => {
      void watcher.$queryRaw<{ phase: string }[]>`SELECT phase FROM scoring_run_progress`.then((rows) => {
        const phase = rows[0]?.phase;
        if (phase && phases.at(-1)?.[0] !== phase) phases.push([phase, performance.now() - start]);
      });
    }, 25);
    const outcome = await runScoring(prisma, null, { cycleId });
    const runMs = performance.now() - start;
    clearInterval(sampler);
    clearInterval(poll);
    await watcher.$disconnect();
    if (outcome.ok) console.log(`各阶段（秒）：读取 ${(outcome.timings.load / 1000).toFixed(2)}，推导与计分 ${(outcome.timings.score / 1000).toFixed(2)}，写入 ${(outcome.timings.write / 1000).toFixed(2)}，页面看到的阶段 ${phases.map(([p]) => p).join("→")}`);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!outcome.ok) throw new Error(`the run failed: ${JSON.stringify(outcome)}`);
    console.log(`评分运行（读取、推导、计分、一个事务写入${outcome.units}行结果并更新当前结果）：${(runMs / 1000).toFixed(2)} s`);
    const csv = path.join(dataDir, "bench-results.csv");
    // The same rows, written to a file by the server (untimed), then loaded with COPY into a table
    // shaped like unit_result (same columns and indexes) — PostgreSQL's fastest bulk path.
    await prisma.$executeRawUnsafe(`COPY (SELECT * FROM unit_result WHERE run_id = '${outcome.runId}') TO '${csv}' WITH (FORMAT csv)`);
    await prisma.$executeRawUnsafe(`CREATE TABLE bench_copy (LIKE unit_result INCLUDING DEFAULTS INCLUDING INDEXES)`);
    start = performance.now();
    const copied = await prisma.$executeRawUnsafe(`COPY bench_copy FROM '${csv}' WITH (FORMAT csv)`);
    const copyMs = performance.now() - start;
    console.log(`COPY 同样的${copied}行结果：${(copyMs / 1000).toFixed(2)} s`);
    await prisma.$disconnect();
    console.log(JSON.stringify({ runMs, copyMs, peakMb: peak / 1024 / 1024, units: outcome.units }));
  });
}

asChild(CHILD, child);

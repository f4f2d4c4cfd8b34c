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
      summary: `${units}个单位：评分运行 ${(runMs / 1000).toFixed(2)} s，COPY 同样的结果行 ${(copyMs / 1000).toFixed(2)} s，比值 ${ratio.toFixed(2)}×（要求 ≤ ${RATIO_BAR}×）；进程内存峰值 ${peakMb.toFixed(0)} MB（要求 < ${MEMORY_BAR_MB} MB）`,
    };
  },
};

/** A hegang-2022 cycle of UNITS departments, every scheme default source assigned, every cell answered. */
async function prepare(url: string): Promise<{ cycleId: string; entries: number; records: number }> {
  const { createPrismaClient } = await import("../../lib/db/prisma");
  const { makeUscc } = await import("../../lib/orgs/uscc");
  const { getBuiltInScheme } = await import("../../lib/scoring");
  const { generateCycleFacts } = await import("../../lib/seed/facts-generator");
  const prisma = createPrismaClient(url, 2);
  const uscc = (i: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: String(40000000 + i) });
  const scheme = getBuiltInScheme("hegang-2022")!;
  const version = await prisma.schemeVersion.create({ data: { code: "hegang-2022", version: 1, name: scheme.name, status: "published", document: JSON.parse(JSON.stringify(scheme)) } });
  const cycle = await prisma.cycle.create({ data: { year: 2026, name: "2026年度政务诚信评价", status: "scoring", collectionDeadline: "2026-12-01", commitmentsDeadline: "2026-05-01" } });
  await prisma.cycleScheme.create({ data: { cycleId: cycle.id, unitKind: "municipal_department", schemeVersionId: version.id } });
  const sources = new Map<string, string>();
  const assignments: { indicatorCode: string; sourceOrgId: string; lead: boolean }[] = [];
  let n = 0;
  for (const category of scheme.categories) {
    for (const indicator of category.indicators) {
      for (const [i, shortName] of (indicator.sources ?? []).entries()) {
        if (!sources.has(shortName)) {
          const org = await prisma.organisation.create({ data: { name: `鹤岗${shortName}`, shortName, kind: "municipal_department", uscc: uscc(++n), roles: ["source"] } });
          sources.set(shortName, org.id);
        }
        assignments.push({ indicatorCode: indicator.code, sourceOrgId: sources.get(shortName)!, lead: i === 0 });
      }
    }
  }
  await prisma.sourceAssignment.createMany({ data: assignments.map((a) => ({ ...a, cycleId: cycle.id, schemeVersionId: version.id })) });
  for (let start = 0; start < UNITS; start += 5000) {
    const count = Math.min(5000, UNITS - start);
    const units = await prisma.organisation.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({ name: `受评单位${String(start + i + 1).padStart(5, "0")}`, kind: "municipal_department" as const, uscc: uscc(1000 + start + i), roles: ["evaluated" as const] })),
      select: { id: true },
    });
    await prisma.cycleUnit.createMany({ data: units.map((u) => ({ cycleId: cycle.id, organisationId: u.id, unitKind: "municipal_department" as const })) });
  }
  const facts = await generateCycleFacts(prisma, cycle.id, { seed: 2026 });
  await prisma.$executeRawUnsafe("ANALYZE");
  await prisma.$disconnect();
  return { cycleId: cycle.id, ...facts };
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

// `npm run bench volume [-- --units N]`: the compiled volume of 1,000 units streams to disk in under
// 60 s with memory under 1 GiB (spec/quality.md "documents"). The units are scored hegang-2022 units
// (1,000 different ones, reused with new names beyond that), their reports built like the report
// section's and archived as dossier entries in a throw-away embedded PostgreSQL. Timed, in a fresh
// process of its own (so the data preparation's memory is not counted): the archive job's own call,
// buildVolumeFile — read the entries, stream the .docx into the file store, hash it.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { UnitFacts, UnitResult } from "../../lib/scoring";
import { allowServerOnly, asChild, runChild, withBenchDatabase } from "./child";
import { benchReportInput } from "./report-input";
import type { BenchSection } from "./types";

const CHILD = "INTEGRITY_VOLUME_BENCH_CHILD";
const BUILD_CHILD = "INTEGRITY_VOLUME_BENCH_BUILD";
const CYCLE_ENV = "BENCH_VOLUME_CYCLE";
const UNITS_ENV = "BENCH_VOLUME_UNITS";
const BAR_S = 60;
const MEMORY_BAR_MB = 1024;
const BAR_UNITS = 1000;
const TEMPLATES = 1000;
const INSERT_BATCH = 200;

type Summary = { units: number; seconds: number; mb: number; peakMb: number };

function unitsWanted(): number {
  const at = process.argv.indexOf("--units");
  const value = Number(at >= 0 ? process.argv[at + 1] : process.env[UNITS_ENV] ?? BAR_UNITS);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--units 需要正整数：${process.argv[at + 1]}`);
  return value;
}

export const volumeBench: BenchSection = {
  name: "volume",
  run(log) {
    const units = unitsWanted();
    process.env[UNITS_ENV] = String(units);
    const { summary, status } = runChild<Summary>(__filename, CHILD, log, Math.max(900_000, units * 60));
    if (!summary) return { passed: false, summary: `子进程失败（退出码 ${status}）` };
    const { seconds, peakMb, mb } = summary;
    const bar = (BAR_S * summary.units) / BAR_UNITS;
    return {
      passed: seconds < bar && peakMb < MEMORY_BAR_MB,
      figures: [
        { what: `汇编${summary.units}个单位 写到磁盘`, value: seconds, bar, unit: "s" },
        { what: "汇编 进程内存峰值", value: peakMb, bar: MEMORY_BAR_MB, unit: "MB" },
      ],
      summary:
        `${summary.units}个单位的汇编：${seconds.toFixed(2)} s（要求 < ${bar.toFixed(0)} s${summary.units === BAR_UNITS ? "" : "，按每1,000个单位60 s折算"}，比值 ${(seconds / bar).toFixed(3)}），${mb.toFixed(1)} MB；` +
        `进程内存峰值 ${peakMb.toFixed(0)} MB（要求 < ${MEMORY_BAR_MB} MB，比值 ${(peakMb / MEMORY_BAR_MB).toFixed(3)}）`,
    };
  },
};

const PLACES = ["鹤岗市", "向阳区", "工农区", "南山区", "兴安区", "东山区", "兴山区", "萝北县", "绥滨县"];
const BODIES = [
  "财政局", "教育局", "公安局", "民政局", "司法局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
  "水务局", "农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
  "医疗保障局", "林业和草原局", "信访局", "营商环境建设监督局", "行政审批局", "城市管理综合执法局", "体育局", "档案局", "供销合作社", "机关事务服务中心",
];
const unitName = (i: number) => `${PLACES[i % PLACES.length]}${BODIES[Math.floor(i / PLACES.length) % BODIES.length]}${i >= PLACES.length * BODIES.length ? `第${Math.floor(i / (PLACES.length * BODIES.length)) + 1}分局` : ""}`;

/** RANK() positions when unit i has template i % TEMPLATES's total: one more than the units with a higher total. */
function positions(results: readonly UnitResult[], units: number): (i: number) => number {
  const copies = (t: number) => Math.floor(units / TEMPLATES) + (t < units % TEMPLATES ? 1 : 0);
  const byTotal = new Map<string, number>();
  for (const [t, r] of results.entries()) byTotal.set(r.total, (byTotal.get(r.total) ?? 0) + copies(t));
  const above = new Map<string, number>();
  let seen = 0;
  for (const total of [...byTotal.keys()].sort((a, b) => Number(b) - Number(a))) {
    above.set(total, seen);
    seen += byTotal.get(total)!;
  }
  return (i) => 1 + above.get(results[i % TEMPLATES]!.total)!;
}

/** Archives `units` dossier entries in the bench database; the cycle's id. */
async function prepare(units: number): Promise<string> {
  const { hegang2022 } = await import("../../lib/scoring/templates/hegang-2022");
  const { scoreUnits } = await import("../../lib/scoring");
  const { buildReport } = await import("../../lib/reports/model");
  const { createPrismaClient } = await import("../../lib/db/prisma");
  const { hegangUnits } = await import("./hegang-data");
  const prisma = createPrismaClient(process.env.DATABASE_URL!, 4);
  try {
    const templates: UnitFacts[] = hegangUnits(Math.min(units, TEMPLATES), 2026);
    const outcome = scoreUnits(hegang2022, templates);
    if (!outcome.ok) throw new Error("bench data invalid");
    const positionOf = positions(outcome.results, units);
    const archivedAt = new Date("2026-12-20T02:00:00Z");
    const cycle = await prisma.cycle.create({
      data: { year: 2026, name: "2026年度政务诚信评价", status: "archived", archivedAt, collectionDeadline: "2026-10-31", commitmentsDeadline: "2026-03-31" },
    });
    const started = performance.now();
    let reportBytes = 0;
    for (let from = 0; from < units; from += INSERT_BATCH) {
      const data = Array.from({ length: Math.min(INSERT_BATCH, units - from) }, (_, k) => {
        const i = from + k;
        const t = i % TEMPLATES;
        const result = outcome.results[t]!;
        const id = `bench-unit-${String(i).padStart(6, "0")}`;
        const report = buildReport(benchReportInput(hegang2022, templates[t]!, result, { position: positionOf(i), of: units }, {
          id, name: unitName(i), uscc: `11230400MB${String(i).padStart(7, "0")}X`,
        }));
        const json = JSON.stringify(report);
        reportBytes += json.length;
        return {
          organisationId: id, cycleId: cycle.id, year: 2026, cycleName: cycle.name, unitKind: "municipal_department" as const,
          schemeVersionId: "bench-scheme", schemeLabel: "hegang-2022 第1版", total: result.total, grade: result.grade,
          rankPosition: positionOf(i), rankOf: units, finalKind: "initial", report: JSON.parse(json) as object,
          docxStoredName: `bench-${id}`, docxSha256: "0".repeat(64), docxSize: 0, archivedAt,
        };
      });
      await prisma.dossierEntry.createMany({ data });
    }
    console.log(`${units}个单位（鹤岗2022版标准，${Math.min(units, TEMPLATES)}种不同的评分结果），报告JSON共 ${(reportBytes / 1048576).toFixed(1)} MB，准备数据 ${((performance.now() - started) / 1000).toFixed(1)} s（不计时）`);
    return cycle.id;
  } finally {
    await prisma.$disconnect();
  }
}

/** The child: a database with the archived cycle, then the timed build in a fresh process of its own. */
async function child(): Promise<void> {
  delete process.env[CHILD];
  const units = Number(process.env[UNITS_ENV] ?? BAR_UNITS);
  await withBenchDatabase("volume", async () => {
    const store = await mkdtemp(path.join(os.tmpdir(), "volume-bench-"));
    try {
      process.env[CYCLE_ENV] = await prepare(units);
      process.env.EVIDENCE_DIR = store;
      const { summary, status } = runChild<Summary>(__filename, BUILD_CHILD, console.log, Math.max(900_000, units * 60));
      if (!summary) throw new Error(`生成汇编的进程失败（退出码 ${status}）`);
      console.log(JSON.stringify(summary));
    } finally {
      await rm(store, { recursive: true, force: true });
    }
  });
}

/** The grandchild: buildVolumeFile alone, its time and the process's peak memory (sampled every 20 ms). */
async function build(): Promise<void> {
  allowServerOnly();
  const units = Number(process.env[UNITS_ENV]);
  const { createPrismaClient } = await import("../../lib/db/prisma");
  const { buildVolumeFile } = await import("../../lib/archive/volume-data");
  const prisma = createPrismaClient(process.env.DATABASE_URL!, 4);
  try {
    await prisma.$queryRaw`SELECT 1`;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    let firstChapterMs = 0;
    const built = await buildVolumeFile(prisma, process.env[CYCLE_ENV]!, (done) => {
      if (done === 1) firstChapterMs = performance.now() - start;
    });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (built.units !== units) throw new Error(`汇编只有${built.units}章`);
    const mb = built.size / 1048576;
    const peakMb = peak / 1048576;
    console.log(`buildVolumeFile：${seconds.toFixed(2)} s（第一章写出于 ${(firstChapterMs / 1000).toFixed(2)} s），${(units / seconds).toFixed(0)} 个单位/s，写出 ${mb.toFixed(1)} MB（sha256 ${built.sha256.slice(0, 12)}…）`);
    console.log(`进程内存峰值（生成期间每20 ms采样）：${peakMb.toFixed(0)} MB（开始时 ${(before / 1048576).toFixed(0)} MB）；按此速度50,000个单位约 ${((50_000 / units) * seconds).toFixed(0)} s`);
    console.log(JSON.stringify({ units, seconds, mb, peakMb } satisfies Summary));
  } finally {
    await prisma.$disconnect();
  }
}

asChild(CHILD, child);
asChild(BUILD_CHILD, build);

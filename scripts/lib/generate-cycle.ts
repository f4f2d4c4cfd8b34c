// A realistic cycle of N evaluated units for benchmarks and the load test: the units, their
// enrolment under the published hegang-2022 scheme, the scheme's default sources assigned, every
// cell answered by lib/seed/facts-generator (about 20 records per unit); optionally a scoring run and
// the initial reports issued, so results and reports exist. Bulk inserts throughout.
import type { PrismaClient } from "../../lib/db/prisma";

export type GenerateOptions = {
  units: number;
  year?: number;
  name?: string;
  seed?: number;
  /** Draws per record cell (lib/seed/facts-generator); 6 gives about 20 records per hegang-2022 unit. */
  recordScale?: number;
  /** Score the cycle (one run, all units) after the facts. */
  score?: boolean;
  /** Issue the initial reports after scoring (the cycle moves into feedback). */
  issue?: boolean;
  log?: (line: string) => void;
};

export type GeneratedCycle = { cycleId: string; units: number; entries: number; records: number; timings: Record<string, number> };

const BATCH = 5000;
const DIVISION = "230400";

/** The published hegang-2022 version, installing the built-in templates when missing. */
async function hegangVersion(prisma: PrismaClient): Promise<{ id: string; document: unknown }> {
  const found = await prisma.schemeVersion.findFirst({ where: { code: "hegang-2022", status: "published" }, orderBy: { version: "desc" }, select: { id: true, document: true } });
  if (found) return found;
  const { ensureBuiltInSchemes } = await import("../../lib/schemes/builtin");
  await ensureBuiltInSchemes(prisma);
  return prisma.schemeVersion.findFirstOrThrow({ where: { code: "hegang-2022", status: "published" }, orderBy: { version: "desc" }, select: { id: true, document: true } });
}

/** Unused organisation-code bodies: past the highest one this generator used before in the database. */
async function usccFrom(prisma: PrismaClient): Promise<(i: number) => string> {
  const { makeUscc } = await import("../../lib/orgs/uscc");
  const rows = await prisma.$queryRaw<{ max: string | null }[]>`
    SELECT max(substring(uscc from 9 for 8)) AS max FROM organisation WHERE uscc LIKE ${`11${DIVISION}4%`}`;
  const base = Math.max(40_000_000, Number(rows[0]?.max ?? 0) + 1);
  return (i: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: DIVISION, orgBody8: String(base + i) });
}

export async function generateCycle(prisma: PrismaClient, options: GenerateOptions): Promise<GeneratedCycle> {
  const log = options.log ?? (() => {});
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - mark;
    mark = now;
    return ((timings[name] ?? 0) / 1000).toFixed(1);
  };
  const { getBuiltInScheme } = await import("../../lib/scoring");
  const scheme = getBuiltInScheme("hegang-2022")!;
  const version = await hegangVersion(prisma);
  const uscc = await usccFrom(prisma);
  const year = options.year ?? 2026;
  const cycle = await prisma.cycle.create({
    data: { year, name: options.name ?? `${year}年度政务诚信评价（${options.units}个单位）`, status: "scoring", collectionDeadline: `${year}-12-01`, commitmentsDeadline: `${year}-05-01` },
  });
  await prisma.cycleScheme.create({ data: { cycleId: cycle.id, unitKind: "municipal_department", schemeVersionId: version.id } });

  // The scheme's default sources: an active source organisation of that short name, else a new one.
  const sources = new Map<string, string>();
  const assignments: { indicatorCode: string; sourceOrgId: string; lead: boolean }[] = [];
  let n = 0;
  for (const category of scheme.categories) {
    for (const indicator of category.indicators) {
      for (const [i, shortName] of (indicator.sources ?? []).entries()) {
        if (!sources.has(shortName)) {
          const existing = await prisma.organisation.findFirst({ where: { shortName, active: true, roles: { has: "source" } }, select: { id: true } });
          const org = existing ?? (await prisma.organisation.create({ data: { name: `鹤岗${shortName}`, shortName, kind: "municipal_department", uscc: uscc(n++), roles: ["source"] }, select: { id: true } }));
          sources.set(shortName, org.id);
        }
        assignments.push({ indicatorCode: indicator.code, sourceOrgId: sources.get(shortName)!, lead: i === 0 });
      }
    }
  }
  await prisma.sourceAssignment.createMany({ data: assignments.map((a) => ({ ...a, cycleId: cycle.id, schemeVersionId: version.id })) });
  log(`周期 ${cycle.id}（${cycle.name}），${sources.size}个信源单位，${assignments.length}项分工：${lap("setup")} s`);

  const tag = cycle.id.slice(-6);
  for (let start = 0; start < options.units; start += BATCH) {
    const count = Math.min(BATCH, options.units - start);
    const units = await prisma.organisation.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        name: `受评单位${String(start + i + 1).padStart(5, "0")}-${tag}`, kind: "municipal_department" as const, uscc: uscc(n + start + i), roles: ["evaluated" as const],
      })),
      select: { id: true },
    });
    await prisma.cycleUnit.createMany({ data: units.map((u) => ({ cycleId: cycle.id, organisationId: u.id, unitKind: "municipal_department" as const })) });
    log(`  单位 ${start + count}/${options.units}`);
  }
  log(`${options.units}个受评单位及纳入：${lap("units")} s`);

  const { generateCycleFacts } = await import("../../lib/seed/facts-generator");
  const facts = await generateCycleFacts(prisma, cycle.id, { seed: options.seed ?? year, recordScale: options.recordScale ?? 6 });
  await prisma.$executeRawUnsafe("ANALYZE");
  log(`${facts.entries}个答复、${facts.records}条记录（每单位约${(facts.records / options.units).toFixed(1)}条）：${lap("facts")} s`);

  if (options.score) {
    // The run opens its own pg connection from DATABASE_URL (lib/results/run.ts).
    if (!process.env.DATABASE_URL) throw new Error("评分需要 DATABASE_URL");
    const { runScoring } = await import("../../lib/results/run");
    const outcome = await runScoring(prisma, null, { cycleId: cycle.id });
    if (!outcome.ok) throw new Error(`评分失败：${JSON.stringify(outcome).slice(0, 2000)}`);
    log(`评分运行（${outcome.units}个单位，一个事务）：${lap("score")} s`);
  }
  if (options.score && options.issue) {
    const { issueReports } = await import("../../lib/reports/mutations");
    const { ensureOfficialCalendar } = await import("../../lib/calendar/builtin");
    await ensureOfficialCalendar(prisma);
    const issued = await issueReports(prisma, null, { cycleId: cycle.id, unitIds: [] });
    await prisma.$executeRawUnsafe("ANALYZE");
    log(`送达初评报告 ${issued.issued} 份：${lap("issue")} s`);
  }
  return { cycleId: cycle.id, units: options.units, ...facts, timings };
}

// `npm run load [-- --units 10000 --sessions 50 --seconds 60 --rounds 2 --port 3220 --no-build]`: the
// web-pages bar of spec/quality.md. Over an embedded PostgreSQL in .data/pg-load holding a generated,
// scored and issued cycle of N units (made once by scripts/lib/generate-cycle.ts, then reused), it
// builds when the sources changed, starts `next start`, signs in N office sessions through the real
// sign-in endpoint and for each round has them request the cycle overview, the unit list (paged,
// sorted, filtered) and unit reports; per page p50/p95/max, errors, requests/s and the server's
// memory before and after each round (--prepare-only stops after the data). BASE_URL targets a running server instead (DATABASE_URL must
// then name its database; SERVER_PID its process for memory). Wrap in `flock /tmp/next-e2e.lock`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "../lib/db/prisma";
import { allowServerOnly } from "./bench/child";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { generateCycle } from "./lib/generate-cycle";
import { groupRssMb, signIn, statsByPage, timedGet, type Sample, type Session } from "./lib/load-client";
import { buildIfNeeded, DATA_DIR, ensureAuthSecret, migrate, ROOT } from "./lib/runtime";

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} 需要正数`);
  return value;
};
const UNITS = option("units", 10_000);
const SESSIONS = option("sessions", 50);
const SECONDS = option("seconds", 60);
const ROUNDS = option("rounds", 2);
const PORT = option("port", 3220);
const PG_PORT = option("pg-port", 54339);
const P95_BAR_MS = 500;
const PASSWORD = "Load-test-2026";
const CYCLE_NAME = `2026年度政务诚信评价（负载测试，${UNITS}个单位）`;
const PAGE_SIZE = 50;
const log = (line: string) => console.log(`[load] ${line}`);

/** The generated cycle of UNITS units, made on first use. */
async function ensureCycle(prisma: PrismaClient): Promise<string> {
  // A cycle left half-made by an interrupted first run is not in feedback and is passed over.
  const found = await prisma.cycle.findFirst({ where: { name: CYCLE_NAME, status: "feedback" }, select: { id: true } });
  if (found) return found.id;
  log(`数据库中还没有${UNITS}个单位的负载测试周期，正在生成（只生成一次）…`);
  const generated = await generateCycle(prisma, { units: UNITS, name: CYCLE_NAME, score: true, issue: true, log: (l) => log(`  ${l}`) });
  return generated.cycleId;
}

/** SESSIONS office accounts with a known password (no forced change), under their own office. */
async function ensureUsers(prisma: PrismaClient): Promise<string[]> {
  const { hashPassword } = await import("../lib/auth/password");
  const { makeUscc } = await import("../lib/orgs/uscc");
  const office = (await prisma.organisation.findFirst({ where: { name: "负载测试信用办" }, select: { id: true } }))
    ?? (await prisma.organisation.create({ data: { name: "负载测试信用办", kind: "municipal_department", uscc: makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: "39999999" }), roles: ["office"] }, select: { id: true } }));
  const passwordHash = await hashPassword(PASSWORD);
  const logins = Array.from({ length: SESSIONS }, (_, i) => `load-office-${String(i + 1).padStart(3, "0")}`);
  for (const username of logins) {
    await prisma.user.upsert({
      where: { username },
      create: { username, displayName: `负载测试${username.slice(-3)}`, passwordHash, organisationId: office.id, roles: ["office"], mustChangePassword: false },
      update: { passwordHash, active: true, mustChangePassword: false, failedLogins: 0, lockedUntil: null },
    });
  }
  return logins;
}

/** What one request of a session asks for: a third each of overview, unit list and report. */
function pickRequest(cycleId: string, unitIds: readonly string[], random: () => number): { page: string; path: string } {
  const r = random();
  if (r < 1 / 3) return { page: "周期概况 /cycles/<id>", path: `/cycles/${cycleId}` };
  if (r < 2 / 3) {
    const sort = ["name", "uscc", "kind", "enrolledAt"][Math.floor(random() * 4)]!;
    const order = random() < 0.5 ? "asc" : "desc";
    const filtered = random() < 0.3;
    const q = filtered ? String(Math.floor(random() * 1000)).padStart(3, "0") : "";
    const page = filtered ? 1 : 1 + Math.floor(random() * Math.ceil(unitIds.length / PAGE_SIZE));
    const query = new URLSearchParams({ sort, order, page: String(page), ...(q ? { q } : {}) });
    return { page: "单位列表 /cycles/<id>/units", path: `/cycles/${cycleId}/units?${query}` };
  }
  const unit = unitIds[Math.floor(random() * unitIds.length)]!;
  return { page: "单位报告 /cycles/<id>/reports/<unit>", path: `/cycles/${cycleId}/reports/${unit}` };
}

async function round(base: string, sessions: Session[], cycleId: string, unitIds: readonly string[], seconds: number, seed: number): Promise<Sample[]> {
  const { seededRandom } = await import("../lib/seed/facts-generator");
  const random = seededRandom(seed);
  const samples: Sample[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(sessions.map(async (session) => {
    while (performance.now() < until) {
      const { page, path: url } = pickRequest(cycleId, unitIds, random);
      samples.push(await timedGet(base, session, page, url));
    }
  }));
  return samples;
}

function printRound(name: string, samples: readonly Sample[], seconds: number): { worstP95: number; errors: number } {
  log(`${name}：${samples.length}个请求，${(samples.length / seconds).toFixed(1)} 请求/s`);
  log(`  ${"页面".padEnd(34)} ${"请求".padStart(6)} ${"错误".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)} ${"最大HTML KB".padStart(10)}`);
  let worstP95 = 0;
  let errors = 0;
  for (const s of statsByPage(samples)) {
    log(`  ${s.page.padEnd(34)} ${String(s.requests).padStart(6)} ${String(s.errors).padStart(5)} ${s.p50.toFixed(0).padStart(8)} ${s.p95.toFixed(0).padStart(8)} ${s.max.toFixed(0).padStart(8)} ${s.maxKb.toFixed(0).padStart(10)}`);
    worstP95 = Math.max(worstP95, s.p95);
    errors += s.errors;
  }
  const statuses = [...new Set(samples.filter((s) => !s.ok).map((s) => s.status))];
  if (statuses.length > 0) log(`  错误的状态码：${statuses.join("、")}（0 = 连接失败或超时）`);
  return { worstP95, errors };
}

async function startServer(url: string): Promise<ChildProcess> {
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  const child = spawn(next, ["start", "-p", String(PORT)], {
    cwd: ROOT, detached: true, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: ensureAuthSecret(), NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT) },
  });
  for (let i = 0; i < 120; i++) {
    await sleep(500);
    if (child.exitCode !== null) throw new Error(`next start 退出（${child.exitCode}）`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/login`)).ok) return child;
    } catch {
      // not listening yet
    }
  }
  throw new Error("next start 60 s 内没有响应");
}

async function main() {
  allowServerOnly();
  let embedded: EmbeddedDatabase | undefined;
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server?.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await embedded?.stop();
    embedded = undefined;
  };
  process.on("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    const external = process.env.BASE_URL;
    let url = process.env.DATABASE_URL;
    if (!external) {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "pg-load"), port: PG_PORT, database: "integrity" });
      url = embedded.url;
    }
    if (!url) throw new Error("BASE_URL 指向已运行的服务时，须用 DATABASE_URL 指明它的数据库（用于建测试账户）");
    process.env.DATABASE_URL = url;
    await migrate(url);
    const { createPrismaClient } = await import("../lib/db/prisma");
    const { ensureBuiltInSchemes } = await import("../lib/schemes/builtin");
    const { ensureOfficialCalendar } = await import("../lib/calendar/builtin");
    const prisma = createPrismaClient(url, 4);
    await ensureBuiltInSchemes(prisma);
    await ensureOfficialCalendar(prisma);
    const cycleId = await ensureCycle(prisma);
    const logins = await ensureUsers(prisma);
    const unitIds = (await prisma.cycleUnit.findMany({ where: { cycleId }, select: { organisationId: true } })).map((u) => u.organisationId);
    await prisma.$disconnect();
    log(`周期 ${cycleId}：${unitIds.length}个受评单位；${logins.length}个信用办账户`);
    if (process.argv.includes("--prepare-only")) return;

    let pid = Number(process.env.SERVER_PID ?? 0);
    let base = external ?? `http://127.0.0.1:${PORT}`;
    if (!external) {
      if (!process.argv.includes("--no-build")) buildIfNeeded();
      server = await startServer(url);
      pid = server.pid!;
      base = `http://127.0.0.1:${PORT}`;
      log(`next start 已在 ${base} 启动（进程组 ${pid}）`);
    }
    const memory = () => (pid ? groupRssMb(pid, !external) : NaN);

    const started = performance.now();
    const sessions = await Promise.all(logins.map((login) => signIn(base, login, PASSWORD)));
    log(`${sessions.length}个会话经 /api/auth/callback/credentials 登录：${((performance.now() - started) / 1000).toFixed(1)} s`);
    await round(base, sessions.slice(0, 10), cycleId, unitIds, 5, 1);
    log(`预热5 s后服务器内存（RSS，进程组合计）：${memory().toFixed(0)} MB`);

    const after: number[] = [];
    let failed = false;
    for (let r = 1; r <= ROUNDS; r++) {
      const before = memory();
      const samples = await round(base, sessions, cycleId, unitIds, SECONDS, 1000 + r);
      const { worstP95, errors } = printRound(`第${r}轮（${SESSIONS}个会话，${SECONDS} s）`, samples, SECONDS);
      after.push(memory());
      log(`  服务器内存：开始 ${before.toFixed(0)} MB，结束 ${after.at(-1)!.toFixed(0)} MB`);
      if (worstP95 >= P95_BAR_MS || errors > 0) failed = true;
    }
    if (after.length >= 2) {
      const growth = after.at(-1)! - after[0]!;
      log(`两轮之间的内存增长（第${ROUNDS}轮结束 − 第1轮结束）：${growth >= 0 ? "+" : ""}${growth.toFixed(0)} MB（${((growth / after[0]!) * 100).toFixed(1)}%）`);
    }
    log(failed ? `未达标：要求每类页面 p95 < ${P95_BAR_MS} ms 且 0 错误` : `通过：每类页面 p95 < ${P95_BAR_MS} ms，0 错误`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

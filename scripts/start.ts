// `npm start` / `npm run dev`: database (DATABASE_URL or an embedded PostgreSQL under .data/),
// migrations, demo data on an empty database, then Next.js; stops the database cleanly on exit.
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/prisma";
import { ensureBuiltInSchemes } from "@/lib/schemes/builtin";
import { demoAccountsTable, isDatabaseEmpty, seedDemoData } from "@/lib/seed/demo";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { buildIfNeeded, DATA_DIR, ensureAuthSecret, log, migrate, ROOT } from "./lib/runtime";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.AUTH_SECRET = ensureAuthSecret();

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const dataDir = process.env.EMBEDDED_PG_DIR ?? path.join(DATA_DIR, "pg");
    log(`未设置 DATABASE_URL，启动内置 PostgreSQL（数据目录 ${path.relative(ROOT, dataDir)}，端口 ${pgPort}）`);
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: pgPort,
      database: "integrity",
      fresh: process.env.EMBEDDED_PG_FRESH === "1",
    });
    process.env.DATABASE_URL = embedded.url;
  }
  const stopDatabase = async () => {
    if (embedded) {
      const db = embedded;
      embedded = undefined;
      await db.stop();
      log("内置 PostgreSQL 已停止");
    }
  };

  try {
    const env = parseEnv(process.env);
    await migrate(env.DATABASE_URL);
    const prisma = createPrismaClient(env.DATABASE_URL, 2);
    // The built-in scheme templates are part of the product, not demo data: every mode gets them.
    const schemes = await ensureBuiltInSchemes(prisma);
    if (schemes.installed.length > 0) log(`已安装内置指标体系模板：${schemes.installed.map((s) => `${s.code} v${s.version}`).join("、")}`);
    for (const s of schemes.mismatched) log(`警告：指标体系 ${s.code} v${s.version} 与内置模板不一致，模板修改后须提高版本号（docs/scheme-versions.md）`);
    // So is the official working-day calendar (docs/calendar.md): years the table lacks are installed.
    const calendar = await ensureOfficialCalendar(prisma);
    if (calendar.installed.length > 0) log(`已安装内置工作日历：${calendar.installed.length}个年度（${calendar.installed.join("、")}）`);
    if (env.APP_MODE === "demo" && (await isDatabaseEmpty(prisma))) {
      const counts = await seedDemoData(prisma);
      log(`已载入演示数据：${counts.organisations} 个单位，${counts.users} 个账户`);
      log(demoAccountsTable());
    }
    await prisma.$disconnect();
    if (!dev) buildIfNeeded();
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const next = path.join(ROOT, "node_modules", ".bin", "next");
  const child = spawn(next, [dev ? "dev" : "start", "-p", port], { cwd: ROOT, stdio: "inherit", env: process.env, detached: true });
  log(`平台地址：http://localhost:${port}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    }
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code) => {
    await stopDatabase();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

// `npx tsx scripts/migration-fixture.ts [<git revision>]`: the database of an earlier release, for
// tests/integration/migrations.test.ts (docs/operations.md "迁移测试的数据"). Checks the revision out
// in a temporary git worktree (sharing node_modules), migrates an empty embedded PostgreSQL with
// ITS migrations, loads ITS demo data (and scores, where it has scripts/score-cycle.ts), and backs
// that database up with the CURRENT backup code to tests/fixtures/migrations/<its last migration>.tar.
// Default revision: the commit just before the newest migration was added (one migration back).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createBackup } from "@/lib/backup/backup";
import { formatBytes } from "@/lib/backup/manifest";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { DATA_DIR, log, ROOT } from "./lib/runtime";

const FIXTURES = path.join(ROOT, "tests", "fixtures", "migrations");

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
}

function migrationNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort();
}

function defaultRevision(): string {
  const newest = migrationNames(path.join(ROOT, "prisma", "migrations")).at(-1);
  if (!newest) throw new Error("prisma/migrations 中没有迁移");
  const added = git("log", "--diff-filter=A", "--format=%H", "--", `prisma/migrations/${newest}/migration.sql`).split("\n").at(-1);
  if (!added) throw new Error(`找不到添加迁移 ${newest} 的提交（尚未提交？）`);
  return `${added}^`;
}

/** Runs one of the worktree's own scripts with the repository's tsx. */
function runIn(worktree: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), ...args], {
    cwd: worktree,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} 失败：\n${result.stdout}\n${result.stderr}`);
}

async function main() {
  const revision = git("rev-parse", "--short", process.argv[2] ?? defaultRevision());
  const scratch = path.join(DATA_DIR, `migration-fixture-${process.pid}`);
  const worktree = path.join(scratch, "worktree");
  await mkdir(scratch, { recursive: true });
  log(`检出 ${revision} 到临时工作树 ${path.relative(ROOT, worktree)}`);
  git("worktree", "add", "--detach", worktree, revision);
  const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, "pg"), port: await freePort(), database: "integrity", fresh: true });
  try {
    await symlink(path.join(ROOT, "node_modules"), path.join(worktree, "node_modules"), "dir");
    const env = {
      DATABASE_URL: database.url,
      EVIDENCE_DIR: path.join(scratch, "files"),
      AUTH_SECRET: "x".repeat(48),
      APP_MODE: "demo",
    };
    log("生成该版本的 Prisma 客户端、迁移空数据库、载入演示数据…");
    runIn(worktree, ["scripts/prisma.ts", "generate"], env);
    runIn(worktree, ["scripts/prisma.ts", "migrate", "deploy"], env);
    runIn(worktree, ["scripts/seed.ts"], env);
    // Results too, where that version can score from the command line: more tables with rows.
    if (existsSync(path.join(worktree, "scripts", "score-cycle.ts"))) {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const cycles = await client.query("SELECT id FROM cycle WHERE status = 'scoring' ORDER BY year").finally(() => client.end());
      for (const { id } of cycles.rows as { id: string }[]) runIn(worktree, ["scripts/score-cycle.ts", id], env);
    }

    const migrationsDir = path.join(worktree, "prisma", "migrations");
    const last = migrationNames(migrationsDir).at(-1) ?? "none";
    const out = path.join(FIXTURES, `${last}.tar`);
    await mkdir(FIXTURES, { recursive: true });
    await rm(out, { force: true });
    const pkg = JSON.parse(readFileSync(path.join(worktree, "package.json"), "utf8")) as { name: string; version: string };
    const summary = await createBackup({
      databaseUrl: database.url,
      filesDir: env.EVIDENCE_DIR,
      out,
      migrationsDir,
      app: { name: pkg.name, version: pkg.version, commit: revision },
    });
    const rows = summary.manifest.database.tables.reduce((sum, t) => sum + t.rows, 0);
    log(`已写入 ${path.relative(ROOT, out)}：${formatBytes(summary.bytes)}，${summary.manifest.database.tables.length} 个数据表共 ${rows} 行，${summary.manifest.storedFiles.count} 个文件`);
  } finally {
    await database.stop();
    git("worktree", "remove", "--force", worktree);
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  log(`生成迁移测试数据失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

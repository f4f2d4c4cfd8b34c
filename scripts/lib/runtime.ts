// Shared start-up steps for `npm start`, `npm run dev` and the end-to-end tests.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, ".data");

export function log(message: string): void {
  process.stderr.write(`[integrity] ${message}\n`);
}

/** AUTH_SECRET from the environment, else one generated once and kept in .data/auth-secret. */
export function ensureAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
    log("已生成 AUTH_SECRET，保存在 .data/auth-secret");
  }
  return readFileSync(file, "utf8").trim();
}

/** Names of migration folders not yet recorded as finished in the database. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const dir = path.join(ROOT, "prisma", "migrations");
  const all = readdirSync(dir).filter((name) => existsSync(path.join(dir, name, "migration.sql")));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
    if (!table.rows[0]?.t) return all;
    const done = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((r: { migration_name: string }) => r.migration_name));
    return all.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

export async function migrate(databaseUrl: string): Promise<void> {
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length === 0) return;
  log(`正在应用数据库迁移：${pending.join(", ")}`);
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/prisma.ts", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`数据库迁移失败：\n${result.stdout}\n${result.stderr}`);
  }
}

/** A fingerprint of the sources, so `npm start` rebuilds after a pull or an edit. */
function sourceFingerprint(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" });
    // Documentation and tests do not change the build (the e2e tests rewrite docs/screenshots).
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ".", ":!docs", ":!tests"], { cwd: ROOT, encoding: "utf8" });
    return createHash("sha256").update(head).update(dirty).digest("hex");
  } catch {
    return "no-git";
  }
}

export function buildIfNeeded(options: { force?: boolean } = {}): void {
  const stampFile = path.join(DATA_DIR, "build-stamp");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (!options.force && built && (stamp === fingerprint || fingerprint === "no-git")) return;
  log("正在构建应用（首次启动或代码有更新，约需1分钟）…");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("构建失败，请查看上方输出");
  mkdirSync(DATA_DIR, { recursive: true });
  writeFileSync(stampFile, fingerprint);
}

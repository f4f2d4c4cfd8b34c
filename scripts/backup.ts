// `npm run backup [-- --out <file.tar | folder>]`: the database and every stored file in one .tar
// (docs/operations.md). Works while the platform runs: the database copy is one consistent moment.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "@/lib/backup/backup";
import { defaultBackupName, formatBytes } from "@/lib/backup/manifest";
import { evidenceDir } from "@/lib/files/storage";
import { openAppDatabase } from "./lib/app-database";
import { log, ROOT } from "./lib/runtime";

function outputPath(out: string | undefined, now: Date): string {
  if (!out) return path.join(ROOT, "backups", defaultBackupName(now));
  const resolved = path.resolve(out);
  return resolved.endsWith(".tar") ? resolved : path.join(resolved, defaultBackupName(now));
}

/** A path as typed from the current folder when it lies inside it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string };
  const now = new Date();
  const out = outputPath(values.out, now);
  const database = await openAppDatabase({ create: false });
  try {
    log(`备份数据库 ${database.describe} 和文件目录 ${evidenceDir()} → ${shown(out)}`);
    const summary = await createBackup({
      databaseUrl: database.url,
      filesDir: evidenceDir(),
      out,
      migrationsDir: path.join(ROOT, "prisma", "migrations"),
      app: { name: pkg.name, version: pkg.version, commit: gitCommit() },
      now: () => now,
      log,
    });
    const { database: db, storedFiles } = summary.manifest;
    const rows = db.tables.reduce((sum, t) => sum + t.rows, 0);
    const main = ["organisation", "app_user", "cycle", "cycle_unit", "fact_record", "unit_result", "dossier_entry", "audit_log"];
    const counts = db.tables.filter((t) => main.includes(t.name)).map((t) => `${t.name} ${t.rows}`);
    log(`备份完成：${shown(summary.file)}`);
    log(`  大小 ${formatBytes(summary.bytes)}，用时 ${summary.seconds.toFixed(1)} 秒`);
    log(`  数据库：${db.tables.length} 个数据表，共 ${rows} 行（${counts.join("，")}）；最近的迁移 ${db.lastMigration ?? "无"}`);
    log(`  存储文件：${storedFiles.count} 个，${formatBytes(storedFiles.bytes)}`);
    log(`  恢复：npm run restore -- ${shown(summary.file)}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  log(`备份失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

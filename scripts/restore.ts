// `npm run restore -- <backup.tar> [--force]`: checks the backup whole, then replaces the database
// and the file store with it (docs/operations.md). Stop the platform first.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupRefusal, formatBytes } from "@/lib/backup/manifest";
import { restoreBackup } from "@/lib/backup/restore";
import { evidenceDir } from "@/lib/files/storage";
import { openAppDatabase } from "./lib/app-database";
import { log, ROOT } from "./lib/runtime";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) {
    log("用法：npm run restore -- <备份文件.tar> [--force]");
    return 2;
  }
  const source = path.resolve(positionals[0] ?? "");
  if (!existsSync(source)) {
    log(`找不到备份：${source}。未做任何更改。`);
    return 1;
  }
  const database = await openAppDatabase({ create: true });
  try {
    log(`恢复到数据库 ${database.describe} 和文件目录 ${evidenceDir()}`);
    const summary = await restoreBackup({
      source,
      databaseUrl: database.url,
      filesDir: evidenceDir(),
      migrationsDir: path.join(ROOT, "prisma", "migrations"),
      force: values.force,
      log,
    });
    const { manifest } = summary;
    const rows = manifest.database.tables.reduce((sum, t) => sum + t.rows, 0);
    log(`恢复完成，用时 ${summary.seconds.toFixed(1)} 秒：备份时间 ${manifest.createdAt}（程序 ${manifest.app.version}${manifest.app.commit ? ` ${manifest.app.commit}` : ""}）`);
    log(`  数据库：${manifest.database.tables.length} 个数据表共 ${rows} 行，行数与备份清单一致`);
    log(`  存储文件：${manifest.storedFiles.count} 个（${formatBytes(manifest.storedFiles.bytes)}），校验值全部一致`);
    if (summary.pendingMigrations.length > 0) {
      log(`  当前程序另有 ${summary.pendingMigrations.length} 个较新的数据库迁移（${summary.pendingMigrations.join("、")}），将在下次 npm start 或 npm run db:migrate 时应用`);
    }
    return 0;
  } catch (error) {
    log(error instanceof BackupRefusal ? error.message : `恢复失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`恢复失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

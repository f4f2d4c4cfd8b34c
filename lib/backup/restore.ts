import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { loadDatabase, tableCounts, tablesWithRows } from "./database";
import { digestFile, listStoredFiles, replaceDirContent, unpackBackup, verifyFiles } from "./files";
import {
  BackupRefusal,
  countProblems,
  MANIFEST_DIGEST_FILE,
  MANIFEST_FILE,
  migrationProblem,
  parseManifest,
  STORED_FILES_DIR,
  type BackupManifest,
  type MigrationRecord,
} from "./manifest";

export type RestoreOptions = {
  /** A backup .tar, or a folder holding an unpacked one. */
  source: string;
  databaseUrl: string;
  filesDir: string;
  migrationsDir: string;
  /** Overwrite a database with data or a file store with files (and ignore other connections). */
  force?: boolean;
  log?: (line: string) => void;
};

export type RestoreSummary = {
  manifest: BackupManifest;
  /** Migrations of the current code newer than the backup, applied at the next start. */
  pendingMigrations: string[];
  seconds: number;
};

/** The migrations of the code, in the order Prisma applies them, with their checksums. */
export async function codeMigrations(migrationsDir: string): Promise<MigrationRecord[]> {
  const names = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const found: MigrationRecord[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(migrationsDir, name, "migration.sql")).catch(() => null);
    if (sql) found.push({ name, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return found;
}

/** Reads and checks the manifest and every file it lists, in an unpacked backup. */
export async function verifyUnpackedBackup(dir: string, log: (line: string) => void = () => undefined): Promise<BackupManifest> {
  const text = await readFile(path.join(dir, MANIFEST_FILE)).catch(() => null);
  if (text === null) throw new BackupRefusal(`这不是本平台的备份：缺少 ${MANIFEST_FILE}。未做任何更改。`);
  const digest = await readFile(path.join(dir, MANIFEST_DIGEST_FILE), "utf8").catch(() => null);
  const manifest = parseManifest(text.toString("utf8"), digest, createHash("sha256").update(text).digest("hex"));
  const step = Math.max(1, Math.ceil(manifest.files.length / 10));
  await verifyFiles(dir, manifest.files, (done, total) => {
    if (done === total || done % step === 0) log(`校验备份文件 ${done}/${total}`);
  });
  return manifest;
}

async function otherConnections(client: pg.ClientBase): Promise<number> {
  const result = await client.query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  return (result.rows[0] as { n: number }).n;
}

/** Why the target may not be overwritten without --force, or null. */
async function occupiedTarget(client: pg.ClientBase, filesDir: string): Promise<string | null> {
  const tables = await tablesWithRows(client);
  const files = await listStoredFiles(filesDir);
  if (tables.length === 0 && files.length === 0) return null;
  const what = [
    tables.length > 0 ? `数据库已有数据（${tables.slice(0, 5).join("、")}${tables.length > 5 ? " 等" : ""}）` : null,
    files.length > 0 ? `文件目录 ${filesDir} 已有 ${files.length} 个文件` : null,
  ].filter(Boolean);
  return `目标不是空的：${what.join("；")}。恢复会删除这些内容并替换为备份；确认要覆盖请加 --force。未做任何更改。`;
}

async function verifyRestored(client: pg.ClientBase, filesDir: string, manifest: BackupManifest): Promise<void> {
  const problems = countProblems(manifest.database.tables, await tableCounts(client));
  const stored = manifest.files.filter((f) => f.path.startsWith(`${STORED_FILES_DIR}/`));
  const present = new Set(await listStoredFiles(filesDir));
  for (const name of present) {
    if (!stored.some((f) => f.path === `${STORED_FILES_DIR}/${name}`)) problems.push(`文件目录中多出文件 ${name}`);
  }
  for (const entry of stored) {
    const name = entry.path.slice(STORED_FILES_DIR.length + 1);
    const actual = await digestFile(path.join(filesDir, ...name.split("/")));
    if (actual?.sha256 !== entry.sha256) problems.push(`文件 ${name} ${actual ? "与备份中的不一致" : "未能恢复"}`);
  }
  if (problems.length > 0) throw new Error(`恢复后的核对未通过：${problems.join("；")}`);
}

/**
 * Restores a backup: checks it whole first (a damaged one is refused, nothing changed), refuses a
 * target holding data unless forced, then replaces the database in one transaction and the file
 * store, and checks row counts and every file against the manifest.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const filesDirExisted = (await stat(options.filesDir).catch(() => null)) !== null;
  await mkdir(options.filesDir, { recursive: true, mode: 0o700 });
  // Inside the store, so moving the files into place is a rename on one file system.
  const workDir = path.join(options.filesDir, `.restore-${process.pid}-${Date.now()}`);
  let replaced = false;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  try {
    log(`正在读取备份 ${options.source} …`);
    await unpackBackup(options.source, workDir);
    log("正在校验备份（清单和每个文件的 SHA-256）…");
    const manifest = await verifyUnpackedBackup(workDir, log);
    const code = await codeMigrations(options.migrationsDir);
    const mismatch = migrationProblem(manifest.database.migrations, code);
    if (mismatch) throw new BackupRefusal(mismatch);

    await client.connect();
    if (!options.force) {
      const occupied = await occupiedTarget(client, options.filesDir);
      if (occupied) throw new BackupRefusal(occupied);
      const others = await otherConnections(client);
      if (others > 0) {
        throw new BackupRefusal(`还有 ${others} 个其他连接正在使用该数据库（平台可能仍在运行）：请先停止平台再恢复，或加 --force。未做任何更改。`);
      }
    }

    log("正在恢复数据库（单个事务：失败则数据库保持原样）…");
    await loadDatabase(client, workDir, manifest.database, log).catch((error: Error) => {
      throw new Error(`数据库恢复失败，已整体回滚，数据库和文件目录均保持原样：${error.message}`);
    });
    log(`正在恢复存储文件（${manifest.storedFiles.count} 个）…`);
    const staged = path.join(workDir, STORED_FILES_DIR);
    await mkdir(staged, { recursive: true });
    await replaceDirContent(staged, options.filesDir);
    replaced = true;
    log("正在核对恢复结果（各表行数、每个文件的校验值）…");
    await verifyRestored(client, options.filesDir, manifest);
    const backedUp = new Set(manifest.database.migrations.map((m) => m.name));
    return {
      manifest,
      pendingMigrations: code.map((m) => m.name).filter((name) => !backedUp.has(name)),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
    if (!filesDirExisted && !replaced) await rmdir(options.filesDir).catch(() => undefined);
  }
}

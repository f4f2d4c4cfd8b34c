import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import archiver from "archiver";
import pg from "pg";
import { dumpDatabase } from "./database";
import { digestFile, listStoredFiles } from "./files";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupRefusal,
  MANIFEST_DIGEST_FILE,
  MANIFEST_FILE,
  serializeManifest,
  STORED_FILES_DIR,
  type BackupFileEntry,
  type BackupManifest,
} from "./manifest";

export type BackupOptions = {
  databaseUrl: string;
  /** The file store (EVIDENCE_DIR): evidence, Word reports, dossier files, compiled volumes. */
  filesDir: string;
  /** The .tar to write; it must not exist yet. */
  out: string;
  migrationsDir: string;
  app: BackupManifest["app"];
  now?: () => Date;
  log?: (line: string) => void;
};

export type BackupSummary = {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  seconds: number;
};

/** Every tenth step (and the last), so long runs show progress without flooding the terminal. */
function everyTenth(total: number, report: (done: number) => void): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / 10));
  return (done) => {
    if (done === total || done % step === 0) report(done);
  };
}

async function writeTar(out: string, workDir: string, workFiles: string[], filesDir: string, storedFiles: string[], log: (line: string) => void): Promise<void> {
  const archive = archiver("tar");
  const output = createWriteStream(out, { flags: "wx", mode: 0o600 });
  const closed = new Promise<void>((resolve, reject) => {
    output.on("close", resolve);
    output.on("error", reject);
    archive.on("error", reject);
    archive.on("warning", reject);
  });
  archive.pipe(output);
  for (const name of workFiles) archive.file(path.join(workDir, name), { name });
  for (const name of storedFiles) archive.file(path.join(filesDir, name), { name: `${STORED_FILES_DIR}/${name}` });
  const total = workFiles.length + storedFiles.length;
  const report = everyTenth(total, (done) => log(`写入备份文件 ${done}/${total}`));
  archive.on("progress", (p) => report(p.entries.processed));
  await archive.finalize();
  await closed;
}

/**
 * Writes one .tar holding the database (a consistent copy), every stored file and a manifest with
 * each part's size and SHA-256. The tar is written under a temporary name and renamed when whole.
 */
export async function createBackup(options: BackupOptions): Promise<BackupSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const now = options.now?.() ?? new Date();
  if (await stat(options.out).catch(() => null)) throw new BackupRefusal(`备份文件已存在，不会覆盖：${options.out}`);
  await mkdir(path.dirname(options.out), { recursive: true });
  const workDir = await mkdtemp(path.join(path.dirname(options.out), ".backup-"));
  const partial = `${options.out}.partial`;
  try {
    log("正在导出数据库…");
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    let dumped: Awaited<ReturnType<typeof dumpDatabase>>;
    try {
      dumped = await dumpDatabase(client, workDir, options.migrationsDir, log);
    } finally {
      await client.end();
    }

    const stored = await listStoredFiles(options.filesDir);
    log(`正在计算存储文件的校验值（${stored.length} 个）…`);
    const storedEntries: BackupFileEntry[] = [];
    const report = everyTenth(stored.length, (done) => log(`校验存储文件 ${done}/${stored.length}`));
    for (const name of stored) {
      const digest = await digestFile(path.join(options.filesDir, name));
      if (digest) storedEntries.push({ path: `${STORED_FILES_DIR}/${name}`, ...digest });
      report(storedEntries.length);
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: now.toISOString(),
      app: options.app,
      database: dumped.database,
      storedFiles: { count: storedEntries.length, bytes: storedEntries.reduce((sum, f) => sum + f.size, 0) },
      files: [...dumped.files, ...storedEntries],
    };
    const manifestText = serializeManifest(manifest);
    await writeFile(path.join(workDir, MANIFEST_FILE), manifestText);
    const digest = createHash("sha256").update(manifestText).digest("hex");
    await writeFile(path.join(workDir, MANIFEST_DIGEST_FILE), `${digest}  ${MANIFEST_FILE}\n`);

    const workFiles = [MANIFEST_FILE, MANIFEST_DIGEST_FILE, ...dumped.files.map((f) => f.path)];
    await writeTar(partial, workDir, workFiles, options.filesDir, storedEntries.map((f) => f.path.slice(STORED_FILES_DIR.length + 1)), log);
    await rename(partial, options.out);
    const bytes = (await stat(options.out)).size;
    return { file: options.out, bytes, manifest, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

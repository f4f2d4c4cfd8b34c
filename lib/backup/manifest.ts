import { z } from "zod";

/*
 * The manifest of a backup (docs/operations.md): what it holds and how to check it. Pure: building,
 * parsing and comparing; reading the disk and the database is in the neighbouring files.
 */

export const BACKUP_FORMAT = "integrity-eval-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";
/** The SHA-256 of manifest.json, so a damaged manifest is caught before it is believed. */
export const MANIFEST_DIGEST_FILE = "manifest.sha256";
export const STORED_FILES_DIR = "files";

export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusal";
  }
}

// Relative, forward-slash paths without "." or ".." segments: nothing in a backup can name a place
// outside the folder it is restored into.
const SAFE_PATH = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const SHA256 = /^[0-9a-f]{64}$/;

const fileEntrySchema = z.object({
  path: z.string().regex(SAFE_PATH),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256),
});

const tableEntrySchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.number().int().nonnegative(),
  file: z.string().regex(SAFE_PATH),
});

const columnDefinitionSchema = z.object({
  name: z.string().min(1),
  type: z.string().min(1),
  notNull: z.boolean(),
  default: z.string().nullable(),
});

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  app: z.object({ name: z.string(), version: z.string(), commit: z.string().nullable() }),
  database: z.object({
    serverVersion: z.string(),
    lastMigration: z.string().nullable(),
    migrations: z.array(z.object({ name: z.string().regex(SAFE_PATH), checksum: z.string(), file: z.string().regex(SAFE_PATH) })),
    migrationsTable: z.object({ columns: z.array(columnDefinitionSchema).min(1), constraints: z.array(z.string()) }),
    tables: z.array(tableEntrySchema),
    sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  }),
  storedFiles: z.object({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  files: z.array(fileEntrySchema),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupFileEntry = z.infer<typeof fileEntrySchema>;
export type BackupTable = z.infer<typeof tableEntrySchema>;
export type ColumnDefinition = z.infer<typeof columnDefinitionSchema>;
export type MigrationRecord = { name: string; checksum: string };

export function serializeManifest(manifest: BackupManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The manifest from its text, checked against its recorded digest; a Chinese refusal otherwise. */
export function parseManifest(text: string, recordedDigest: string | null, actualDigest: string): BackupManifest {
  if (recordedDigest === null) throw new BackupRefusal(`备份不完整：缺少 ${MANIFEST_DIGEST_FILE}。未做任何更改。`);
  if (recordedDigest.trim().split(/\s+/)[0] !== actualDigest) {
    throw new BackupRefusal(`备份已损坏：${MANIFEST_FILE} 的 SHA-256 校验值与 ${MANIFEST_DIGEST_FILE} 不符。未做任何更改。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupRefusal(`备份已损坏：${MANIFEST_FILE} 不是有效的 JSON。未做任何更改。`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
    if (format.format !== BACKUP_FORMAT) throw new BackupRefusal("这不是本平台的备份（清单格式不符）。未做任何更改。");
    if (format.formatVersion !== BACKUP_FORMAT_VERSION) {
      throw new BackupRefusal(`备份格式版本 ${String(format.formatVersion)} 不受支持（当前版本支持 ${BACKUP_FORMAT_VERSION}）。未做任何更改。`);
    }
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}：${issue.message}`);
    throw new BackupRefusal(`备份清单内容有误：${problems.slice(0, 5).join("；")}。未做任何更改。`);
  }
  const listed = new Set(parsed.data.files.map((f) => f.path));
  for (const path of [...parsed.data.database.tables.map((t) => t.file), ...parsed.data.database.migrations.map((m) => m.file)]) {
    if (!listed.has(path)) throw new BackupRefusal(`备份清单内容有误：${path} 未列出校验值。未做任何更改。`);
  }
  return parsed.data;
}

/** Why one file of a backup does not match its manifest entry, or null when it does. */
export function fileProblem(entry: BackupFileEntry, actual: { size: number; sha256: string } | null): string | null {
  if (actual === null) return `备份不完整：缺少文件 ${entry.path}。未做任何更改。`;
  if (actual.size !== entry.size) {
    return `备份已损坏：文件 ${entry.path} 的大小不符（清单记录 ${entry.size} 字节，实际 ${actual.size} 字节）。未做任何更改。`;
  }
  if (actual.sha256 !== entry.sha256) {
    return `备份已损坏：文件 ${entry.path} 的 SHA-256 校验值不符（清单记录 ${entry.sha256.slice(0, 12)}…，实际 ${actual.sha256.slice(0, 12)}…）。未做任何更改。`;
  }
  return null;
}

/**
 * A backup restores only into code that holds the same migrations, in the same order, unchanged:
 * otherwise the application could not run on the restored database. Null when it can.
 */
export function migrationProblem(backup: MigrationRecord[], code: MigrationRecord[]): string | null {
  for (const [index, migration] of backup.entries()) {
    const own = code[index];
    if (!own || own.name !== migration.name) {
      return `备份来自不同版本的程序：备份中的数据库迁移 ${migration.name} 不在当前代码的迁移中（或顺序不同）。请使用与备份相同或更新的程序版本恢复。未做任何更改。`;
    }
    if (own.checksum !== migration.checksum) {
      return `数据库迁移 ${migration.name} 的内容与当前代码中的不一致（校验值不同），恢复后程序无法运行。未做任何更改。`;
    }
  }
  return null;
}

/** Row counts that differ from the manifest, as Chinese lines (empty when all match). */
export function countProblems(expected: Pick<BackupTable, "name" | "rows">[], actual: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  for (const table of expected) {
    const found = actual.get(table.name);
    if (found === undefined) problems.push(`数据表 ${table.name} 不存在`);
    else if (found !== table.rows) problems.push(`数据表 ${table.name} 有 ${found} 行，备份中为 ${table.rows} 行`);
  }
  return problems;
}

/**
 * The order to load tables in so every foreign key finds its row already there: parents first.
 * A table referring to itself is fine (checked at the end of its COPY); a cycle between tables is not.
 */
export function loadOrder(tables: string[], foreignKeys: { table: string; references: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys) {
    if (fk.table !== fk.references && parents.has(fk.references)) parents.get(fk.table)?.add(fk.references);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const next = remaining.findIndex((t) => [...(parents.get(t) ?? [])].every((p) => placed.has(p)));
    if (next < 0) throw new Error(`数据表之间的外键构成循环，无法确定载入顺序：${remaining.join("、")}`);
    const [table] = remaining.splice(next, 1);
    if (table === undefined) break;
    ordered.push(table);
    placed.add(table);
  }
  return ordered;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** CREATE TABLE for Prisma's own _prisma_migrations table, from its definition read at backup time. */
export function migrationsTableDdl(columns: ColumnDefinition[], constraints: string[]): string {
  const lines = [
    ...columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? " NOT NULL" : ""}${c.default === null ? "" : ` DEFAULT ${c.default}`}`),
    ...constraints,
  ];
  return `CREATE TABLE "_prisma_migrations" (\n  ${lines.join(",\n  ")}\n)`;
}

/** backups/integrity-backup-2026-11-21-153000.tar, in Beijing time. */
export function defaultBackupName(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `integrity-backup-${parts.year}-${parts.month}-${parts.day}-${parts.hour}${parts.minute}${parts.second}.tar`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

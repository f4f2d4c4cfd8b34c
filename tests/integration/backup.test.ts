import { randomBytes } from "node:crypto";
import { copyFile, mkdtemp, open, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "@/lib/backup/backup";
import { codeMigrations, restoreBackup } from "@/lib/backup/restore";
import { uploadEvidence } from "@/lib/files/mutations";
import { DEMO_CYCLE_YEAR } from "@/lib/seed/demo-cycle";
import { seedDemoData } from "@/lib/seed/demo";
import { ROOT, pendingMigrations } from "../../scripts/lib/runtime";
import { samples } from "../unit/files/samples";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createEmptyDatabase, fileFingerprints, tableFingerprints, type TableFingerprint } from "../support/database-fingerprint";

const migrationsDir = path.join(ROOT, "prisma", "migrations");
const app = { name: "integrity-eval", version: "test", commit: null };

let source: TestDatabase;
let target: { url: string; drop: () => Promise<void> };
let work: string;
let sourceFiles: string;
let targetFiles: string;
let backupFile: string;
let snapshot: { tables: Map<string, TableFingerprint>; files: Map<string, string> };

const fingerprint = async (url: string, dir: string) => ({ tables: await tableFingerprints(url), files: await fileFingerprints(dir) });

/** Offset of a tar member's data (ustar: 512-byte headers, data padded to 512). */
async function memberOffset(tar: string, name: string): Promise<number> {
  const bytes = await readFile(tar);
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    const member = header.subarray(0, 100).toString("latin1").replace(/\0.*$/s, "");
    const prefix = header.subarray(345, 500).toString("latin1").replace(/\0.*$/s, "");
    if (member === "") break;
    const size = parseInt(header.subarray(124, 136).toString("latin1").replace(/\0.*$/s, "").trim() || "0", 8);
    if ((prefix ? `${prefix}/${member}` : member) === name) return at + 512;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} not in ${tar}`);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "backup-test-"));
  sourceFiles = path.join(work, "files-source");
  targetFiles = path.join(work, "files-target");
  process.env.EVIDENCE_DIR = sourceFiles;
  source = await createTestDatabase();
  // The demo data: archived 2023 and 2024 (dossier Word files, compiled volumes), 2025 in scoring,
  // 2026 collecting; plus one uploaded evidence file.
  await seedDemoData(source.prisma);
  const cycle = await source.prisma.cycle.findFirstOrThrow({ where: { year: DEMO_CYCLE_YEAR } });
  const assignment = await source.prisma.sourceAssignment.findFirstOrThrow({ where: { cycleId: cycle.id } });
  const user = await source.prisma.user.findFirstOrThrow({ where: { organisationId: assignment.sourceOrgId, roles: { has: "source" } }, include: { organisation: true } });
  await uploadEvidence(
    { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, organisationId: user.organisationId, organisationName: user.organisation.name, mustChangePassword: false },
    { cycleId: cycle.id },
    { name: "执行情况.pdf", bytes: samples.pdf },
  );
  target = await createEmptyDatabase(`integrity_test_restore_${randomBytes(4).toString("hex")}`);
  backupFile = path.join(work, "backups", "backup.tar");
  snapshot = await fingerprint(source.url, sourceFiles);
}, 180_000);

afterAll(async () => {
  delete process.env.EVIDENCE_DIR;
  await target?.drop();
  await source?.drop();
  await rm(work, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up the database and every stored file with a manifest of counts and checksums", async () => {
    expect(await source.prisma.cycle.count({ where: { status: "archived" } })).toBe(2);
    expect(snapshot.files.size).toBeGreaterThan(10);
    const lines: string[] = [];
    const { manifest, bytes } = await createBackup({ databaseUrl: source.url, filesDir: sourceFiles, out: backupFile, migrationsDir, app, log: (l) => lines.push(l) });
    expect(bytes).toBeGreaterThan(0);
    expect(manifest.database.lastMigration).toBe((await codeMigrations(migrationsDir)).at(-1)?.name);
    for (const table of manifest.database.tables) expect(table.rows, table.name).toBe(snapshot.tables.get(table.name)?.rows);
    expect(manifest.database.tables).toHaveLength(snapshot.tables.size);
    const stored = manifest.files.filter((f) => f.path.startsWith("files/"));
    expect(new Map(stored.map((f) => [f.path.slice("files/".length), f.sha256]))).toEqual(snapshot.files);
    expect(lines.some((l) => l.startsWith("导出数据表"))).toBe(true);
    await expect(createBackup({ databaseUrl: source.url, filesDir: sourceFiles, out: backupFile, migrationsDir, app })).rejects.toThrow(/已存在/);
  }, 60_000);

  it("restores into an empty database and file folder: every table's rows and every file identical", async () => {
    const summary = await restoreBackup({ source: backupFile, databaseUrl: target.url, filesDir: targetFiles, migrationsDir });
    expect(summary.pendingMigrations).toEqual([]);
    const restored = await fingerprint(target.url, targetFiles);
    expect(restored.tables).toEqual(snapshot.tables);
    expect(restored.files).toEqual(snapshot.files);
    expect(await pendingMigrations(target.url)).toEqual([]);

    // The archive freeze and the append-only audit log are back on, and new rows get fresh ids.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await expect(client.query("UPDATE cycle SET name = name || '*' WHERE status = 'archived'")).rejects.toThrow(/已归档/);
      await expect(client.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
      const archivedUnit = await client.query("SELECT cu.id FROM cycle_unit cu JOIN cycle c ON c.id = cu.cycle_id WHERE c.status = 'archived' LIMIT 1");
      await expect(client.query("DELETE FROM cycle_unit WHERE id = $1", [archivedUnit.rows[0].id])).rejects.toThrow(/已归档/);
      const before = await client.query("SELECT max(id)::text AS max FROM audit_log");
      const inserted = await client.query("INSERT INTO audit_log (action) VALUES ('test.after-restore') RETURNING id::text");
      expect(BigInt(inserted.rows[0].id)).toBeGreaterThan(BigInt(before.rows[0].max));
    } finally {
      await client.end();
    }
  }, 60_000);

  it("refuses a backup with one changed byte, naming the file, and changes nothing", async () => {
    const damaged = path.join(work, "damaged.tar");
    await copyFile(backupFile, damaged);
    const [victim] = [...snapshot.files.keys()];
    const offset = await memberOffset(damaged, `files/${victim}`);
    const handle = await open(damaged, "r+");
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, offset + 7);
    await handle.write(Buffer.from([(byte[0] ?? 0) ^ 0xff]), 0, 1, offset + 7);
    await handle.close();

    const before = await fingerprint(target.url, targetFiles);
    const attempt = restoreBackup({ source: damaged, databaseUrl: target.url, filesDir: targetFiles, migrationsDir, force: true });
    await expect(attempt).rejects.toThrow(`files/${victim}`);
    await expect(attempt).rejects.toThrow(/已损坏.*未做任何更改/);
    expect(await fingerprint(target.url, targetFiles)).toEqual(before);
  }, 60_000);

  it("refuses to overwrite a database holding data unless forced; forced, it puts the backup's state back", async () => {
    await source.prisma.organisation.create({ data: { name: "备份之后新增的单位", kind: "municipal_department", uscc: "11440300MB2C99999X", roles: ["evaluated"] } });
    const changed = await fingerprint(source.url, sourceFiles);
    expect(changed.tables).not.toEqual(snapshot.tables);

    const refused = restoreBackup({ source: backupFile, databaseUrl: source.url, filesDir: sourceFiles, migrationsDir });
    await expect(refused).rejects.toThrow(/不是空的.*--force/);
    expect(await fingerprint(source.url, sourceFiles)).toEqual(changed);

    await source.prisma.$disconnect();
    await restoreBackup({ source: backupFile, databaseUrl: source.url, filesDir: sourceFiles, migrationsDir, force: true });
    expect(await fingerprint(source.url, sourceFiles)).toEqual(snapshot);
  }, 60_000);
});

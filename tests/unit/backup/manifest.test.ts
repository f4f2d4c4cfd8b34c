import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  BackupRefusal,
  countProblems,
  defaultBackupName,
  fileProblem,
  formatBytes,
  loadOrder,
  migrationProblem,
  migrationsTableDdl,
  parseManifest,
  serializeManifest,
  type BackupManifest,
} from "@/lib/backup/manifest";

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

const manifest: BackupManifest = {
  format: "integrity-eval-backup",
  formatVersion: 1,
  createdAt: "2026-11-21T14:28:24.113Z",
  app: { name: "integrity-eval", version: "0.1.0", commit: "647617b" },
  database: {
    serverVersion: "18.4",
    lastMigration: "20261121073737_init",
    migrations: [{ name: "20261121073737_init", checksum: sha("init"), file: "database/migrations/20261121073737_init.sql" }],
    migrationsTable: { columns: [{ name: "id", type: "character varying(36)", notNull: true, default: null }], constraints: ["CONSTRAINT _prisma_migrations_pkey PRIMARY KEY (id)"] },
    tables: [{ name: "organisation", columns: ["id", "name"], rows: 2, file: "database/tables/organisation.copy.gz" }],
    sequences: [{ name: "audit_log_id_seq", lastValue: "112", isCalled: true }],
  },
  storedFiles: { count: 1, bytes: 3 },
  files: [
    { path: "database/migrations/20261121073737_init.sql", size: 4, sha256: sha("init") },
    { path: "database/tables/organisation.copy.gz", size: 10, sha256: sha("rows") },
    { path: "files/ab/ab0123456789abcdef0123456789abcd", size: 3, sha256: sha("pdf") },
  ],
};

function parse(value: unknown, digest?: string | null) {
  const text = typeof value === "string" ? value : serializeManifest(value as BackupManifest);
  return parseManifest(text, digest === undefined ? `${sha(text)}  manifest.json\n` : digest, sha(text));
}

describe("the manifest", () => {
  it("reads back what was written", () => {
    expect(parse(manifest)).toEqual(manifest);
  });

  it("refuses a manifest whose digest is missing or differs, or that is not JSON", () => {
    expect(() => parse(manifest, null)).toThrow(/缺少 manifest.sha256/);
    expect(() => parse(manifest, `${sha("other")}  manifest.json`)).toThrow(/manifest.json 的 SHA-256 校验值.*不符/);
    expect(() => parse("{not json")).toThrow(/不是有效的 JSON/);
  });

  it("says what is wrong: another format, a newer version, a broken field", () => {
    expect(() => parse({ ...manifest, format: "something-else" })).toThrow(/不是本平台的备份/);
    expect(() => parse({ ...manifest, formatVersion: 2 })).toThrow(/格式版本 2 不受支持/);
    expect(() => parse({ ...manifest, createdAt: "yesterday" })).toThrow(/清单内容有误：createdAt/);
    expect(() => parse({ ...manifest, formatVersion: 2 })).toThrow(BackupRefusal);
  });

  it("refuses paths that could leave the restore folder", () => {
    for (const bad of ["../evil", "files/../../etc/passwd", "/etc/passwd", "files/./x", "files//x", "files\\x", ".."]) {
      const files = [...manifest.files, { path: bad, size: 1, sha256: sha("x") }];
      expect(() => parse({ ...manifest, files }), bad).toThrow(/清单内容有误/);
    }
    expect(() => parse({ ...manifest, files: [...manifest.files, { path: ".hidden/x.part", size: 1, sha256: sha("x") }] })).not.toThrow();
  });

  it("refuses a table or migration file without a checksum entry", () => {
    expect(() => parse({ ...manifest, files: manifest.files.slice(1) })).toThrow(/20261121073737_init.sql 未列出校验值/);
  });
});

describe("checking a file", () => {
  const entry = { path: "files/ab/abc", size: 3, sha256: sha("pdf") };
  it("names a missing, resized or altered file", () => {
    expect(fileProblem(entry, { size: 3, sha256: sha("pdf") })).toBeNull();
    expect(fileProblem(entry, null)).toMatch(/缺少文件 files\/ab\/abc/);
    expect(fileProblem(entry, { size: 4, sha256: sha("pdf") })).toMatch(/files\/ab\/abc 的大小不符（清单记录 3 字节，实际 4 字节）/);
    expect(fileProblem(entry, { size: 3, sha256: sha("pdX") })).toMatch(/files\/ab\/abc 的 SHA-256 校验值不符.*未做任何更改/);
  });
});

describe("migrations of a backup against the code", () => {
  const code = [
    { name: "1_init", checksum: "a" },
    { name: "2_more", checksum: "b" },
  ];
  it("accepts the same migrations or an older prefix of them", () => {
    expect(migrationProblem(code, code)).toBeNull();
    expect(migrationProblem(code.slice(0, 1), code)).toBeNull();
    expect(migrationProblem([], code)).toBeNull();
  });
  it("refuses a backup from newer or different code", () => {
    expect(migrationProblem([...code, { name: "3_new", checksum: "c" }], code)).toMatch(/3_new 不在当前代码的迁移中/);
    expect(migrationProblem([{ name: "2_more", checksum: "b" }], code)).toMatch(/2_more 不在当前代码/);
    expect(migrationProblem([{ name: "1_init", checksum: "x" }], code)).toMatch(/1_init 的内容与当前代码中的不一致/);
  });
});

describe("row counts after a restore", () => {
  it("lists every table whose count differs or that is missing", () => {
    const expected = [
      { name: "a", rows: 1 },
      { name: "b", rows: 2 },
      { name: "c", rows: 0 },
    ];
    expect(countProblems(expected, new Map([["a", 1], ["b", 2], ["c", 0]]))).toEqual([]);
    expect(countProblems(expected, new Map([["a", 1], ["b", 3]]))).toEqual(["数据表 b 有 3 行，备份中为 2 行", "数据表 c 不存在"]);
  });
});

describe("load order", () => {
  it("puts parents before children, ignoring self-references and tables outside the set", () => {
    const order = loadOrder(["cycle_unit", "cycle", "organisation", "audit_log"], [
      { table: "cycle_unit", references: "cycle" },
      { table: "cycle_unit", references: "organisation" },
      { table: "organisation", references: "organisation" },
      { table: "cycle", references: "elsewhere" },
    ]);
    expect(order).toHaveLength(4);
    expect(order.indexOf("cycle")).toBeLessThan(order.indexOf("cycle_unit"));
    expect(order.indexOf("organisation")).toBeLessThan(order.indexOf("cycle_unit"));
  });
  it("refuses a cycle between tables", () => {
    expect(() => loadOrder(["a", "b", "c"], [{ table: "a", references: "b" }, { table: "b", references: "a" }])).toThrow(/循环.*a、b/);
  });
});

describe("small helpers", () => {
  it("writes the migrations table's CREATE TABLE from its definition", () => {
    expect(
      migrationsTableDdl(
        [
          { name: "id", type: "character varying(36)", notNull: true, default: null },
          { name: "started_at", type: "timestamp with time zone", notNull: true, default: "now()" },
          { name: "logs", type: "text", notNull: false, default: null },
        ],
        ["CONSTRAINT _prisma_migrations_pkey PRIMARY KEY (id)"],
      ),
    ).toBe(
      'CREATE TABLE "_prisma_migrations" (\n  "id" character varying(36) NOT NULL,\n  "started_at" timestamp with time zone NOT NULL DEFAULT now(),\n  "logs" text,\n  CONSTRAINT _prisma_migrations_pkey PRIMARY KEY (id)\n)',
    );
  });
  it("names a backup by its Beijing time, whatever the machine's zone", () => {
    expect(defaultBackupName(new Date("2026-11-21T14:28:24Z"))).toBe("integrity-backup-2026-11-21-222824.tar");
    expect(defaultBackupName(new Date("2026-12-31T16:30:05Z"))).toBe("integrity-backup-2027-01-01-003005.tar");
  });
  it("formats sizes", () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(1440256), formatBytes(3 * 1024 ** 3)]).toEqual(["512 B", "1.5 KB", "1.4 MB", "3.00 GB"]);
  });
});

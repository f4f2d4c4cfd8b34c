import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import {
  loadOrder,
  migrationsTableDdl,
  quoteIdent,
  type BackupFileEntry,
  type BackupManifest,
  type BackupTable,
  type ColumnDefinition,
  type MigrationRecord,
} from "./manifest";

/*
 * The database part of a backup, with nothing but a connection: every table of the public schema is
 * copied out (COPY, text format, gzipped) inside one REPEATABLE READ transaction, so the copy is one
 * consistent moment even while the platform runs. The schema is not dumped: it is the applied
 * migrations, whose SQL goes into the backup. (pg_dump would refuse: the embedded server is
 * PostgreSQL 18 and no pg_dump 18 is installable here; docs/operations.md.)
 */

export const MIGRATIONS_TABLE = "_prisma_migrations";

export type DatabasePart = BackupManifest["database"];
type Progress = (message: string) => void;

async function rows<T>(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params)).rows as T[];
}

export async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const found = await rows<{ name: string }>(
    client,
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r'
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
     ORDER BY 1`,
  );
  return found.map((r) => r.name);
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<ColumnDefinition[]> {
  return rows<ColumnDefinition>(
    client,
    `SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
            pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [`public.${quoteIdent(table)}`],
  );
}

/** Row counts of every table in the public schema. */
export async function tableCounts(client: pg.ClientBase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of await publicTables(client)) {
    const [row] = await rows<{ n: string }>(client, `SELECT count(*)::text AS n FROM public.${quoteIdent(table)}`);
    counts.set(table, Number(row?.n ?? 0));
  }
  return counts;
}

/** Tables (other than the migrations record) that hold at least one row. */
export async function tablesWithRows(client: pg.ClientBase): Promise<string[]> {
  const found: string[] = [];
  for (const table of await publicTables(client)) {
    if (table === MIGRATIONS_TABLE) continue;
    const [row] = await rows<{ any: boolean }>(client, `SELECT EXISTS (SELECT 1 FROM public.${quoteIdent(table)}) AS any`);
    if (row?.any) found.push(table);
  }
  return found;
}

function hashing(onDone: (entry: { size: number; sha256: string }) => void): Transform {
  const hash = createHash("sha256");
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      onDone({ size, sha256: hash.digest("hex") });
      done();
    },
  });
}

/**
 * Copies the database into `dir` (database/…): every table, the applied migrations' SQL (read from
 * `migrationsDir`, checked against the checksums the database recorded) and the sequences.
 */
export async function dumpDatabase(
  client: pg.ClientBase,
  dir: string,
  migrationsDir: string,
  progress: Progress,
): Promise<{ database: DatabasePart; files: BackupFileEntry[] }> {
  const files: BackupFileEntry[] = [];
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const serverVersion = (await rows<{ server_version: string }>(client, "SHOW server_version"))[0]?.server_version ?? "";
    const tables = await publicTables(client);
    if (!tables.includes(MIGRATIONS_TABLE)) throw new Error("数据库中没有 _prisma_migrations 表：这不是本平台的数据库，或尚未迁移");
    const applied = await rows<MigrationRecord>(
      client,
      `SELECT migration_name AS name, checksum FROM ${MIGRATIONS_TABLE}
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const migrations: DatabasePart["migrations"] = [];
    await mkdir(path.join(dir, "database", "migrations"), { recursive: true });
    for (const migration of applied) {
      const sql = await readFile(path.join(migrationsDir, migration.name, "migration.sql")).catch(() => null);
      if (sql === null) throw new Error(`数据库已应用迁移 ${migration.name}，但当前代码中没有该迁移：请用与数据库相同版本的程序备份`);
      const sha256 = createHash("sha256").update(sql).digest("hex");
      if (sha256 !== migration.checksum) throw new Error(`迁移 ${migration.name} 的内容与数据库记录的校验值不一致：请用与数据库相同版本的程序备份`);
      const file = `database/migrations/${migration.name}.sql`;
      await writeFile(path.join(dir, file), sql);
      migrations.push({ ...migration, file });
      files.push({ path: file, size: sql.length, sha256 });
    }
    const migrationsTable = {
      columns: await columnsOf(client, MIGRATIONS_TABLE),
      constraints: (
        await rows<{ def: string }>(
          client,
          `SELECT format('CONSTRAINT %I %s', conname, pg_get_constraintdef(oid)) AS def FROM pg_constraint
           WHERE conrelid = $1::regclass ORDER BY conname`,
          [`public.${MIGRATIONS_TABLE}`],
        )
      ).map((r) => r.def),
    };
    const dumped: BackupTable[] = [];
    await mkdir(path.join(dir, "database", "tables"), { recursive: true });
    for (const [index, table] of tables.entries()) {
      const columns = (await columnsOf(client, table)).map((c) => c.name);
      const file = `database/tables/${table}.copy.gz`;
      const copy = client.query(copyTo(`COPY public.${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) TO STDOUT`));
      await pipeline(copy, createGzip(), hashing((entry) => files.push({ path: file, ...entry })), createWriteStream(path.join(dir, file)));
      dumped.push({ name: table, columns, rows: copy.rowCount, file });
      progress(`导出数据表 ${index + 1}/${tables.length}：${table}（${copy.rowCount} 行）`);
    }
    const sequences = await rows<{ name: string }>(
      client,
      "SELECT sequencename::text AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
    );
    const sequenceValues: DatabasePart["sequences"] = [];
    for (const { name } of sequences) {
      const [state] = await rows<{ lastValue: string; isCalled: boolean }>(
        client,
        `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM public.${quoteIdent(name)}`,
      );
      if (state) sequenceValues.push({ name, ...state });
    }
    await client.query("COMMIT");
    return {
      database: {
        serverVersion,
        lastMigration: migrations.at(-1)?.name ?? null,
        migrations,
        migrationsTable,
        tables: dumped,
        sequences: sequenceValues,
      },
      files,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Replaces everything in the public schema with the backup, in ONE transaction: the schema is
 * emptied, the backup's migrations are run (as Prisma runs them: each file as one script), its
 * tables are loaded parents first with their own triggers switched off (the archive freeze would
 * refuse rows of an archived cycle; foreign keys stay checked) and the sequences set. Any failure
 * rolls it all back, leaving the database as it was.
 */
export async function loadDatabase(client: pg.ClientBase, dir: string, database: DatabasePart, progress: Progress): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
    await client.query("GRANT USAGE ON SCHEMA public TO PUBLIC");
    for (const [index, migration] of database.migrations.entries()) {
      await client.query(await readFile(path.join(dir, migration.file), "utf8"));
      progress(`重建数据库结构 ${index + 1}/${database.migrations.length}：${migration.name}`);
    }
    await client.query(migrationsTableDdl(database.migrationsTable.columns, database.migrationsTable.constraints));
    const created = await publicTables(client);
    const expected = database.tables.map((t) => t.name);
    const missing = expected.filter((t) => !created.includes(t));
    const extra = created.filter((t) => !expected.includes(t));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(`备份中的数据表与其迁移建立的数据表不一致（缺少：${missing.join("、") || "无"}；多出：${extra.join("、") || "无"}）`);
    }
    const foreignKeys = await rows<{ table: string; references: string }>(
      client,
      `SELECT c.relname::text AS table, p.relname::text AS references
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
    );
    const order = loadOrder(expected, foreignKeys);
    const byName = new Map(database.tables.map((t) => [t.name, t]));
    for (const [index, name] of order.entries()) {
      const table = byName.get(name);
      if (!table) continue;
      const target = `public.${quoteIdent(name)}`;
      await client.query(`ALTER TABLE ${target} DISABLE TRIGGER USER`);
      const copy = client.query(copyFrom(`COPY ${target} (${table.columns.map(quoteIdent).join(", ")}) FROM STDIN`));
      await pipeline(createReadStream(path.join(dir, table.file)), createGunzip(), copy);
      await client.query(`ALTER TABLE ${target} ENABLE TRIGGER USER`);
      progress(`载入数据表 ${index + 1}/${order.length}：${name}（${copy.rowCount} 行）`);
    }
    for (const sequence of database.sequences) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [`public.${quoteIdent(sequence.name)}`, sequence.lastValue, sequence.isCalled]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { restoreBackup } from "@/lib/backup/restore";
import { cycleOverview } from "@/lib/cycles/data";
import { createPrismaClient } from "@/lib/db/prisma";
import { officeHome } from "@/lib/home/data";
import { rankingPage, rankingSchemes, scoringSummary } from "@/lib/results/data";
import { runScoring } from "@/lib/results/run";
import { rankingQuerySchema } from "@/lib/results/schema";
import { migrate, pendingMigrations, ROOT } from "../../scripts/lib/runtime";
import { createEmptyDatabase, tableFingerprints } from "../support/database-fingerprint";

/*
 * Quality bar "migrations and backups": every migration applies to an empty database and yields the
 * schema prisma/schema.prisma describes; the previous release's database (the newest fixture in
 * tests/fixtures/migrations, made by scripts/migration-fixture.ts) upgrades with its data intact.
 */

const migrationsDir = path.join(ROOT, "prisma", "migrations");
const fixturesDir = path.join(ROOT, "tests", "fixtures", "migrations");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(purpose: string) {
  const database = await createEmptyDatabase(`integrity_test_${purpose}_${randomBytes(4).toString("hex")}`);
  cleanups.push(database.drop);
  return database;
}

/** What Prisma's datamodel can describe: enums, tables, columns, keys, unique and plain indexes. */
async function schemaObjects(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(`
      SELECT format('column %s.%s %s %s default %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                    CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END, pg_get_expr(d.adbin, d.adrelid)) AS line
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f', 'c')
      UNION ALL
      SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL
      SELECT format('enum %s (%s)', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder))
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`);
    return new Set(rows.map((r) => r.line).filter((line) => !line.includes("_prisma_migrations")));
  } finally {
    await client.end();
  }
}

/** Rules the migrations add by hand because the datamodel cannot say them: CHECKs, partial and GIN indexes. */
const beyondDatamodel = (line: string) => / CHECK \(/.test(line) || (line.startsWith("index ") && (/ WHERE /.test(line) || / USING gin /.test(line)));

describe("migrations", () => {
  it("apply to an empty database and give exactly the schema prisma/schema.prisma describes", async () => {
    const migrated = await emptyDatabase("migrated");
    await migrate(migrated.url);
    expect(await pendingMigrations(migrated.url)).toEqual([]);

    // The datamodel's own schema: Prisma's script from nothing to prisma/schema.prisma, run on another empty database.
    const modelled = await emptyDatabase("modelled");
    const diff = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/prisma.ts", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: modelled.url },
      encoding: "utf8",
    });
    expect(diff.status, diff.stderr).toBe(0);
    const client = new pg.Client({ connectionString: modelled.url });
    await client.connect();
    await client.query(diff.stdout).finally(() => client.end());

    const fromMigrations = await schemaObjects(migrated.url);
    const fromDatamodel = await schemaObjects(modelled.url);
    expect([...fromDatamodel].filter((line) => !fromMigrations.has(line))).toEqual([]);
    expect([...fromMigrations].filter((line) => !fromDatamodel.has(line) && !beyondDatamodel(line))).toEqual([]);
    expect(fromDatamodel.size).toBeGreaterThan(300);
  }, 120_000);

  it("upgrade the previous release's database (the newest fixture), keeping its data, readable and scorable by the current code", async () => {
    const fixtures = (await readdir(fixturesDir)).filter((name) => name.endsWith(".tar")).sort();
    const fixture = fixtures.at(-1);
    expect(fixture, "tests/fixtures/migrations holds a fixture (scripts/migration-fixture.ts)").toBeDefined();
    const database = await emptyDatabase("upgrade");
    const files = await mkdtemp(path.join(os.tmpdir(), "migration-fixture-"));
    cleanups.push(() => rm(files, { recursive: true, force: true }));

    // The fixture's own migrations (checked identical to the first ones here), its rows, then the rest.
    const restored = await restoreBackup({ source: path.join(fixturesDir, fixture ?? ""), databaseUrl: database.url, filesDir: files, migrationsDir });
    const fixtureMigration = restored.manifest.database.lastMigration;
    expect(`${fixtureMigration}.tar`).toBe(fixture);
    expect(await pendingMigrations(database.url)).toEqual(restored.pendingMigrations);
    const tables = restored.manifest.database.tables.filter((t) => t.name !== "_prisma_migrations");
    const columns = new Map(tables.map((t) => [t.name, t.columns]));
    const before = await tableFingerprints(database.url, columns);
    expect(tables.filter((t) => t.rows > 0).length).toBeGreaterThan(10);

    await migrate(database.url);
    expect(await pendingMigrations(database.url)).toEqual([]);
    expect(await tableFingerprints(database.url, columns)).toEqual(before);
    for (const table of tables) expect(before.get(table.name)?.rows, table.name).toBe(table.rows);

    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
    const prisma = createPrismaClient(database.url, 2);
    cleanups.push(async () => {
      await prisma.$disconnect();
      await (globalThis as { integrityDb?: { $disconnect(): Promise<void> } }).integrityDb?.$disconnect();
    });
    const cycles = await prisma.cycle.findMany({ orderBy: { year: "asc" } });
    expect(cycles.length).toBeGreaterThan(0);
    for (const cycle of cycles) {
      const overview = await cycleOverview(cycle.id);
      const units = await prisma.cycleUnit.count({ where: { cycleId: cycle.id } });
      expect(overview?.cycle).toMatchObject({ year: cycle.year, status: cycle.status });
      expect(Object.values(overview?.unitCounts ?? {}).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(units);
      const summary = await scoringSummary(cycle.id);
      expect(summary.units).toBe(units);
      for (const scheme of (await rankingSchemes(cycle.id)).filter((s) => s.results > 0)) {
        const page = await rankingPage(cycle.id, scheme.schemeVersionId, rankingQuerySchema.parse({ scheme: scheme.schemeVersionId }), 200);
        expect(page.total).toBe(scheme.results);
      }
    }
    expect((await officeHome()).map((c) => c.id).sort()).toEqual(cycles.filter((c) => c.status !== "archived").map((c) => c.id).sort());

    const scoring = cycles.find((c) => c.status === "scoring");
    if (scoring) {
      const outcome = await runScoring(prisma, null, { cycleId: scoring.id });
      expect(outcome).toMatchObject({ ok: true, units: await prisma.cycleUnit.count({ where: { cycleId: scoring.id } }) });
    }
  }, 120_000);
});

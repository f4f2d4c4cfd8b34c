import path from "node:path";
import pg from "pg";
import { digestFile, listStoredFiles } from "@/lib/backup/files";
import { quoteIdent } from "@/lib/backup/manifest";

export type TableFingerprint = { rows: number; md5: string };

/**
 * Each public table's row count and an MD5 of its rows (as text, sorted), so two databases can be
 * compared whole. `columns` limits a table to those columns (comparing across a migration).
 */
export async function tableFingerprints(url: string, columns?: ReadonlyMap<string, string[]>): Promise<Map<string, TableFingerprint>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = columns
      ? [...columns.keys()]
      : (await client.query("SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1")).rows.map((r: { name: string }) => r.name);
    const result = new Map<string, TableFingerprint>();
    for (const table of tables) {
      const picked = columns?.get(table);
      const row = picked ? `ROW(${picked.map((c) => `t.${quoteIdent(c)}`).join(", ")})::text` : "t::text";
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS md5 FROM public.${quoteIdent(table)} t`,
      );
      result.set(table, rows[0] as TableFingerprint);
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Every file under a folder with its SHA-256, keyed by its path inside the folder. */
export async function fileFingerprints(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const name of await listStoredFiles(dir)) result.set(name, (await digestFile(path.join(dir, name)))?.sha256 ?? "");
  return result;
}

/** A new, completely empty database (not even migrated) on the test server. */
export async function createEmptyDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_ADMIN_URL is set by tests/integration/global-setup.ts");
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${quoteIdent(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`) };
}

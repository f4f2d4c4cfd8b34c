// Integration tests run against a real PostgreSQL: DATABASE_URL when it is set, otherwise a fresh
// embedded server under .data/pg-test. The migrated database becomes a template; each test file
// gets its own copy (CREATE DATABASE … TEMPLATE), so files never see each other's rows.
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { migrate, ROOT } from "../../scripts/lib/runtime";
import { TEMPLATE_DB } from "../support/database";

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export async function setup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = path.join(ROOT, ".data", "pg-test", String(process.pid));
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_PG_PORT ?? (await freePort())),
      database: "postgres",
      fresh: true,
    });
    adminUrl = embedded.adminUrl;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await migrate(templateUrl.toString());
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
}

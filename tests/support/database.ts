import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma";

export const TEMPLATE_DB = "integrity_test_template";

export type TestDatabase = { url: string; prisma: PrismaClient; drop: () => Promise<void> };

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url) throw new Error("TEST_DATABASE_ADMIN_URL is set by tests/integration/global-setup.ts");
  return url;
}

/**
 * A fresh, migrated database for one test file (a copy of the template). Also points
 * process.env.DATABASE_URL at it, so the app's own `db()` uses it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `integrity_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
  const prisma = createPrismaClient(url.toString(), 4);
  return {
    url: url.toString(),
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      const globalDb = (globalThis as { integrityDb?: PrismaClient }).integrityDb;
      await globalDb?.$disconnect();
      const cleaner = new pg.Client({ connectionString: adminUrl() });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}

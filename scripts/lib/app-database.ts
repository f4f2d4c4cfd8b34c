// The platform's database for an operations command (backup, restore): DATABASE_URL when set,
// otherwise the embedded PostgreSQL of `npm start` — reached while the platform runs, or started
// here for the command and stopped after it.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { DATA_DIR, log } from "./runtime";

export type AppDatabase = { url: string; describe: string; close: () => Promise<void> };

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `create`: start (and initialise) the embedded database even when it has no data folder yet. */
export async function openAppDatabase(options: { create: boolean }): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, describe: `${url.hostname}:${url.port || 5432}${url.pathname}`, close: async () => undefined };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = process.env.EMBEDDED_PG_DIR ?? path.join(DATA_DIR, "pg");
  // The account and database scripts/start.ts uses for its embedded server.
  const runningUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/integrity`;
  if (await reachable(runningUrl)) return { url: runningUrl, describe: `内置 PostgreSQL（运行中，端口 ${port}）`, close: async () => undefined };
  if (!options.create && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`未设置 DATABASE_URL，内置数据库目录 ${dataDir} 也不存在：没有可备份的数据库`);
  }
  log(`未设置 DATABASE_URL，启动内置 PostgreSQL（数据目录 ${dataDir}，端口 ${port}）`);
  const embedded = await startEmbeddedPostgres({ dataDir, port, database: "integrity" });
  return { url: embedded.url, describe: `内置 PostgreSQL（${dataDir}）`, close: () => embedded.stop() };
}

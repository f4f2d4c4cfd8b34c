// What the benchmark sections that need async code or a database share: they run themselves in a
// child process (`npm run bench` is synchronous), print figure lines and one JSON summary line, and
// may use a throw-away embedded PostgreSQL of their own.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/**
 * Runs `file` again in a child process with `flag`=1 set; passes its figure lines to `log` and
 * returns its JSON summary line parsed, or null when the child failed.
 */
export function runChild<T>(file: string, flag: string, log: (line: string) => void, timeout = 300_000): { summary: T | null; status: number | null } {
  const result = spawnSync(process.execPath, ["--import", "tsx", file], {
    cwd: ROOT,
    env: { ...process.env, [flag]: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout,
  });
  const lines = (result.stdout ?? "").trim().split("\n").filter(Boolean);
  const summary = lines.find((l) => l.startsWith("{"));
  for (const line of lines) if (!line.startsWith("{")) log(line);
  return { summary: result.status === 0 && summary ? (JSON.parse(summary) as T) : null, status: result.status };
}

/** In the child: runs `main` when this process is the child, exiting with its outcome. */
export function asChild(flag: string, main: () => Promise<void>): void {
  if (process.env[flag] !== "1") return;
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}


/** The app's modules mark themselves "server-only"; outside Next.js that marker is an empty module. */
export function allowServerOnly(): void {
  const require = createRequire(__filename);
  const id = require.resolve("server-only");
  require.cache[id] = { id, filename: id, loaded: true, exports: {} } as NodeJS.Module;
}

/** A fresh, migrated embedded PostgreSQL for the section (DATABASE_URL points at it), removed afterwards. */
export async function withBenchDatabase<T>(name: string, work: (url: string, dataDir: string) => Promise<T>): Promise<T> {
  allowServerOnly();
  const { freePort, startEmbeddedPostgres } = await import("../lib/embedded-postgres");
  const { migrate } = await import("../lib/runtime");
  const dataDir = path.join(ROOT, ".data", "pg-bench", `${name}-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "bench", fresh: true });
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
    delete process.env.INTEGRITY_FAKE_NOW;
    return await work(pg.url, dataDir);
  } finally {
    await pg.stop();
    const fs = await import("node:fs/promises");
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

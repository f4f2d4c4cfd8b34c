import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { E2E } from "./tests/e2e/support/env";

/** Playwright's own Chromium where it is installed, otherwise Debian's /usr/bin/chromium. */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registry entry
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E.baseUrl,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 } } }],
  webServer: {
    // A fresh embedded database with demo data, and the production build from `npm run build`.
    command: "node node_modules/tsx/dist/cli.mjs scripts/start.ts",
    url: `${E2E.baseUrl}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM lets scripts/start.ts stop Next.js and the embedded database cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      EMBEDDED_PG_PORT: String(E2E.pgPort),
      EMBEDDED_PG_DIR: ".data/pg-e2e",
      EMBEDDED_PG_FRESH: "1",
      APP_MODE: "demo",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec signs in and uploads from 127.0.0.1; the limits themselves are tested in the integration tests.
      RATE_LIMIT_SIGN_IN: "10000/1m",
      RATE_LIMIT_UPLOADS: "10000/1m",
    },
  },
});

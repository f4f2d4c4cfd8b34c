import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every route handler that changes state refuses a cross-site request (lib/auth/api.ts
 * crossSiteRefusal) before anything else; server actions get the same check from Next.js. A new
 * POST/PUT/PATCH/DELETE handler without it fails here.
 */

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const MUTATING = /export\s+(?:async\s+function\s+(POST|PUT|PATCH|DELETE)\b|const\s+\{[^}]*\b(POST|PUT|PATCH|DELETE)\b[^}]*\})/;

describe("route handlers that change state", () => {
  const routes = routeFiles("app").map((file) => ({ file, source: readFileSync(file, "utf8") }));
  const mutating = routes.filter((r) => MUTATING.test(r.source));

  it("are found (the upload route and Auth.js)", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(mutating.map((r) => r.file)).toEqual(expect.arrayContaining(["app/api/auth/[...nextauth]/route.ts", "app/files/route.ts"]));
  });

  it("each refuses a cross-site request first", () => {
    for (const { file, source } of mutating) {
      const body = source.slice(source.search(MUTATING));
      expect(body, file).toMatch(/crossSiteRefusal\(request\)/);
    }
  });
});

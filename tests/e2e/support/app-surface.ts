// What the app exposes, read from its files: the pages (app/**/page.tsx), the route handlers
// (app/**/route.ts with their exported methods) and the server actions (exports of "use server"
// files, or of the build's server-reference manifest). The access matrix must name each of them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function appFiles(root: string): string[] {
  return readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
    .map((file) => `app/${file.split(path.sep).join("/")}`)
    .sort();
}

/** "app/(app)/cycles/[id]/page.tsx" → "/cycles/[id]" (route groups do not show in the URL). */
export function urlPattern(file: string): string {
  const segments = file.split("/").slice(1, -1).filter((s) => !/^\(.+\)$/.test(s));
  return `/${segments.join("/")}`;
}

export function appPages(root = "."): string[] {
  return appFiles(root).filter((f) => f.endsWith("/page.tsx")).map(urlPattern);
}

/** Every exported HTTP method of every route handler, as "GET /files/[id]". */
export function appRoutes(root = "."): string[] {
  return appFiles(root)
    .filter((f) => f.endsWith("/route.ts"))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      const declared = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)].map((m) => m[1]!);
      const destructured = [...source.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim().split(/\s*:\s*/).pop()!));
      return [...declared, ...destructured].filter((name) => METHODS.includes(name)).map((method) => `${method} ${urlPattern(file)}`);
    });
}

/** The exported functions of every "use server" file, as "file#name". */
export function sourceActions(root = "."): string[] {
  return appFiles(root)
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      if (!/^\s*["']use server["']/.test(source)) return [];
      return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => `${file}#${m[1]}`);
    });
}

export type BuiltAction = { id: string; key: string; pages: string[] };

const MANIFEST = ".next/server/server-reference-manifest.json";

/** The server actions of the last build, with their ids and the pages that carry them. */
export function builtActions(root = "."): BuiltAction[] {
  const file = path.join(root, MANIFEST);
  if (!existsSync(file)) throw new Error(`${MANIFEST} is missing: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    key: `${entry.filename}#${entry.exportedName}`,
    pages: Object.keys(entry.workers).filter((w) => w.endsWith("/page")).map((w) => urlPattern(`${w}.tsx`)),
  }));
}

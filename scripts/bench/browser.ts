// `npm run bench browser`: the JavaScript a browser downloads for the dashboard (`/`) and a cycle's
// results page, gzip-compressed, against 300 KB (spec/quality.md "browser"). Read from the last
// `next build`: the root main files of .next/build-manifest.json (not the nomodule polyfills) plus the
// entry chunks of every layout, template, loading, error and not-found file on the page's path and of
// the page itself (its client-reference manifest), each gzipped with zlib's default level as a server
// sends it. Run `npm run build` first.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchFigure, BenchSection } from "./types";

const ROOT = path.resolve(__dirname, "..", "..");
const NEXT = path.join(ROOT, ".next");
const BAR_KB = 300;
const PAGES: { label: string; dir: string }[] = [
  { label: "首页（工作台） /", dir: "(app)" },
  { label: "评分结果 /cycles/<id>/results", dir: "(app)/cycles/[id]/results" },
  { label: "单位报告 /cycles/<id>/reports/<unit>", dir: "(app)/cycles/[id]/reports/[unitId]" },
];

type Manifest = { entryJSFiles: Record<string, string[]> };

function clientManifest(dir: string): Manifest {
  const file = path.join(NEXT, "server", "app", dir, "page_client-reference-manifest.js");
  const scope: { __RSC_MANIFEST?: Record<string, Manifest> } = {};
  new Function("globalThis", readFileSync(file, "utf8"))(scope);
  const manifest = Object.values(scope.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`没有读到 ${file}`);
  return manifest;
}

/** The chunks a first visit of the page loads. */
export function pageChunks(dir: string): string[] {
  const build = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const ancestors = new Set(["app", ...dir.split("/").map((_, i, parts) => `app/${parts.slice(0, i + 1).join("/")}`)]);
  const chunks = new Set(build.rootMainFiles);
  for (const [entry, files] of Object.entries(clientManifest(dir).entryJSFiles)) {
    const file = entry.replace(/^\[project\]\//, "");
    const at = file.lastIndexOf("/");
    if (ancestors.has(file.slice(0, at))) for (const f of files) chunks.add(f);
  }
  return [...chunks];
}

export function gzippedBytes(chunks: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const chunk of chunks) {
    const bytes = readFileSync(path.join(NEXT, chunk));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

export const browserBench: BenchSection = {
  name: "browser",
  run(log) {
    if (!existsSync(path.join(NEXT, "BUILD_ID"))) return { passed: false, summary: "没有构建结果：请先运行 npm run build" };
    const figures: BenchFigure[] = [];
    for (const page of PAGES) {
      const chunks = pageChunks(page.dir);
      const { raw, gzip } = gzippedBytes(chunks);
      log(`${page.label}：${chunks.length}个脚本，${(raw / 1000).toFixed(0)} KB，gzip后 ${(gzip / 1000).toFixed(1)} KB（要求 < ${BAR_KB} KB）`);
      figures.push({ what: `浏览器JS（gzip）${page.label.split(" ")[0]}`, value: gzip / 1000, bar: BAR_KB, unit: "KB" });
    }
    const passed = figures.every((f) => f.value < f.bar);
    return { passed, summary: figures.map((f) => `${f.what} ${f.value.toFixed(1)} KB`).join("；") + `（要求 < ${BAR_KB} KB）`, figures };
  },
};

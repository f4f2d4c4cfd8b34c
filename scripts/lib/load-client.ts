// The HTTP side of `npm run load`: signing in through Auth.js's own credentials endpoint (the same
// authorize() as the sign-in form's server action), timed page requests, per-page statistics and the
// server's memory read from /proc. Node built-ins only.
import { readdirSync, readFileSync } from "node:fs";

export type Session = { login: string; cookie: string };
export type Sample = { page: string; ms: number; ok: boolean; status: number; bytes: number };

/** The response's cookies as a browser keeps them: the last Set-Cookie of a name wins (the proxy and the route may both set one). */
function cookiesOf(response: Response): string[] {
  const byName = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    byName.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...byName.values()].filter((c) => !c.endsWith("="));
}

/** Signs in as `login`: GET /api/auth/csrf, then POST /api/auth/callback/credentials; the session cookie. */
export async function signIn(base: string, login: string, password: string): Promise<Session> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: `${base}/` }),
  });
  await answer.arrayBuffer();
  const session = cookiesOf(answer).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`登录失败：${login}（HTTP ${answer.status}，${answer.headers.get("location") ?? ""}；csrf 应答的 cookie：${jar.map((c) => c.split("=")[0]).join(",") || "无"}）`);
  return { login, cookie: session };
}

/** One timed GET; a redirect (to sign-in) or any status but 200 is an error. */
export async function timedGet(base: string, session: Session, page: string, path: string): Promise<Sample> {
  const start = performance.now();
  try {
    const response = await fetch(`${base}${path}`, { redirect: "manual", headers: { cookie: session.cookie } });
    const bytes = (await response.arrayBuffer()).byteLength;
    return { page, ms: performance.now() - start, ok: response.status === 200, status: response.status, bytes };
  } catch {
    return { page, ms: performance.now() - start, ok: false, status: 0, bytes: 0 };
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;

export type PageStats = { page: string; requests: number; errors: number; p50: number; p95: number; max: number; maxKb: number };

export function statsByPage(samples: readonly Sample[]): PageStats[] {
  const pages = [...new Set(samples.map((s) => s.page))];
  return pages.map((page) => {
    const mine = samples.filter((s) => s.page === page);
    const times = mine.map((s) => s.ms).sort((a, b) => a - b);
    return { page, requests: mine.length, errors: mine.filter((s) => !s.ok).length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) ?? 0, maxKb: Math.max(0, ...mine.map((s) => s.bytes)) / 1000 };
  });
}

/** Resident memory in MB of every process in `pgid`'s process group (next start and its next-server), or of `pid` alone. */
export function groupRssMb(pid: number, wholeGroup = true): number {
  let kb = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pgrp = Number(fields[2]);
      if (wholeGroup ? pgrp !== pid : Number(entry) !== pid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // the process ended while being read
    }
  }
  return kb / 1024;
}

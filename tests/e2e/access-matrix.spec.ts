import { unlinkSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { anonymous, callAction, callRoute, FOREIGN_ORIGIN, getPage, signedIn, type Answer } from "./support/access-calls";
import { ACTIONS, actionKey, CALLERS, PAGES, ROLE_ACCOUNTS, ROUTES, routeKey, SCOPE_CASES, type Access, type ActionArgs, type ActionRow, type Caller, type Ids, type State, stateForm } from "./support/access-table";
import { appPages, appRoutes, builtActions, type BuiltAction } from "./support/app-surface";
import { E2E } from "./support/env";
import { sql } from "./support/sql";

// The complete access matrix (spec/quality.md "Security"): every page, route handler and server
// action from tests/e2e/support/access-table.ts, called for real as every role and as an anonymous
// visitor, plus the scope cases (another unit's data, an unassigned indicator, a reviewer before
// approval) and cross-site posts. Allowed calls carry empty or stale input, so no demo data changes;
// the evidence it uploads, the read marks and the cycle it puts into approval are put back.

test.describe.configure({ mode: "serial" });

let ids: Ids;
let built: Map<string, BuiltAction>;
const sessions = new Map<string, APIRequestContext>();
const uploaded: string[] = [];
const drafts: string[] = [];
let unread: string[] = [];
const calls = { pages: 0, routes: 0, actions: 0, scope: 0, crossSite: 0, viaSignIn: 0, signOut: 0 };
const failures: string[] = [];
let leaks = 0;

const one = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T> => {
  const [row] = await sql<T>(text, values);
  if (!row) throw new Error(`no demo row for: ${text} ${JSON.stringify(values)}`);
  return row;
};
const orgOf = async (username: string) => (await one<{ id: string }>("SELECT organisation_id AS id FROM app_user WHERE username = $1", [username])).id;

async function demoIds(): Promise<Omit<Ids, "evidence" | "draftScheme">> {
  const cycles = await sql<{ id: string; year: number }>("SELECT id, year FROM cycle WHERE name = year || '年度政务诚信评价' AND year BETWEEN 2023 AND 2026");
  const cycle = (year: number) => cycles.find((c) => c.year === year)!.id;
  const [fgw, jyj, gaj, sfj, xfj] = await Promise.all(["unit-fgw", "unit-jyj", "unit-gaj", "src-sfj", "unit-xfj"].map(orgOf));
  const schemes = await sql<{ id: string }>("SELECT id FROM scheme_version WHERE status = 'published' ORDER BY code, version LIMIT 2");
  const c2024 = cycle(2024);
  const rect = await one<{ id: string; version: number }>("SELECT id, version FROM rectification WHERE organisation_id = $1 AND year = 2024 ORDER BY position LIMIT 1", [fgw]);
  const entry = async (org: string) => (await one<{ id: string }>("SELECT id FROM dossier_entry WHERE cycle_id = $1 AND organisation_id = $2", [c2024, org])).id;
  return {
    cycle2023: cycle(2023), cycle2024: c2024, cycle2025: cycle(2025), cycle2026: cycle(2026), fgw: fgw!, jyj: jyj!, gaj: gaj!, sfj: sfj!,
    user: (await one<{ id: string }>("SELECT id FROM app_user WHERE username = 'unit-fgw'")).id,
    scheme: schemes[0]!.id, scheme2: schemes[1]!.id,
    run2024: (await one<{ id: string }>("SELECT id FROM scoring_run WHERE cycle_id = $1 ORDER BY number DESC LIMIT 1", [c2024])).id,
    job2024: (await one<{ id: string }>("SELECT id FROM background_job WHERE cycle_id = $1 AND kind = 'archive'", [c2024])).id,
    volume2024: (await one<{ id: string }>("SELECT id FROM compiled_volume WHERE cycle_id = $1", [c2024])).id,
    request2024: (await one<{ id: string }>("SELECT id FROM reevaluation_request WHERE cycle_id = $1 AND unit_id = $2", [c2024, xfj])).id,
    entryFgw2024: await entry(fgw!), entryJyj2024: await entry(jyj!), rectFgw: rect.id, rectFgwVersion: rect.version,
  };
}

/** Evidence 市司法局 uploads now, attached (as addRecord would) to its 2025 record about 市发改委. */
async function evidenceOnRecord(base: Omit<Ids, "evidence" | "draftScheme">): Promise<string> {
  const before = uploaded.length;
  const answer = await callRoute(await session("src-sfj"), { method: "POST", body: "evidence-upload" }, "/files", base.cycle2026, uploaded);
  expect(answer.verdict, "src-sfj uploads evidence").toBe("allowed");
  const id = uploaded[before]!;
  await sql(
    `UPDATE evidence SET cycle_id = $2, record_id = (SELECT id FROM fact_record WHERE cycle_id = $2 AND source_org_id = $3 AND unit_id = $4 ORDER BY created_at LIMIT 1) WHERE id = $1`,
    [id, base.cycle2025, base.sfj, base.fgw],
  );
  return id;
}

/** A scheme draft made by office1 through the editor's own action (removed again afterwards). */
async function draftScheme(sourceId: string): Promise<string> {
  const create = built.get("app/(app)/schemes/actions.ts#createSchemeDraftAction")!;
  const answer = await callAction(await session(ROLE_ACCOUNTS.office), create.id, "/schemes/new", stateForm({ sourceId, code: "access-matrix-draft", name: "访问矩阵测试草稿" }));
  const id = /\/schemes\/([^/?;]+)/.exec(answer.detail ?? "")?.[1];
  if (!id) throw new Error(`office1 could not make a scheme draft: ${JSON.stringify(answer)}`);
  drafts.push(id);
  return id;
}

async function session(login: string | null): Promise<APIRequestContext> {
  const key = login ?? "";
  if (!sessions.has(key)) sessions.set(key, login ? await signedIn(login, built.get("app/login/actions.ts#signInAction")!.id) : await anonymous());
  return sessions.get(key)!;
}
const loginOf = (caller: Caller) => (caller === "anonymous" ? null : ROLE_ACCOUNTS[caller]);
const allows = (access: Access, caller: Caller) => access === "everyone" || (caller !== "anonymous" && access.includes(caller));

function actionCall(key: string): { id: string; path: string } {
  const action = built.get(key);
  const page = PAGES.find((p) => action?.pages.includes(p.path));
  if (!action || !page) throw new Error(`${key}: not in the build, or on no page of the table`);
  return { id: action.id, path: page.url(ids) };
}
const runAction = async (context: APIRequestContext, key: string, args: ActionArgs, origin?: string) => {
  const { id, path: at } = actionCall(key);
  return callAction(context, id, at, args, origin);
};

/** Records a call's answer against what was expected; a refused call that was allowed is a leak. */
function judge(what: string, expected: "allowed" | "refused", answer: Answer, code?: string) {
  if (process.env.ACCESS_MATRIX_LOG) console.log(`${what} → ${answer.verdict} ${answer.status} ${answer.code ?? ""} ${answer.detail ?? ""}`);
  const ok = code ? answer.code === code : answer.verdict === expected;
  if (ok) return;
  if (expected === "refused" && answer.verdict === "allowed") leaks += 1;
  failures.push(`${what}: expected ${expected}${code ? ` (${code})` : ""}, got ${answer.verdict} ${answer.status}${answer.code ? ` ${answer.code}` : ""}${answer.detail ? ` ${answer.detail}` : ""}`);
}

/** Runs the calls a few at a time (the server has two cores). */
async function inParallel(jobs: (() => Promise<void>)[], width = 4) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) await jobs[next++]!();
  }));
}

/** Puts the 2025 cycle into approval for the calls that need one, and back afterwards. */
async function inState(state: State | undefined, run: () => Promise<void>) {
  if (!state) return run();
  const { status } = await one<{ status: string }>("SELECT status::text AS status FROM cycle WHERE id = $1", [ids.cycle2025]);
  await sql(`UPDATE cycle SET status = 'approval' WHERE id = $1`, [ids.cycle2025]);
  try {
    await run();
  } finally {
    await sql(`UPDATE cycle SET status = $2::"CycleStatus" WHERE id = $1`, [ids.cycle2025, status]);
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  built = new Map(builtActions().map((a) => [a.key, a]));
  const base = await demoIds();
  ids = { ...base, evidence: await evidenceOnRecord(base), draftScheme: await draftScheme(base.scheme) };
  await Promise.all(Object.values(ROLE_ACCOUNTS).map(session));
  unread = (await sql<{ id: string }>("SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.read_at IS NULL AND u.username = ANY($1)", [Object.values(ROLE_ACCOUNTS)])).map((r) => r.id);
});

test.afterAll(async () => {
  if (unread.length > 0) await sql("UPDATE notification SET read_at = NULL WHERE id = ANY($1)", [unread]);
  const files = await sql<{ stored_name: string }>("SELECT stored_name FROM evidence WHERE id = ANY($1)", [uploaded]);
  await sql("DELETE FROM evidence WHERE id = ANY($1)", [uploaded]);
  await sql("DELETE FROM scheme_version WHERE id = ANY($1) AND status = 'draft'", [drafts]);
  for (const { stored_name: name } of files) unlinkSync(path.resolve(process.env.EVIDENCE_DIR || ".data/evidence", name.slice(0, 2), name));
  await Promise.all([...sessions.values()].map((s) => s.dispose()));
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  console.log(`access matrix: ${total} calls (pages ${calls.pages}, routes ${calls.routes}, actions ${calls.actions}, scope cases ${calls.scope}, cross-site ${calls.crossSite}, anonymous via /login ${calls.viaSignIn}, sign-out ${calls.signOut}), ${leaks} leaks`);
});

test("the table names every page, route handler and server action of the app, and nothing else", () => {
  const missing = (have: string[], named: string[]) => ({ notInTable: have.filter((x) => !named.includes(x)), notInApp: named.filter((x) => !have.includes(x)) });
  const none = { notInTable: [], notInApp: [] };
  expect(missing(appPages(), PAGES.map((p) => p.path)), "pages (app/**/page.tsx)").toEqual(none);
  expect(missing(appRoutes(), ROUTES.map(routeKey)), "route handlers (app/**/route.ts)").toEqual(none);
  expect(missing([...built.keys()], ACTIONS.map(actionKey)), "server actions (.next/server/server-reference-manifest.json)").toEqual(none);
  const named = new Set([...PAGES.map((p) => p.path), ...ROUTES.map(routeKey), ...ACTIONS.map(actionKey)]);
  expect(SCOPE_CASES.map((c) => ("page" in c ? c.page : "route" in c ? c.route : c.action)).filter((k) => !named.has(k)), "scope cases name rows of the table").toEqual([]);
});

test("every role and an anonymous visitor get exactly what the table allows", async () => {
  test.setTimeout(240_000);
  const jobs = (state?: State) => [
    ...PAGES.filter((p) => p.state === state).flatMap((p) => CALLERS.map((caller) => async () => {
      calls.pages += 1;
      judge(`${caller} GET ${p.url(ids)}`, allows(p.allow, caller) ? "allowed" : "refused", await getPage(await session(loginOf(caller)), p.url(ids), p.signedInRedirect && caller !== "anonymous"));
    })),
    ...ROUTES.filter((r) => r.state === state).flatMap((r) => CALLERS.map((caller) => async () => {
      calls.routes += 1;
      judge(`${caller} ${r.method} ${r.url(ids)}`, allows(r.allow, caller) ? "allowed" : "refused", await callRoute(await session(loginOf(caller)), r, r.url(ids), ids.cycle2026, uploaded));
    })),
    ...ACTIONS.filter((a) => !a.endsSession && state === undefined).flatMap((a) => CALLERS.map((caller) => async () => {
      calls.actions += 1;
      judge(`${caller} ${a.name}`, allows(a.allow, caller) ? "allowed" : "refused", await runAction(await session(loginOf(caller)), actionKey(a), a.args(ids)));
    })),
  ];
  await inParallel(jobs());
  await inState("approval", () => inParallel(jobs("approval")));
  expect(failures.splice(0)).toEqual([]);
});

test("scope: another unit's data, an unassigned indicator, a reviewer before approval", async () => {
  test.setTimeout(120_000);
  for (const c of SCOPE_CASES) {
    await inState(c.state, async () => {
      const context = await session(c.login);
      const before = c.unchanged ? await sql(c.unchanged.sql, c.unchanged.params(ids)) : null;
      const answer = "page" in c ? await getPage(context, c.url(ids)) : "route" in c ? await callRoute(context, ROUTES.find((r) => routeKey(r) === c.route)!, c.url(ids), ids.cycle2026, uploaded) : await runAction(context, c.action, c.args(ids));
      calls.scope += 1;
      judge(`${c.login}: ${c.title}`, c.expect, answer, c.code);
      if (c.unchanged) expect(await sql(c.unchanged.sql, c.unchanged.params(ids)), `${c.title}: unchanged`).toEqual(before);
    });
  }
  expect(failures.splice(0)).toEqual([]);
});

test("a state change from another site is refused: every server action module and every POST route", async () => {
  const firstAllowed = (access: Access): Caller => CALLERS.find((caller) => allows(access, caller))!;
  const modules = [...new Map(ACTIONS.filter((a) => !a.endsSession).map((a) => [a.file, a] as const)).values()];
  // Next.js makes this check for every action alike (and logs each refusal): one action per module.
  for (const a of modules) {
    calls.crossSite += 1;
    const answer = await runAction(await session(loginOf(firstAllowed(a.allow))), actionKey(a), a.args(ids), FOREIGN_ORIGIN);
    if (answer.verdict === "allowed") judge(`${a.name} from Origin ${FOREIGN_ORIGIN}`, "refused", answer);
  }
  for (const r of ROUTES.filter((row) => row.method === "POST")) {
    const context = await session(loginOf(firstAllowed(r.allow)));
    for (const origin of [FOREIGN_ORIGIN, "null"]) {
      calls.crossSite += 1;
      judge(`POST ${r.path} from Origin ${origin}`, "refused", await callRoute(context, r, r.url(ids), ids.cycle2026, uploaded, origin));
    }
  }
  // Auth.js's sign-in needs its CSRF token even from the app's own origin.
  const anon = await anonymous();
  const noToken = await anon.post("/api/auth/callback/credentials", { headers: { Origin: E2E.baseUrl }, form: { login: "" }, maxRedirects: 0 });
  calls.crossSite += 1;
  expect(noToken.headers()["location"] ?? "", "credentials without a CSRF token").toContain("MissingCSRF");
  await anon.dispose();
  expect(failures.splice(0)).toEqual([]);
});

test("an anonymous visitor reaches no action through the public sign-in page", async () => {
  const anon = await session(null);
  for (const a of ACTIONS.filter((row) => row.allow !== "everyone")) {
    calls.viaSignIn += 1;
    const answer = await callAction(anon, built.get(actionKey(a))!.id, "/login", a.args(ids));
    if (answer.verdict === "allowed") judge(`anonymous ${a.name} posted to /login`, "refused", answer);
  }
  expect(failures.splice(0)).toEqual([]);
});

test("signing out is for signed-in users and ends the session", async () => {
  const signOut = ACTIONS.find((a) => a.endsSession) as ActionRow;
  for (const caller of CALLERS) {
    const context = await session(loginOf(caller));
    calls.signOut += 1;
    judge(`${caller} ${signOut.name}`, allows(signOut.allow, caller) ? "allowed" : "refused", await runAction(context, actionKey(signOut), signOut.args(ids)));
    if (caller !== "anonymous") expect((await getPage(context, "/")).verdict, `${caller}'s session has ended`).toBe("refused");
  }
  expect(failures.splice(0)).toEqual([]);
});

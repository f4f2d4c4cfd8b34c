import { expect, test, type APIResponse, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";

// spec/quality.md "Security": markup users type stays text on every page; uploads with wrong content,
// oversize or hostile names are refused or neutralised; downloads are attachments with safe names;
// state changes from another site are refused; every kind of response carries the security headers.
// The hostile texts are written straight into the e2e database (the archived demo years are frozen
// by triggers, which this spec's own session switches off) and put back afterwards.

test.describe.configure({ mode: "serial" });

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const SVG = '"><svg onload=alert(1)>';
const hostile = (label: string) => `${label}${SCRIPT}${IMG}${SVG}`;

async function withDb<T>(work: (client: pg.Client) => Promise<T>, options: { triggersOff?: boolean } = {}): Promise<T> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    if (options.triggersOff) await client.query("SET session_replication_role = replica");
    return await work(client);
  } finally {
    await client.end();
  }
}

const one = async <T extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[] = []): Promise<T> => {
  const rows = (await client.query<T>(text, values)).rows;
  if (!rows[0]) throw new Error(`no row: ${text}`);
  return rows[0];
};

type Ids = { cycle: string; fgw: string; xfj: string; request: string; entry: string; office1: string };
let ids: Ids;
const restore: (() => Promise<unknown>)[] = [];

test.beforeAll(async () => {
  ids = await withDb(async (c) => {
    const cycle = (await one<{ id: string }>(c, "SELECT id FROM cycle WHERE year = 2024")).id;
    const org = async (username: string) => (await one<{ organisation_id: string }>(c, "SELECT organisation_id FROM app_user WHERE username = $1", [username])).organisation_id;
    const [fgw, xfj] = [await org("unit-fgw"), await org("unit-xfj")];
    const request = (await one<{ id: string }>(c, "SELECT id FROM reevaluation_request WHERE cycle_id = $1 AND unit_id = $2", [cycle, xfj])).id;
    const entry = (await one<{ id: string }>(c, "SELECT id FROM dossier_entry WHERE cycle_id = $1 AND organisation_id = $2", [cycle, fgw])).id;
    const office1 = (await one<{ id: string }>(c, "SELECT id FROM app_user WHERE username = 'office1'")).id;
    return { cycle, fgw, xfj, request, entry, office1 };
  });

  await withDb(
    async (c) => {
      // New rows: an organisation, its user, a notice, a report text, an amendment.
      await c.query(
        `INSERT INTO organisation (id, name, kind, uscc, roles, updated_at) VALUES ('e2e-hostile-org', $1, 'municipal_department', '11230400MB00HOSTIL', ARRAY['evaluated']::"OrgRole"[], now())`,
        [hostile("鹤岗市恶意测试局")],
      );
      await c.query(
        `INSERT INTO app_user (id, username, display_name, password_hash, organisation_id, roles, updated_at) VALUES ('e2e-hostile-user', 'hostile-user', $1, 'x', 'e2e-hostile-org', ARRAY['unit']::"UserRole"[], now())`,
        [hostile("恶意用户")],
      );
      await c.query(`INSERT INTO notification (id, user_id, kind, title, body) VALUES ('e2e-hostile-notice', $1, 'e2e', $2, $3)`, [ids.office1, hostile("通知标题"), hostile("通知内容")]);
      const { result, version } = await one<{ result: string; version: number }>(
        c,
        `SELECT u.issued_result_id AS result, COALESCE((SELECT max(version) FROM report_text t WHERE t.cycle_id = u.cycle_id AND t.unit_id = u.organisation_id), 0) + 1 AS version
         FROM cycle_unit u WHERE u.cycle_id = $1 AND u.organisation_id = $2`,
        [ids.cycle, ids.fgw],
      );
      await c.query(
        `INSERT INTO report_text (id, cycle_id, unit_id, version, result_id, items, edited_by_id, edited_by_name) VALUES ('e2e-hostile-text', $1, $2, $3, $4, $5, $6, $7)`,
        [ids.cycle, ids.fgw, version, result, JSON.stringify([{ indicatorCode: "", problem: hostile("存在问题"), suggestion: hostile("整改建议") }]), ids.office1, hostile("编辑人")],
      );
      await c.query(
        `INSERT INTO dossier_amendment (id, entry_id, organisation_id, subject, before, after, reason, created_by_id, created_by_name) VALUES ('e2e-hostile-amendment', $1, $2, 'text', NULL, $3, $4, $5, '信用办 王丽')`,
        [ids.entry, ids.fgw, hostile("更正内容"), hostile("更正理由"), ids.office1],
      );
      await c.query(
        `INSERT INTO approval_unit (id, approval_id, cycle_id, unit_id, comment, resolution, resolution_note, resolved_at)
         VALUES ('e2e-hostile-sendback', (SELECT id FROM cycle_approval WHERE cycle_id = $1 ORDER BY round DESC LIMIT 1), $1, $2, $3, 'unchanged', $4, now())`,
        [ids.cycle, ids.fgw, hostile("退回意见"), hostile("处理说明")],
      );
      restore.push(() =>
        withDb(
          async (r) => {
            await r.query("DELETE FROM approval_unit WHERE id = 'e2e-hostile-sendback'");
            await r.query("DELETE FROM dossier_amendment WHERE id = 'e2e-hostile-amendment'");
            await r.query("DELETE FROM report_text WHERE id = 'e2e-hostile-text'");
            await r.query("DELETE FROM notification WHERE id = 'e2e-hostile-notice'");
            await r.query("DELETE FROM app_user WHERE id = 'e2e-hostile-user'");
            await r.query("DELETE FROM organisation WHERE id = 'e2e-hostile-org'");
          },
          { triggersOff: true },
        ),
      );

      // Existing rows, put back afterwards: the request's reasons, the approval comment, a record, the rectification.
      const texts: [table: string, column: string, where: string, params: unknown[], value: string][] = [
        ["request_item", "reason", "request_id = $1", [ids.request], hostile("申请理由")],
        ["request_item", "decision_reason", "request_id = $1", [ids.request], hostile("不予采纳理由")],
        ["cycle_approval", "comment", "cycle_id = $1", [ids.cycle], hostile("审批意见")],
        ["fact_record", "description", "id = (SELECT id FROM fact_record WHERE cycle_id = $1 AND unit_id = $2 ORDER BY id LIMIT 1)", [ids.cycle, ids.fgw], hostile("事件描述")],
        ["submission", "return_comment", "id = (SELECT s.id FROM submission s JOIN app_user u ON u.organisation_id = s.source_org_id WHERE s.cycle_id = $1 AND u.username = 'src-sfj')", [ids.cycle], hostile("退回报送意见")],
        ["submission", "status", "id = (SELECT s.id FROM submission s JOIN app_user u ON u.organisation_id = s.source_org_id WHERE s.cycle_id = $1 AND u.username = 'src-sfj')", [ids.cycle], "returned"],
        ["rectification", "measures", "id = (SELECT id FROM rectification WHERE organisation_id = $1 ORDER BY year, position LIMIT 1)", [ids.fgw], hostile("整改措施")],
      ];
      for (const [table, column, where, params, value] of texts) {
        const before = await c.query<{ id: string; old: string | null }>(`SELECT id, ${column} AS old FROM ${table} WHERE ${where}`, params);
        if (before.rows.length === 0) throw new Error(`no ${table} row for ${where}`);
        await c.query(`UPDATE ${table} SET ${column} = $${params.length + 1} WHERE ${where}`, [...params, value]);
        restore.push(() =>
          withDb(
            async (r) => {
              for (const row of before.rows) await r.query(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, [row.old, row.id]);
            },
            { triggersOff: true },
          ),
        );
      }
    },
    { triggersOff: true },
  );
});

test.afterAll(async () => {
  for (const undo of restore.reverse()) await undo();
});

/** Fails the test on any dialog (an alert from injected script). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

/** Elements the hostile texts would create if they were ever parsed as markup. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]')].map((e) => e.outerHTML.slice(0, 80)),
    ...[...document.scripts].filter((s) => s.textContent?.trim() === "alert(1)").map((s) => s.outerHTML),
  ]);
}

async function expectInert(page: Page, url: string, labels: string[], dialogs: string[]) {
  await page.goto(url);
  for (const label of labels) await expect(page.locator("main")).toContainText(hostile(label));
  expect(await injectedElements(page), url).toEqual([]);
  expect(dialogs, url).toEqual([]);
}

/** A fresh browser context signed in as the user (sessions never leak from one user to the next). */
async function signedIn(browser: Browser, username: string): Promise<{ page: Page; dialogs: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = watchDialogs(page);
  await signInAs(page, username);
  return { page, dialogs, close: () => context.close() };
}

test("markup in every free-text field shows as text and never runs", async ({ browser }) => {
  const office = await signedIn(browser, "office1");
  await expectInert(office.page, `/orgs?q=${encodeURIComponent("鹤岗市恶意测试局")}`, ["鹤岗市恶意测试局"], office.dialogs);
  await expectInert(office.page, "/orgs/e2e-hostile-org", ["鹤岗市恶意测试局"], office.dialogs);
  await expectInert(office.page, "/notifications", ["通知标题", "通知内容"], office.dialogs);
  await expectInert(office.page, `/cycles/${ids.cycle}/requests/${ids.request}`, ["申请理由", "不予采纳理由"], office.dialogs);
  await expectInert(office.page, `/cycles/${ids.cycle}/approval`, ["审批意见", "退回意见", "处理说明"], office.dialogs);
  await expectInert(office.page, `/cycles/${ids.cycle}/reports/${ids.fgw}`, ["存在问题", "整改建议", "事件描述"], office.dialogs);
  await expectInert(office.page, `/dossiers/${ids.fgw}`, ["整改措施"], office.dialogs);
  await expectInert(office.page, `/dossiers/${ids.fgw}/entries/${ids.entry}`, ["更正内容", "更正理由"], office.dialogs);
  await office.close();

  const admin = await signedIn(browser, "admin");
  await expectInert(admin.page, "/users?q=hostile-user", ["恶意用户"], admin.dialogs);
  await expectInert(admin.page, "/users/e2e-hostile-user", ["恶意用户", "鹤岗市恶意测试局"], admin.dialogs);
  await admin.close();

  const unit = await signedIn(browser, "unit-fgw");
  await expectInert(unit.page, `/unit/${ids.cycle}/report`, ["存在问题", "事件描述"], unit.dialogs);
  await expectInert(unit.page, "/unit/dossier", ["整改措施"], unit.dialogs);
  await unit.close();

  const source = await signedIn(browser, "src-sfj");
  await expectInert(source.page, `/collect/${ids.cycle}`, ["退回报送意见"], source.dialogs);
  await source.close();
});

const SECURITY_HEADERS = {
  "content-security-policy": /default-src 'self'.*frame-ancestors 'none'/,
  "x-frame-options": /^DENY$/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
};

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name] ?? "", `${what}: ${name}`).toMatch(value);
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90), Buffer.from("This program cannot be run in DOS mode.")]);

/** The collecting cycle and a source of it that has not submitted yet (so it may still upload). */
async function openSource(): Promise<{ cycleId: string; username: string }> {
  return withDb(async (c) => {
    const cycleId = (await one<{ id: string }>(c, "SELECT id FROM cycle WHERE status = 'collecting' ORDER BY year DESC LIMIT 1")).id;
    const { username } = await one<{ username: string }>(
      c,
      `SELECT u.username FROM app_user u
       JOIN source_assignment a ON a.source_org_id = u.organisation_id AND a.cycle_id = $1
       LEFT JOIN submission s ON s.cycle_id = $1 AND s.source_org_id = u.organisation_id
       WHERE 'source' = ANY(u.roles) AND u.active AND u.username LIKE 'src-%' AND (s.status IS NULL OR s.status <> 'submitted')
       ORDER BY u.username LIMIT 1`,
      [cycleId],
    );
    return { cycleId, username };
  });
}

test("uploads: wrong content and oversize refused, hostile names neutralised, downloads safe; other sites and anonymous callers refused", async ({ page, playwright }) => {
  const { cycleId, username } = await openSource();
  await signInAs(page, username);
  const upload = (name: string, buffer: Buffer, headers: Record<string, string> = {}) =>
    page.request.post("/files", { headers, multipart: { cycleId, purpose: "evidence", file: { name, mimeType: "application/pdf", buffer } }, maxRedirects: 0 });

  const stored = await upload("../../<script>alert(1)</script>\u202Efdp.pdf", PDF, { Origin: E2E.baseUrl });
  expect(stored.status()).toBe(200);
  const file = (await stored.json()).file as { id: string; name: string };
  expect(file.name).toBe("script_fdp.pdf");
  const download = await page.request.get(`/files/${file.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toBe(`attachment; filename="script_fdp.pdf"; filename*=UTF-8''script_fdp.pdf`);
  expect(download.headers()["cache-control"]).toContain("no-store");
  expectSecurityHeaders(download, "file download");

  const device = await (await upload("CON.pdf", PDF)).json();
  expect(device.file.name).toBe("_CON.pdf");
  const chinese = await (await upload(`证明材料（${"长".repeat(200)}）.pdf`, PDF)).json();
  expect(chinese.file.name).toHaveLength(120);
  const chineseDownload = await page.request.get(`/files/${chinese.file.id}`);
  expect(chineseDownload.headers()["content-disposition"]).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''(%[0-9A-F]{2}|[A-Za-z0-9._-])+$/);

  const exe = await upload("setup.pdf", EXE);
  expect(exe.status()).toBe(400);
  expect((await exe.json()).error).toContain("不是可接受的文件类型");
  const html = await upload("页面.pdf", Buffer.from(`<html><body>${SCRIPT}</body></html>`));
  expect(html.status()).toBe(400);
  const oversize = await upload("大文件.pdf", Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024, 0x20)]));
  expect([400, 413]).toContain(oversize.status());
  expect((await oversize.json()).error).toContain("大小上限");

  for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1"]) {
    const crossSite = await upload("a.pdf", PDF, { Origin: origin });
    expect(crossSite.status(), origin).toBe(403);
    expect((await crossSite.json()).error).toContain("请求来源无效");
  }
  expect((await upload("a.pdf", PDF, { "Sec-Fetch-Site": "cross-site" })).status()).toBe(403);
  const signOut = await page.request.post("/api/auth/signout", { headers: { Origin: "https://evil.example" }, form: { csrfToken: "x" }, maxRedirects: 0 });
  expect(signOut.status()).toBe(403);

  const anonymous = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  const noSession = await anonymous.post("/files", { multipart: { cycleId, purpose: "evidence", file: { name: "a.pdf", mimeType: "application/pdf", buffer: PDF } }, maxRedirects: 0 });
  expect(noSession.ok()).toBe(false);
  if (noSession.status() !== 401) expect(noSession.headers().location).toContain("/login");
  expect((await anonymous.get(`/files/${file.id}`, { maxRedirects: 0 })).ok()).toBe(false);
  await anonymous.dispose();
});

test("every kind of response carries the security headers", async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  const login = await anonymous.get("/login");
  expect(login.status()).toBe(200);
  expectSecurityHeaders(login, "sign-in page");
  const redirect = await anonymous.get("/cycles", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectSecurityHeaders(redirect, "redirect to sign-in");
  expectSecurityHeaders(await anonymous.get("/api/auth/session"), "Auth.js route");
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(await login.text())?.[0];
  expect(chunk).toBeTruthy();
  expectSecurityHeaders(await anonymous.get(chunk!), "static script");
  const apiAnonymous = await anonymous.get("/api/orgs/search?q=x");
  expect(apiAnonymous.status()).toBe(401);
  expectSecurityHeaders(apiAnonymous, "API refusal");
  await anonymous.dispose();

  await signInAs(page, "office1");
  const home = await page.request.get("/");
  expect(home.status()).toBe(200);
  expectSecurityHeaders(home, "page");
  const missing = await page.request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing, "404 page");
  const api = await page.request.get(`/api/orgs/search?q=${encodeURIComponent("鹤岗")}`);
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api, "route handler");
  const noFile = await page.request.get("/files/no-such-file");
  expect(noFile.status()).toBe(404);
  expectSecurityHeaders(noFile, "file 404");
  const exported = await page.request.get("/orgs/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="export.xlsx"; filename\*=UTF-8''/);
  expectSecurityHeaders(exported, "Excel export");
});

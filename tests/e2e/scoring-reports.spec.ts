import { expect, test, type Page } from "@playwright/test";
import JSZip from "jszip";
import pg from "pg";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";

// The demo's 2025 cycle is collected in full and closed for scoring. Staff run scoring, read and
// edit a report, download it, issue the reports; the unit reads exactly its own.

test.describe.configure({ mode: "serial" });

const CYCLE = "2025年度政务诚信评价";
const UNIT = "鹤岗市发展和改革委员会";

async function ids(): Promise<{ cycleId: string; fgw: string; jyj: string }> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    const cycle = await client.query<{ id: string }>("SELECT id FROM cycle WHERE year = 2025");
    const orgs = await client.query<{ id: string; name: string }>("SELECT o.id, o.name FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.username IN ('unit-fgw', 'unit-jyj') ORDER BY u.username");
    return { cycleId: cycle.rows[0]!.id, fgw: orgs.rows[0]!.id, jyj: orgs.rows[1]!.id };
  } finally {
    await client.end();
  }
}

async function openCycle(page: Page) {
  await page.goto("/cycles");
  await page.getByRole("link", { name: CYCLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: CYCLE })).toBeVisible();
}

test("staff run scoring, review and edit a report, download it, and issue; the unit reads only its own", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { cycleId, fgw, jyj } = await ids();
  await signInAs(page, "office1");
  await openCycle(page);
  await page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name: "评分", exact: true }).click();
  await page.getByTestId("start-scoring").getByRole("button", { name: "开始评分" }).click();
  // The run continues on the server; the page follows its progress and shows the result.
  await expect(page.getByTestId("run-row").first()).toContainText("已完成", { timeout: 60_000 });
  await page.screenshot({ path: "docs/screenshots/scoring-runs.png", fullPage: true });

  await page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name: "评分结果" }).click();
  const rows = page.getByTestId("ranking-row");
  await expect(rows.first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/results.png", fullPage: true });
  await page.getByRole("link", { name: `${UNIT}的报告` }).click();

  const report = page.getByTestId("report");
  await expect(report.getByRole("heading", { level: 1 })).toHaveText(`${UNIT}2025年度政务诚信评价报告`);
  await expect(page.getByTestId("report-marking")).toHaveText("内部资料 注意保密");
  await expect(page.getByTestId("report-version")).toHaveText("初评");
  for (const part of ["一、综合评分和总体评价", "二、单项评分及说明", "三、存在问题及改进建议", "四、评价所依据的主要信息", "五、其他需要载明的事项"]) {
    await expect(report.getByRole("heading", { level: 2, name: part })).toBeVisible();
  }
  const total = (await page.getByTestId("report-total").textContent())!.trim();
  expect(total).toMatch(/^\d+\.\d{2}$/);
  await page.screenshot({ path: "docs/screenshots/report.png", fullPage: true });

  // Staff edit part 3: the first generated problem gets their own wording.
  await page.getByRole("link", { name: "编辑问题与建议" }).click();
  await page.getByRole("button", { name: "增加一条" }).click();
  const items = page.getByTestId("text-item");
  const last = items.last();
  await last.getByLabel("存在的问题").fill("经核查，2025年度政务公开专栏更新不及时。");
  await last.getByLabel("改进建议").fill("明确专人负责，每月检查政务公开专栏。");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("问题与建议已保存（第1版）");
  await expect(page.getByTestId("report-problems")).toContainText("经核查，2025年度政务公开专栏更新不及时。");

  // The Word file carries the same total and the edited text.
  const docx = await page.request.get(`/cycles/${cycleId}/reports/${fgw}/docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  const xml = await (await JSZip.loadAsync(await docx.body())).file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "");
  expect(text).toContain(UNIT);
  expect(text).toContain(total);
  expect(text).toContain("经核查，2025年度政务公开专栏更新不及时。");
  const xlsx = await page.request.get(`/cycles/${cycleId}/reports/${fgw}/xlsx`);
  expect(xlsx.status()).toBe(200);

  // Before issue the unit sees nothing.
  const unitContext = await browser.newContext();
  const unitPage = await unitContext.newPage();
  await signInAs(unitPage, "unit-fgw");
  expect((await unitPage.goto(`/unit/${cycleId}/report`))!.status()).toBe(404);

  // Issue all.
  await page.goto(`/cycles/${cycleId}/issue`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("issue-all").getByRole("button").click();
  await expect(page.getByTestId("issue-done")).toContainText("已送达30个单位的初评报告");
  await expect(page.getByTestId("issue-all")).toHaveCount(0);
  // The office sees each unit's deadline and the time left.
  await expect(page.getByRole("row", { name: new RegExp(UNIT) })).toContainText(/反馈期内（剩余 \d+ 天/);
  await page.screenshot({ path: "docs/screenshots/issue.png", fullPage: true });

  // The unit is told, and reads exactly its own report, as issued.
  await unitPage.goto("/notifications");
  await expect(unitPage.getByText(`${CYCLE}初评报告已送达`).first()).toBeVisible();
  await unitPage.goto(`/unit/${cycleId}`);
  await unitPage.getByTestId("unit-report-card").getByRole("link", { name: "查看初评报告" }).click();
  await expect(unitPage.getByTestId("report-total")).toHaveText(total);
  await expect(unitPage.getByTestId("report-problems")).toContainText("经核查，2025年度政务公开专栏更新不及时。");
  await expect(unitPage.getByRole("link", { name: "编辑问题与建议" })).toHaveCount(0);
  expect((await unitPage.request.get(`/unit/${cycleId}/report/docx`)).status()).toBe(200);
  await unitPage.setViewportSize({ width: 390, height: 844 });
  await unitPage.getByTestId("report").scrollIntoViewIfNeeded();
  expect(await unitPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await unitPage.screenshot({ path: "docs/screenshots/unit-report-phone.png", fullPage: false });
  // Its window: the deadline is shown; it confirms.
  await expect(unitPage.getByTestId("feedback-deadline")).toContainText("送达之日起第5个工作日24时");
  await expect(unitPage.getByTestId("feedback-state")).toHaveText("反馈期内");
  unitPage.once("dialog", (dialog) => void dialog.accept());
  await unitPage.getByTestId("confirm-result").getByRole("button", { name: "确认初评结果" }).click();
  await expect(unitPage.getByTestId("feedback-state")).toHaveText("已确认");
  await expect(unitPage.getByRole("link", { name: "申请复评" })).toHaveCount(0);
  // Another unit's report, by any address, is not found.
  expect((await unitPage.goto(`/cycles/${cycleId}/reports/${jyj}`))!.status()).toBe(404);
  expect((await unitPage.request.get(`/cycles/${cycleId}/reports/${jyj}/docx`)).status()).toBe(404);
  expect((await unitPage.request.get(`/cycles/${cycleId}/reports/${fgw}/docx`)).status()).toBe(404);
  await unitContext.close();

  // Another unit files its one request on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const jyjPage = await phone.newPage();
  await signInAs(jyjPage, "unit-jyj");
  await jyjPage.goto(`/unit/${cycleId}/report`);
  await jyjPage.getByRole("link", { name: "申请复评" }).click();
  const law = jyjPage.getByTestId("request-indicator").filter({ hasText: "依法行政考核" });
  await law.getByRole("checkbox").check();
  await law.getByLabel("理由（写明事实和依据）").fill("短");
  jyjPage.once("dialog", (dialog) => void dialog.accept());
  await jyjPage.getByRole("button", { name: /提交复评申请/ }).click();
  await expect(law.getByText("请写明理由（至少5个字）")).toBeVisible();
  await law.getByLabel("理由（写明事实和依据）").fill("考核扣分所依据的通报已于2025年12月撤销，请复核。");
  const target = jyjPage.getByTestId("request-indicator").filter({ hasText: "综合责任目标考核" });
  await target.getByRole("checkbox").check();
  await target.getByLabel("理由（写明事实和依据）").fill("市委考评办已将本单位年度考核等次复核为优秀，附通知。");
  expect(await jyjPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await jyjPage.screenshot({ path: "docs/screenshots/request-phone.png", fullPage: true });
  jyjPage.once("dialog", (dialog) => void dialog.accept());
  await jyjPage.getByRole("button", { name: /提交复评申请/ }).click();
  await expect(jyjPage.getByText("复评申请已提交")).toBeVisible();
  await expect(jyjPage.getByTestId("feedback-state")).toHaveText("已申请复评");
  await expect(jyjPage.getByTestId("request-summary")).toContainText("考核扣分所依据的通报已于2025年12月撤销");
  await jyjPage.goto(`/unit/${cycleId}/request`);
  await expect(jyjPage.getByRole("main").getByRole("alert")).toContainText("只能申请一次");
  await phone.close();

  // A source department sees no result at all.
  const sourceContext = await browser.newContext();
  const sourcePage = await sourceContext.newPage();
  await signInAs(sourcePage, "src-sfj");
  expect((await sourcePage.goto(`/cycles/${cycleId}/results`))!.status()).toBe(404);
  expect((await sourcePage.goto(`/cycles/${cycleId}/reports/${fgw}`))!.status()).toBe(404);
  await sourceContext.close();
});

test("every scoring and report page and download answers only the roles allowed", async ({ browser }) => {
  test.setTimeout(120_000);
  const { cycleId, fgw } = await ids();
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  const run = (await client.query<{ id: string }>("SELECT id FROM scoring_run WHERE cycle_id = $1 ORDER BY number LIMIT 1", [cycleId])).rows[0]!.id;
  await client.end();
  const staff = [
    `/cycles/${cycleId}/scoring`, `/cycles/${cycleId}/scoring/runs/${run}`, `/cycles/${cycleId}/scoring/compare`, `/cycles/${cycleId}/scoring/progress`,
    `/cycles/${cycleId}/results`, `/cycles/${cycleId}/results/export`, `/cycles/${cycleId}/issue`,
    `/cycles/${cycleId}/reports/${fgw}`, `/cycles/${cycleId}/reports/${fgw}/edit`, `/cycles/${cycleId}/reports/${fgw}/docx`, `/cycles/${cycleId}/reports/${fgw}/xlsx`,
    `/cycles/${cycleId}/facts?u=${fgw}&i=LAW.EXAM`, `/cycles/${cycleId}/requests`,
  ];
  const own = [`/unit/${cycleId}/report`, `/unit/${cycleId}/report/docx`, `/unit/${cycleId}/report/xlsx`, `/unit/${cycleId}/request`];
  // The cycle is in feedback: reviewers read results only once it is under approval.
  const allowed: Record<string, (url: string) => boolean> = {
    office1: (url) => staff.includes(url),
    reviewer: () => false,
    admin: () => false,
    "src-sfj": () => false,
    "unit-fgw": (url) => own.includes(url),
    "unit-jyj": (url) => own.includes(url),
  };
  const leaks: string[] = [];
  for (const [login, may] of Object.entries(allowed)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, login);
    for (const url of [...staff, ...own]) {
      const status = (await page.request.get(url, { maxRedirects: 0 })).status();
      const ok = status === 200;
      if (ok !== may(url)) leaks.push(`${login} ${url} → ${status}`);
    }
    await context.close();
  }
  expect(leaks).toEqual([]);
});

test("the office decides the request under four eyes; the unit reads its revised, final report; a silent unit lapses", async ({ browser }) => {
  test.setTimeout(120_000);
  const { cycleId, jyj } = await ids();
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  const tier = (await client.query<{ tier: string }>(
    "SELECT value->>'tier' AS tier FROM fact_entry WHERE cycle_id = $1 AND unit_id = $2 AND indicator_code = 'DILIGENT.TARGET' AND answer = 'value'", [cycleId, jyj],
  )).rows[0]!.tier;
  const corrected = tier === "优秀" ? "良好" : "优秀";

  // office1 ran the scoring: four eyes send the decision to office2.
  const first = await browser.newContext();
  const office1 = await first.newPage();
  await signInAs(office1, "office1");
  await office1.goto(`/cycles/${cycleId}/requests`);
  await office1.getByRole("link", { name: "处理鹤岗市教育局的复评申请" }).click();
  await expect(office1.getByTestId("four-eyes")).toContainText("四眼原则");
  await expect(office1.getByRole("button", { name: "记录决定" })).toHaveCount(0);
  await first.close();

  const second = await browser.newContext();
  const page = await second.newPage();
  await signInAs(page, "office2");
  await page.goto(`/cycles/${cycleId}/requests`);
  await expect(page.getByTestId("request-row")).toContainText("待决定");
  await page.getByRole("link", { name: "处理鹤岗市教育局的复评申请" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "鹤岗市教育局的复评申请" })).toBeVisible();
  const requestUrl = page.url();
  // Upheld: the facts are corrected first, with a reason.
  await page.getByTestId("decide-DILIGENT.TARGET").getByRole("link", { name: "更正该指标的数据" }).click();
  const form = page.getByRole("form", { name: "填报数值" });
  await form.getByLabel("等次").selectOption(corrected);
  await form.getByLabel("更正原因").fill("复评采纳：市委考评办通知复核了考核等次");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByRole("status")).toHaveText("已更正数值，更正原因已留存");
  await page.goto(requestUrl);
  const upheld = page.getByTestId("decide-DILIGENT.TARGET");
  await upheld.getByLabel(/^采纳/).check();
  await upheld.getByLabel("决定理由").fill("考评办通知确认，已更正考核等次");
  await upheld.getByRole("button", { name: "记录决定" }).click();
  const items = page.getByTestId("request-item");
  await expect(items.filter({ hasText: "综合责任目标考核" }).getByTestId("item-decision")).toContainText("采纳：考评办通知确认，已更正考核等次");
  const rejected = page.getByTestId("decide-LAW.EXAM");
  await rejected.getByLabel("不予采纳").check();
  await rejected.getByLabel("决定理由").fill("理由和证明材料不充分");
  await rejected.getByRole("button", { name: "记录决定" }).click();
  await expect(items.filter({ hasText: "依法行政考核" }).getByTestId("item-decision")).toContainText("不予采纳：理由和证明材料不充分");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("complete-review").getByRole("button").click();
  await expect(page.getByTestId("review-completed")).toContainText("复评完成");
  await page.screenshot({ path: "docs/screenshots/request-decided.png", fullPage: true });
  await second.close();

  // The unit reads its revised report: each disputed indicator's initial and final score with the decision.
  const unit = await browser.newContext();
  const jyjPage = await unit.newPage();
  await signInAs(jyjPage, "unit-jyj");
  await jyjPage.goto(`/unit/${cycleId}/report`);
  await expect(jyjPage.getByTestId("feedback-state")).toHaveText("复评完成");
  await expect(jyjPage.getByTestId("report-version")).toHaveText("复评");
  await expect(jyjPage.getByTestId("report")).toContainText("理由和证明材料不充分");
  await expect(jyjPage.getByTestId("report")).toContainText("考评办通知确认，已更正考核等次");
  await jyjPage.goto("/notifications");
  await expect(jyjPage.getByText("复评结果已作出").first()).toBeVisible();
  await unit.close();

  // A unit that does nothing: once its deadline has passed (set back here, as the clock would), it has lapsed.
  await client.query("UPDATE cycle_unit SET feedback_ends_at = now() - interval '1 second' WHERE cycle_id = $1 AND organisation_id = (SELECT organisation_id FROM app_user WHERE username = 'unit-gaj')", [cycleId]);
  await client.end();
  const silent = await browser.newContext();
  const gajPage = await silent.newPage();
  await signInAs(gajPage, "unit-gaj");
  await gajPage.goto(`/unit/${cycleId}/report`);
  await expect(gajPage.getByTestId("feedback-state")).toHaveText("逾期未反馈（初评即最终）");
  await expect(gajPage.getByRole("link", { name: "申请复评" })).toHaveCount(0);
  await silent.close();
});

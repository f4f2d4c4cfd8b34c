import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import JSZip from "jszip";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";
import { sql } from "./support/sql";

// The whole year in the browser, on a 2028 cycle of the demo's municipal departments: office1 sets
// it up and opens collection; the court reports through its workspace (the other ten sources are
// filled in by the facts generator, so the browser spends its time on the later steps); office1
// closes collection, scores and issues; 市发改委 confirms, 市教育局 files a request that office2
// decides (four eyes); the other units' windows are set to have passed, as the clock would; office1
// submits for approval; the reviewer sends one unit back, office2 handles it, the reviewer approves;
// office1 archives with progress; 市发改委 sees the year in its dossier; the volume downloads and
// parses back with every unit in it.

test.describe.configure({ mode: "serial" });

const YEAR = 2028;
const CYCLE = `${YEAR}年度政务诚信评价`;

async function as(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, login);
  return page;
}

const tab = (page: Page, name: string) => page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name, exact: true });

let cycleId = "";

test("set up, collect, score and issue", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await as(browser, "office1");
  await page.goto("/cycles/new");
  await page.getByLabel("评价年度").fill(String(YEAR));
  await page.getByRole("button", { name: "创建评价周期" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CYCLE);
  cycleId = new URL(page.url()).pathname.split("/")[2]!;

  await tab(page, "指标体系").click();
  const municipal = page.locator('[data-kind="municipal_department"]');
  await municipal.getByLabel("市直部门的指标体系").selectOption({ label: "2022版政务诚信评价标准（鹤岗市）（hegang-2022 第1版）" });
  await municipal.getByRole("button", { name: "保存" }).click();
  await expect(municipal.getByRole("status")).toHaveText("已保存指标体系");
  await tab(page, "受评单位").click();
  const byKind = page.getByTestId("enrol-kind");
  await byKind.getByLabel("单位类别").selectOption("municipal_department");
  await byKind.getByRole("button", { name: "纳入该类别全部单位" }).click();
  await expect(byKind.getByRole("status")).toContainText(/新纳入\d+个单位/);
  await tab(page, "数据来源").click();
  await page.getByRole("button", { name: "应用方案默认数据来源" }).click();
  await expect(page.getByTestId("apply-defaults").getByRole("status")).toContainText("新增14条分配");
  await tab(page, "概览").click();
  await page.getByRole("button", { name: "开始数据归集" }).click();
  await page.getByRole("dialog", { name: "确认开始数据归集" }).getByRole("button", { name: "确认开始" }).click();
  await expect(page.locator('[aria-current="step"]')).toContainText("数据归集");

  // The court reports "none" for every unit through its workspace and submits.
  const court = await as(browser, "src-court");
  await court.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据报送" }).click();
  await court.getByRole("link", { name: CYCLE }).click();
  await court.getByRole("link", { name: "失信信息", exact: true }).click();
  await court.getByRole("button", { name: "全部无记录的单位标记为无" }).click();
  await court.getByRole("form", { name: "确认批量标记为无" }).getByRole("button", { name: "确认标记" }).click();
  await expect(court.getByRole("status").filter({ hasText: /已将\d+个无记录的单位标记为“无”/ })).toBeVisible();
  await court.getByRole("link", { name: "返回指标列表" }).click();
  await court.getByRole("link", { name: /^提交报送/ }).click();
  await court.getByRole("button", { name: "提交报送" }).click();
  await court.getByRole("form", { name: "确认提交" }).getByRole("button", { name: "确认提交" }).click();
  await expect(court.getByTestId("submission-status")).toHaveText("已提交");
  await court.context().close();
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/e2e/support/generate-facts.ts", E2E.databaseUrl, cycleId], { stdio: "pipe" });
  const answers = await sql<{ answer: string }>("SELECT answer::text FROM fact_entry WHERE cycle_id = $1 AND indicator_code = 'LAW.DISHONEST'", [cycleId]);
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.every((a) => a.answer === "none")).toBe(true);

  await page.goto(`/cycles/${cycleId}`);
  await page.getByRole("link", { name: "结束数据归集" }).click();
  await page.getByTestId("close-collection").getByRole("button", { name: "确认结束数据归集" }).click();
  await expect(page.getByRole("status").filter({ hasText: "数据归集已结束" })).toBeVisible();

  await tab(page, "评分").click();
  await page.getByTestId("start-scoring").getByRole("button", { name: "开始评分" }).click();
  await expect(page.getByTestId("run-row").first()).toContainText("已完成", { timeout: 60_000 });
  await page.goto(`/cycles/${cycleId}/issue`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("issue-all").getByRole("button").click();
  await expect(page.getByTestId("issue-done")).toContainText(/已送达\d+个单位的初评报告/);
  await page.context().close();
});

test("one unit confirms, one requests and office2 decides; the other windows pass", async ({ browser }) => {
  test.setTimeout(180_000);
  const fgw = await as(browser, "unit-fgw");
  await fgw.goto(`/unit/${cycleId}/report`);
  fgw.once("dialog", (dialog) => void dialog.accept());
  await fgw.getByTestId("confirm-result").getByRole("button", { name: "确认初评结果" }).click();
  await expect(fgw.getByTestId("feedback-state")).toHaveText("已确认");
  await fgw.context().close();

  const jyj = await as(browser, "unit-jyj");
  await jyj.goto(`/unit/${cycleId}/report`);
  await jyj.getByRole("link", { name: "申请复评" }).click();
  const law = jyj.getByTestId("request-indicator").filter({ hasText: "依法行政考核" });
  await law.getByRole("checkbox").check();
  await law.getByLabel("理由（写明事实和依据）").fill("考核扣分所依据的通报已经撤销，请复核。");
  jyj.once("dialog", (dialog) => void dialog.accept());
  await jyj.getByRole("button", { name: /提交复评申请/ }).click();
  await expect(jyj.getByTestId("feedback-state")).toHaveText("已申请复评");
  await jyj.context().close();

  const office2 = await as(browser, "office2");
  await office2.goto(`/cycles/${cycleId}/requests`);
  await office2.getByRole("link", { name: "处理鹤岗市教育局的复评申请" }).click();
  const rejected = office2.getByTestId("decide-LAW.EXAM");
  await rejected.getByLabel("不予采纳").check();
  await rejected.getByLabel("决定理由").fill("理由和证明材料不充分");
  await rejected.getByRole("button", { name: "记录决定" }).click();
  await expect(office2.getByTestId("request-item").getByTestId("item-decision")).toContainText("不予采纳");
  office2.once("dialog", (dialog) => void dialog.accept());
  await office2.getByTestId("complete-review").getByRole("button").click();
  await expect(office2.getByTestId("review-completed")).toContainText("复评完成");
  await office2.context().close();

  // Everyone else says nothing: their windows end (set back here, as the clock would).
  await sql("UPDATE cycle_unit SET feedback_ends_at = now() - interval '1 second' WHERE cycle_id = $1 AND confirmed_at IS NULL AND id NOT IN (SELECT cycle_unit_id FROM reevaluation_request)", [cycleId]);
});

test("approval with a send-back, then archive with progress, the dossier and the volume", async ({ browser }) => {
  test.setTimeout(240_000);
  const office1 = await as(browser, "office1");
  await office1.goto(`/cycles/${cycleId}`);
  await tab(office1, "结果审批").click();
  await expect(office1.getByTestId("approval-blockers")).toHaveCount(0);
  office1.once("dialog", (dialog) => void dialog.accept());
  await office1.getByTestId("open-approval").getByRole("button", { name: "提交审批" }).click();
  await expect(office1.getByTestId("approval-status")).toContainText("等待审批部门审批");
  await office1.screenshot({ path: "docs/screenshots/approval-office.png", fullPage: true });

  // The reviewer sends 市公安局 back with a reason.
  const reviewer = await as(browser, "reviewer");
  await reviewer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "结果审批" }).click();
  await reviewer.getByTestId("review-cycles").getByRole("link", { name: CYCLE }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(CYCLE);
  const form = reviewer.getByTestId("review-decision");
  await form.getByLabel("退回部分单位，要求信用办修改").check();
  await form.getByLabel("审批意见").fill("个别单位的评价依据需要核实");
  await form.getByLabel("查找要退回的单位").fill("公安局");
  await form.getByRole("button", { name: "退回鹤岗市公安局" }).click();
  await form.getByRole("button", { name: "退回1个单位" }).click();
  await expect(form.getByText(/请填写退回理由/)).toBeVisible();
  await form.getByLabel("鹤岗市公安局的退回理由").fill("失信信息的核查结果请再次确认");
  await reviewer.screenshot({ path: "docs/screenshots/approval-review.png", fullPage: true });
  await form.getByRole("button", { name: "退回1个单位" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已退回所选单位" })).toBeVisible();
  await expect(reviewer.getByTestId("review-state")).toContainText("退回的1个单位信用办尚未处理完毕");

  // office2 keeps the result with an explanation; the reviewer approves.
  const office2 = await as(browser, "office2");
  await office2.goto(`/cycles/${cycleId}/approval`);
  const sent = office2.getByTestId("sent-back").getByRole("listitem").filter({ hasText: "鹤岗市公安局" });
  await expect(sent).toContainText("失信信息的核查结果请再次确认");
  await sent.getByLabel("维持原评价结果").check();
  await sent.getByLabel("鹤岗市公安局的处理说明").fill("经与市中级人民法院核实，评价年度内无失信被执行人记录，维持原结果。");
  await sent.getByRole("button", { name: "提交处理结果" }).click();
  await expect(office2.getByTestId("approval-rounds")).toContainText("维持原结果：经与市中级人民法院核实");
  await office2.context().close();

  await reviewer.reload();
  await reviewer.getByTestId("review-decision").getByLabel("审批意见").fill("评价程序规范，结果客观，同意。");
  await reviewer.getByTestId("review-decision").getByRole("button", { name: "批准" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "已批准评价结果" })).toBeVisible();

  // office1 archives: the page follows the job to its end.
  await office1.goto(`/cycles/${cycleId}/archive`);
  // The confirmation says what will happen; dismissing it changes nothing.
  office1.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("评价周期变为只读");
    void dialog.dismiss();
  });
  await office1.getByTestId("start-archive").getByRole("button", { name: "归档并生成汇编" }).click();
  await expect(office1.getByTestId("job-progress")).toHaveCount(0);
  expect((await sql<{ n: string }>("SELECT count(*) AS n FROM background_job WHERE cycle_id = $1", [cycleId]))[0]!.n).toBe("0");
  office1.once("dialog", (dialog) => void dialog.accept());
  await office1.getByTestId("start-archive").getByRole("button", { name: "归档并生成汇编" }).click();
  await expect(office1.getByTestId("archived")).toContainText("份最终评价报告已存入各单位诚信档案", { timeout: 120_000 });
  const volumes = office1.getByTestId("volumes");
  await expect(volumes.locator("tbody tr")).toHaveCount(1);
  await office1.getByTestId("dispatch-form").getByLabel("报送对象").selectOption("party_committee");
  await office1.getByTestId("dispatch-form").getByRole("button", { name: "记录报送" }).click();
  await expect(office1.getByTestId("dispatches")).toContainText("市委");
  await expect(office1.getByTestId("outstanding")).toContainText("市人大常委会、市政府、市政协");
  await office1.screenshot({ path: "docs/screenshots/archive.png", fullPage: true });

  // The volume parses back: every unit's chapter, with the ranking table before them.
  const href = (await volumes.getByRole("link", { name: "下载汇编（Word）" }).getAttribute("href"))!;
  const file = await office1.request.get(href);
  expect(file.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await file.body())).file("word/document.xml")!.async("string");
  const text = xml.replace(/<[^>]+>/g, "");
  const units = await sql<{ name: string }>("SELECT o.name FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id WHERE cu.cycle_id = $1", [cycleId]);
  for (const unit of units) expect(text).toContain(unit.name);
  expect(text).toContain(CYCLE);
  expect(text).toContain("内部资料");
  // The reviewer may download it too; a unit may not.
  expect((await reviewer.request.get(href)).status()).toBe(200);
  await reviewer.context().close();

  // The archived cycle is read-only: scoring is refused.
  await office1.goto(`/cycles/${cycleId}/scoring`);
  await expect(office1.getByTestId("start-scoring")).toContainText("本周期已过评分阶段，不能再评分");
  await expect(office1.getByTestId("start-scoring").getByRole("button", { name: "开始评分" })).toBeDisabled();

  // 市发改委 sees the year in its dossier, beside the demo's archived years.
  const fgw = await as(browser, "unit-fgw");
  expect((await fgw.request.get(href)).status()).toBe(404);
  await fgw.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本单位档案" }).click();
  await expect(fgw.getByRole("main")).toContainText(String(YEAR));
  await expect(fgw.getByRole("main")).toContainText("2024");
  await expect(fgw.getByRole("main")).toContainText("2023");
  await fgw.screenshot({ path: "docs/screenshots/dossier-unit.png", fullPage: true });
  await fgw.context().close();
  await office1.context().close();
});

test("every approval, archive, volume and dossier address answers only the roles allowed", async ({ browser }) => {
  test.setTimeout(120_000);
  const [volume] = await sql<{ id: string }>("SELECT id FROM compiled_volume WHERE cycle_id = $1", [cycleId]);
  const [job] = await sql<{ id: string }>("SELECT id FROM background_job WHERE cycle_id = $1 LIMIT 1", [cycleId]);
  const [fgwOrg] = await sql<{ organisation_id: string }>("SELECT organisation_id FROM app_user WHERE username = 'unit-fgw'");
  const [entry] = await sql<{ id: string }>("SELECT id FROM dossier_entry WHERE cycle_id = $1 AND organisation_id = $2", [cycleId, fgwOrg!.organisation_id]);
  const c = `/cycles/${cycleId}`;
  const office = [`${c}/approval`, `${c}/archive`, `${c}/archive/progress?job=${job!.id}`];
  const staffRead = [`${c}/archive/volume/${volume!.id}`, "/dossiers", "/dossiers/export", `/dossiers/${fgwOrg!.organisation_id}`, `/dossiers/${fgwOrg!.organisation_id}/entries/${entry!.id}`, `/dossiers/${fgwOrg!.organisation_id}/entries/${entry!.id}/docx`];
  const review = ["/review", `/review/${cycleId}`];
  const own = ["/unit/dossier", `/unit/dossier/entries/${entry!.id}`, `/unit/dossier/entries/${entry!.id}/docx`];
  const allowed: Record<string, (url: string) => boolean> = {
    office1: (url) => office.includes(url) || staffRead.includes(url),
    reviewer: (url) => staffRead.includes(url) || review.includes(url),
    admin: () => false,
    "src-sfj": () => false,
    "unit-fgw": (url) => own.includes(url),
    // Its own dossier only: 市发改委's entries are not found.
    "unit-jyj": (url) => url === "/unit/dossier",
  };
  const leaks: string[] = [];
  for (const [login, may] of Object.entries(allowed)) {
    const page = await as(browser, login);
    for (const url of [...office, ...staffRead, ...review, ...own, `/review/${cycleId}/units`]) {
      const status = (await page.request.get(url, { maxRedirects: 0 })).status();
      if ((status === 200) !== may(url)) leaks.push(`${login} ${url} → ${status}`);
    }
    await page.context().close();
  }
  expect(leaks).toEqual([]);
});

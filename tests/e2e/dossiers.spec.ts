import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";

// The demo's archived years (2023, 2024) fill the dossiers. The unit reads its own dossier and
// reports rectification; another unit's entry is 404. The office searches, reviews and amends; the
// reviewer reads only. Set DOSSIER_SHOTS=<dir> to keep full-page screenshots of each page.

test.describe.configure({ mode: "serial" });

const UNIT = "鹤岗市发展和改革委员会";

async function entryOf(username: string, year: number): Promise<string> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    const row = await client.query<{ id: string }>(
      "SELECT e.id FROM dossier_entry e JOIN app_user u ON u.organisation_id = e.organisation_id WHERE u.username = $1 AND e.year = $2",
      [username, year],
    );
    return row.rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function shot(page: Page, name: string) {
  if (process.env.DOSSIER_SHOTS) await page.screenshot({ path: `${process.env.DOSSIER_SHOTS}/${name}.png`, fullPage: true });
}

test("the unit reads its own dossier, reports rectification and downloads the archived Word file; another unit's is 404", async ({ page }) => {
  await signInAs(page, "unit-fgw");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本单位档案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "本单位诚信档案" })).toBeVisible();
  await expect(page.getByTestId("dossier-years").locator("[data-year]")).toHaveCount(2);
  await expect(page.getByTestId("dossier-years").locator("[data-year]").first()).toHaveAttribute("data-year", "2024");
  await expect(page.getByTestId("dossier-trend")).toBeVisible();
  await expect(page.getByTestId("carried-forward")).toContainText("上年度未完成整改");
  await shot(page, "unit-dossier");

  const form = page.getByTestId("current-rectification").locator("form[data-testid^='rectify-']").first();
  await form.getByLabel("整改状态").selectOption("done");
  await form.getByRole("button", { name: "报送整改情况" }).click();
  await expect(form.getByText("整改中或已完成时，请填写已采取的整改措施")).toBeVisible();
  await expect(form.getByText("已完成时，请填写实际完成日期")).toBeVisible();
  await form.getByLabel("整改状态").selectOption("in_progress");
  await form.getByLabel(/整改措施/).fill("已制定整改方案，明确责任科室和完成时限。");
  await form.getByRole("button", { name: "报送整改情况" }).click();
  await expect(form.getByRole("status")).toHaveText("整改情况已报送，等待信用办审核");
  await expect(page.getByTestId("current-rectification").getByTestId("rectification-stage").first()).toHaveText("整改中，待信用办审核");

  await page.getByTestId("dossier-years").locator("[data-year='2024']").getByRole("link", { name: "查看报告" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${UNIT}2024年度政务诚信评价报告` })).toBeVisible();
  await expect(page.getByTestId("archived-note")).toContainText("归档，内容不再改变");
  await shot(page, "unit-archived-report");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载归档Word文件" }).click()]);
  expect(download.suggestedFilename()).toBe(`${UNIT}2024年度政务诚信评价报告（归档）.docx`);

  const theirs = await entryOf("unit-jyj", 2024);
  expect((await page.goto(`/unit/dossier/entries/${theirs}`))!.status()).toBe(404);
  expect((await page.request.get(`/unit/dossier/entries/${theirs}/docx`)).status()).toBe(404);
  expect((await page.goto("/dossiers"))!.status()).toBe(404);
});

test("the office searches the dossiers, reviews rectification and amends an archived entry", async ({ page }) => {
  await signInAs(page, "office1");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "诚信档案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "诚信档案" })).toBeVisible();
  await shot(page, "office-search");
  await page.getByLabel("名称或信用代码").fill("发展和改革");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("dossier-table").locator("tbody tr")).toHaveCount(1);
  const exported = await page.request.get("/dossiers/export?q=发展和改革");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("spreadsheetml");
  await page.getByRole("link", { name: UNIT }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${UNIT}诚信档案` })).toBeVisible();
  await shot(page, "office-dossier");

  const review = page.locator("form[data-testid^='review-']").first();
  await review.getByRole("button", { name: "提交审核意见" }).click();
  await expect(review.getByText("请选择审核意见：认可或退回")).toBeVisible();
  await review.getByLabel("退回，请单位补充").check();
  await review.getByLabel(/说明/).fill("请补充整改方案的文件和责任分工。");
  await review.getByRole("button", { name: "提交审核意见" }).click();
  // The reviewed item leaves the review queue; its card shows the office's answer.
  await expect(page.getByText(/信用办已退回（信用办 王丽，.*）：请补充整改方案的文件和责任分工。/)).toBeVisible();

  const year = page.getByTestId("dossier-years").locator("[data-year='2024']");
  await year.getByText("更正该年度档案").click();
  const amend = year.locator("form[data-testid^='amend-']");
  await amend.getByLabel("更正为").fill("99.99");
  await amend.getByLabel(/更正理由/).fill("复核发现一项扣分依据已撤销，依据复核意见书更正。");
  await amend.getByRole("button", { name: "记录更正" }).click();
  await expect(amend.getByRole("status")).toHaveText("更正已记录，已通知受评单位");
  await page.reload();
  await expect(page.getByTestId("dossier-years").locator("[data-year='2024']").getByTestId("entry-total")).toContainText("99.99");
  await expect(page.getByTestId("dossier-years").locator("[data-year='2024']").getByTestId("amendments")).toContainText("复核发现一项扣分依据已撤销");
  await page.getByRole("link", { name: /失信记录/ }).click();
  await expect(page.getByTestId("standing-records").locator("tbody tr[data-standing]").first()).toHaveAttribute("data-standing", "breach");
});

test("the reviewer reads dossiers but neither amends nor reviews", async ({ page }) => {
  await signInAs(page, "reviewer");
  await page.goto("/dossiers");
  await page.getByRole("link", { name: UNIT }).click();
  await expect(page.getByTestId("dossier-years")).toBeVisible();
  await expect(page.getByText("更正该年度档案")).toHaveCount(0);
  await expect(page.locator("form[data-testid^='review-']")).toHaveCount(0);
  expect((await page.request.get(`/dossiers/x/entries/${await entryOf("unit-fgw", 2024)}/docx`)).status()).toBe(404);
  expect((await page.goto("/unit/dossier"))!.status()).toBe(404);
});

import { readFile, writeFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/fixtures";

// One story in order: office1 reads the template, derives a draft, exports and re-imports it,
// publishes and compares; then a unit user sees only published versions.
test.describe.configure({ mode: "serial" });

const ids: { template?: string; draft?: string; imported?: string } = {};
/** Versions of hegang-2022 made here: the draft, and the imported copy (draft + 1). */
let draftVersion = 0;

function idOf(page: Page): string {
  const match = /\/schemes\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`not a scheme page: ${page.url()}`);
  return match[1];
}

test.describe("indicator schemes", () => {
  test("office1 reads hegang-2022 laid out like the seed table", async ({ page }) => {
    await signInAs(page, "office1");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "指标体系" }).click();
    await expect(page.getByRole("heading", { name: "指标体系", exact: true })).toBeVisible();
    for (const code of ["hegang-2022", "huaian-2021", "heihe-grassroots-2023", "hegang-credit-2022-county", "hegang-credit-2022-dept"]) {
      await expect(page.locator(`[data-scheme="${code}"]`)).toContainText("内置模板");
    }

    await page.locator('[data-version="hegang-2022@1"]').getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2022版政务诚信评价标准（鹤岗市）");
    ids.template = idOf(page);
    const exam = page.locator('tr[data-indicator="LAW.EXAM"]');
    await expect(exam).toContainText("依法行政考核");
    await expect(exam).toContainText("10分");
    await expect(exam).toContainText("每项考核扣分项扣1分");
    await expect(exam).toContainText("市司法局");
    await expect(page.locator('tbody[data-category="LAW"] th')).toContainText("权重 20");
    await expect(page.locator('tr[data-indicator="PERFORM.AWARD"]')).toContainText("国家级奖励得10分，省级奖励得5分，市级奖励得3分，多项取最高一项");
    await expect(page.getByTestId("scheme-notes")).toContainText("信访件办结信息");
    await expect(page.getByRole("button", { name: "发布", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
    await page.screenshot({ path: "docs/screenshots/scheme-detail.png", fullPage: true });
  });

  test("office1 derives a draft, downloads it, and imports an edited copy", async ({ page }, testInfo) => {
    await signInAs(page, "office1");
    await page.goto(`/schemes/${ids.template}`);
    await page.getByRole("link", { name: "新建版本" }).click();
    await page.getByLabel("名称（可不填，沿用原名称）").fill("2023版政务诚信评价标准（鹤岗市）");
    await page.getByRole("button", { name: "创建草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已创建草稿" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2023版政务诚信评价标准（鹤岗市）");
    // The next free version of hegang-2022 (other specs may have derived versions before this one).
    await expect(page.getByTestId("scheme-facts")).toContainText(/版本第\d+版状态草稿/);
    const version = Number(/版本第(\d+)版/.exec((await page.getByTestId("scheme-facts").textContent()) ?? "")?.[1]);
    expect(version).toBeGreaterThanOrEqual(2);
    draftVersion = version;
    await expect(page.getByTestId("scheme-facts")).toContainText("基于hegang-2022 第1版");
    await expect(page.getByRole("link", { name: "编辑" })).toBeVisible();
    ids.draft = idOf(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载 JSON" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`hegang-2022-v${version}.json`);
    const document = JSON.parse(await readFile(await file.path(), "utf8"));
    expect(document).toMatchObject({ format: "integrity-scheme/v1", code: "hegang-2022", version });

    // A broken copy is refused with every problem listed, and nothing is created.
    await page.goto("/schemes/import");
    const broken = structuredClone(document);
    broken.categories[0].weight = 30;
    broken.categories[1].indicators[0].max = -1;
    await page.getByLabel(/方案文档/).setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole("button", { name: "导入为草稿" }).click();
    await expect(page.getByTestId("import-problems")).toContainText("一级指标权重合计为110，应为100");
    await expect(page.getByTestId("import-problems")).toContainText("categories[1].indicators[0].max");
    await page.getByLabel(/方案文档/).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await page.getByRole("button", { name: "导入为草稿" }).click();
    await expect(page.getByText("只能导入 .json 格式的方案文档")).toBeVisible();

    // The edited copy: LAW.EXAM now deducts 2 per item.
    const edited = structuredClone(document);
    edited.name = "2023版政务诚信评价标准（导入）";
    edited.categories[0].indicators[0].rule.items[0].points = 2;
    const path = testInfo.outputPath("hegang-2023.json");
    await writeFile(path, JSON.stringify(edited, null, 2));
    await page.getByLabel(/方案文档/).setInputFiles(path);
    await page.getByRole("button", { name: "导入为草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已导入为草稿" })).toBeVisible();
    await expect(page.getByTestId("scheme-facts")).toContainText(`第${version + 1}版`);
    await expect(page.locator('tr[data-indicator="LAW.EXAM"]')).toContainText("每项考核扣分项扣2分");
    ids.imported = idOf(page);
  });

  test("office1 publishes the imported draft and compares it with the template", async ({ page }) => {
    await signInAs(page, "office1");
    await page.goto(`/schemes/${ids.imported}`);
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await expect(page.getByRole("dialog", { name: "确认发布" })).toContainText("不能再修改或删除");
    await page.getByRole("button", { name: "确认发布" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
    await expect(page.getByTestId("scheme-facts")).toContainText("已发布");
    await expect(page.getByRole("link", { name: "编辑" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "发布", exact: true })).toHaveCount(0);

    await page.locator("#compare").getByLabel("与此版本对比").selectOption(ids.template ?? "");
    await page.locator("#compare").getByRole("button", { name: "对比" }).click();
    await expect(page).toHaveURL(/\/schemes\/compare\?a=.+&b=.+/);
    await expect(page.getByTestId("comparison-summary")).toContainText("修改1个");
    const change = page.locator('article[data-indicator="LAW.EXAM"]');
    await expect(change.locator('[data-field="评分规则"]')).toContainText("每项考核扣分项扣1分");
    await expect(change.locator('[data-field="评分规则"]')).toContainText("每项考核扣分项扣2分");
    await expect(page.locator('[data-field="方案名称"]')).toContainText("2023版政务诚信评价标准（导入）");
    await page.screenshot({ path: "docs/screenshots/scheme-compare.png", fullPage: true });

    await page.getByRole("link", { name: "指标体系" }).first().click();
    for (const v of [1, draftVersion, draftVersion + 1]) await expect(page.locator(`[data-version="hegang-2022@${v}"]`)).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/schemes-list.png", fullPage: true });
  });

  test("unit-fgw reads published versions but never a draft", async ({ page, request }) => {
    await signInAs(page, "unit-fgw");
    const published = await page.goto(`/schemes/${ids.imported}`);
    expect(published?.status()).toBe(200);
    await expect(page.locator('tr[data-indicator="LAW.EXAM"]')).toContainText("每项考核扣分项扣2分");
    await expect(page.getByRole("link", { name: "新建版本" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "发布", exact: true })).toHaveCount(0);

    await page.goto("/schemes?q=hegang-2022");
    await expect(page.locator(`[data-version="hegang-2022@${draftVersion + 1}"]`)).toBeVisible();
    await expect(page.locator(`[data-version="hegang-2022@${draftVersion}"]`)).toHaveCount(0);

    for (const path of [`/schemes/${ids.draft}`, `/schemes/${ids.draft}/edit`, "/schemes/new", "/schemes/import"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
    }
    const download = await page.request.get(`/schemes/${ids.draft}/download`);
    expect(download.status()).toBe(404);
    expect((await page.request.get(`/schemes/${ids.imported}/download`)).status()).toBe(200);
    // Signed out: sent to the sign-in page, never the document.
    const anonymous = await request.get(`/schemes/${ids.imported}/download`, { maxRedirects: 0 });
    expect([302, 303, 307, 401]).toContain(anonymous.status());
    expect(await anonymous.text()).not.toContain("integrity-scheme/v1");
  });
});

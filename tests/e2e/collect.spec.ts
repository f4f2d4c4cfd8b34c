import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/fixtures";

// One story in order on the demo cycle (2026, hegang-2022, collecting): 市司法局 reports 依法行政考核
// for two units with PDF evidence, marks every other unit "无", answers its second indicator and
// submits; 市发改委 uploads its self-assessment and sees the record about it; 市教育局 sees only its own.
test.describe.configure({ mode: "serial" });

const CYCLE = "2026年度政务诚信评价";
const FGW_RECORD = "行政复议决定被纠错一件";
const JYJ_RECORD = "规范性文件未按期报送备案";
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) });
let evidenceUrl = "";

/** The source workspace as a page object. */
class Workspace {
  constructor(private readonly page: Page) {}
  async open() {
    await this.page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "数据报送" }).click();
    await this.page.getByRole("link", { name: CYCLE }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(CYCLE);
  }
  async openSlot(name: string) {
    await this.page.getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
  }
  row(unitName: string) {
    return this.page.getByTestId(`unit-row-${unitName}`);
  }
  status(unitName: string) {
    return this.row(unitName).locator("[data-status]");
  }
  async addRecord(unitName: string, description: string, file: string) {
    await this.row(unitName).getByRole("link", { name: "填报" }).click();
    const form = this.page.getByRole("form", { name: "添加记录" });
    await form.getByLabel("发生日期").fill("2026-03-02");
    await form.getByLabel("事项说明").fill(description);
    await form.getByLabel("文号（可选）").fill("鹤司考〔2026〕12号");
    await form.getByLabel(/佐证材料/).setInputFiles(pdf(file));
    await expect(form.getByRole("list", { name: "已上传的佐证材料" })).toContainText(file);
    await form.getByRole("button", { name: "添加记录" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "记录已添加" })).toBeVisible();
    await expect(this.page.getByRole("table", { name: "记录" })).toContainText(description);
  }
  async markNoneForAll() {
    await this.page.getByRole("button", { name: "全部无记录的单位标记为无" }).click();
    await this.page.getByRole("form", { name: "确认批量标记为无" }).getByRole("button", { name: "确认标记" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: /已将\d+个无记录的单位标记为“无”/ })).toBeVisible();
  }
}

test.describe("data collection", () => {
  test("src-sfj reports records with evidence, marks the rest none and submits", async ({ page }) => {
    await signInAs(page, "src-sfj");
    const workspace = new Workspace(page);
    await workspace.open();
    await expect(page.getByTestId("time-left")).toContainText("剩余");
    await page.screenshot({ path: "docs/screenshots/collect-workspace.png", fullPage: true });
    await workspace.openSlot("依法行政考核");
    await workspace.addRecord("鹤岗市发展和改革委员会", FGW_RECORD, "考核扣分通报-发改委.pdf");
    evidenceUrl = (await page.getByRole("link", { name: "考核扣分通报-发改委.pdf" }).getAttribute("href")) ?? "";
    expect(evidenceUrl).toMatch(/^\/files\//);
    await page.getByRole("link", { name: "返回单位列表" }).click();
    await workspace.addRecord("鹤岗市教育局", JYJ_RECORD, "考核扣分通报-教育局.pdf");
    await page.screenshot({ path: "docs/screenshots/collect-record.png", fullPage: true });
    await page.getByRole("link", { name: "返回单位列表" }).click();
    await expect(workspace.status("鹤岗市发展和改革委员会")).toHaveText("已填记录1条");
    await expect(workspace.status("鹤岗市公安局")).toHaveText("未填");
    await workspace.markNoneForAll();
    await expect(workspace.status("鹤岗市公安局")).toHaveText("无");
    await expect(workspace.status("鹤岗市教育局")).toHaveText("已填记录1条");
    await page.screenshot({ path: "docs/screenshots/collect-slot.png", fullPage: true });

    await page.getByRole("link", { name: "返回指标列表" }).click();
    await workspace.openSlot("政务投诉信息");
    await workspace.markNoneForAll();

    await page.getByRole("link", { name: "返回指标列表" }).click();
    await page.getByRole("link", { name: /^提交报送/ }).click();
    await expect(page.getByTestId("missing-count")).toHaveText("0");
    await page.getByRole("button", { name: "提交报送" }).click();
    await page.getByRole("form", { name: "确认提交" }).getByRole("button", { name: "确认提交" }).click();
    await expect(page.getByTestId("submission-status")).toHaveText("已提交");
    await expect(page.getByRole("button", { name: "提交报送" })).toHaveCount(0);
    await expect(page.getByText("本单位的报送已提交，不能再修改")).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/collect-submit.png", fullPage: true });
  });

  test("src-kpb grades a unit with the tiered form", async ({ page }) => {
    await signInAs(page, "src-kpb");
    const workspace = new Workspace(page);
    await workspace.open();
    await workspace.openSlot("综合责任目标考核");
    await workspace.row("鹤岗市发展和改革委员会").getByRole("link", { name: "填报" }).click();
    const form = page.getByRole("form", { name: "填报数值" });
    await form.getByLabel("等次").selectOption("良好");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByRole("status")).toHaveText("已保存");
    await expect(page.getByRole("region", { name: "填报情况" }).locator("[data-status]")).toHaveText("已填值");
    await page.screenshot({ path: "docs/screenshots/collect-value.png", fullPage: true });
    await page.getByRole("link", { name: "返回单位列表" }).click();
    await expect(workspace.status("鹤岗市发展和改革委员会")).toHaveText("已填值");
    await expect(workspace.row("鹤岗市发展和改革委员会").getByRole("button", { name: "无" })).toHaveCount(0);
  });

  test("unit-fgw uploads its self-assessment and sees what was reported about it", async ({ page }) => {
    await signInAs(page, "unit-fgw");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本单位评价" }).click();
    await page.getByRole("link", { name: CYCLE }).click();
    const section = page.getByRole("region", { name: "自查自评报告" });
    await section.getByLabel(/^文件/).setInputFiles(pdf("自查自评报告.pdf"));
    await section.getByLabel("版本说明（可选）").fill("初稿");
    await section.getByRole("button", { name: "上传自查自评报告" }).click();
    await expect(section.getByRole("status")).toContainText("已上传新版本：自查自评报告.pdf");
    await expect(section.getByRole("list", { name: "自查自评报告历史版本" })).toContainText("第1版（当前）");
    const reported = page.getByRole("region", { name: "依法行政考核" });
    await expect(reported).toContainText(FGW_RECORD);
    await expect(reported).toContainText("鹤岗市司法局");
    await expect(page.getByText(JYJ_RECORD)).toHaveCount(0);
    await expect(page.getByRole("region", { name: "综合责任目标考核" })).toContainText("良好");
    const download = await page.request.get(evidenceUrl);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect(download.headers()["content-type"]).toBe("application/pdf");
    await page.screenshot({ path: "docs/screenshots/unit-cycle.png", fullPage: true });
  });

  test("another unit sees only its own records, and not the other unit's files", async ({ page }) => {
    await signInAs(page, "unit-jyj");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "本单位评价" }).click();
    await page.getByRole("link", { name: CYCLE }).click();
    await expect(page.getByRole("region", { name: "依法行政考核" })).toContainText(JYJ_RECORD);
    await expect(page.getByText(FGW_RECORD)).toHaveCount(0);
    expect((await page.request.get(evidenceUrl)).status()).toBe(404);
    expect((await page.goto("/collect"))?.status()).toBe(404);
  });

  test("a source sees only its own slots and none of the unit pages", async ({ page }) => {
    await signInAs(page, "src-court");
    await new Workspace(page).open();
    await expect(page.getByRole("link", { name: "依法行政考核", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "失信信息", exact: true })).toBeVisible();
    expect((await page.request.get(evidenceUrl)).status()).toBe(404);
    expect((await page.goto("/unit"))?.status()).toBe(404);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/fixtures";

// One story in order: office1 sets up the 2027 cycle through the browser, opens collection and
// closes it with the list of gaps; unit and source users cannot reach any cycle page.
test.describe.configure({ mode: "serial" });

let cycleUrl = "";

/** The cycle's tabs as a page object. */
class CyclePage {
  constructor(private readonly page: Page) {}
  tab(name: "概览" | "受评单位" | "指标体系" | "数据来源" | "归集进度") {
    return this.page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name, exact: true });
  }
  status() {
    return this.page.getByRole("status");
  }
}

test.describe("evaluation cycles", () => {
  test("office1 creates the 2027 cycle with the year's defaults", async ({ page }) => {
    await signInAs(page, "office1");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "评价周期" }).click();
    await expect(page.getByRole("heading", { name: "评价周期", exact: true })).toBeVisible();
    await expect(page.locator('tr[data-cycle="2026"]')).toContainText("数据归集");
    await page.getByRole("link", { name: "新建评价周期" }).click();
    await page.getByLabel("评价年度").fill("2027");
    await expect(page.getByLabel("周期名称")).toHaveValue("2027年度政务诚信评价");
    await expect(page.getByLabel("数据归集截止日期")).toHaveValue("2027-12-01");
    await expect(page.getByLabel("政务承诺截止日期")).toHaveValue("2027-05-01");
    await page.getByRole("button", { name: "创建评价周期" }).click();
    await expect(page.getByRole("status").filter({ hasText: "评价周期已创建" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2027年度政务诚信评价");
    await expect(page.locator('[aria-current="step"]')).toContainText("筹备");
    await expect(page.getByTestId("open-blockers")).toContainText("还没有纳入任何受评单位");
    await expect(page.getByRole("button", { name: "开始数据归集" })).toHaveCount(0);
    cycleUrl = new URL(page.url()).pathname;
  });

  test("office1 picks hegang-2022, enrols the municipal departments and applies the default sources", async ({ page }) => {
    await signInAs(page, "office1");
    await page.goto(cycleUrl);
    const cycle = new CyclePage(page);

    await cycle.tab("指标体系").click();
    const municipal = page.locator('[data-kind="municipal_department"]');
    await municipal.getByLabel("市直部门的指标体系").selectOption({ label: "2022版政务诚信评价标准（鹤岗市）（hegang-2022 第1版）" });
    await municipal.getByRole("button", { name: "保存" }).click();
    await expect(municipal.getByRole("status")).toHaveText("已保存指标体系");
    await expect(municipal).toContainText("当前：2022版政务诚信评价标准（鹤岗市）");

    await cycle.tab("受评单位").click();
    const byKind = page.getByTestId("enrol-kind");
    await byKind.getByLabel("单位类别").selectOption("municipal_department");
    await byKind.getByRole("button", { name: "纳入该类别全部单位" }).click();
    await expect(byKind.getByRole("status")).toContainText(/新纳入\d+个单位/);
    await expect(page.getByTestId("unit-counts")).toContainText("市直部门");
    await expect(page.getByTestId("enrolled-units")).toContainText("鹤岗市发展和改革委员会");
    await page.getByLabel("名称或信用代码").fill("司法局");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.getByTestId("enrolled-units").locator("tbody tr")).toHaveCount(1);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    expect((await download).suggestedFilename()).toMatch(/^2027年度政务诚信评价-受评单位-.*\.xlsx$/);

    await cycle.tab("数据来源").click();
    await expect(page.locator('tr[data-slot="LAW.EXAM/"]')).toContainText("未分配数据来源");
    await page.getByRole("button", { name: "应用方案默认数据来源" }).click();
    await expect(page.getByTestId("apply-defaults").getByRole("status")).toContainText("新增14条分配，指定4个牵头单位");
    await expect(page.locator('tr[data-slot="PERFORM.COMPLAINT/"]')).toContainText("市营商局");
    await expect(page.locator('tr[data-slot="PERFORM.COMPLAINT/"]')).toContainText("市司法局");
    await expect(page.locator('tr[data-slot="KEEP.DEBT/"]')).toContainText("牵头");
    await expect(page.getByTestId("unmatched-sources")).toHaveCount(0);
    await page.screenshot({ path: "docs/screenshots/cycle-assignments.png", fullPage: true });

    // Two sources for a value slot: the lead can be moved; removing it leaves the other as lead.
    const target = page.locator('tr[data-slot="DILIGENT.TARGET/"]');
    await target.getByRole("button", { name: "为“综合责任目标考核”添加信源单位" }).click();
    await target.getByLabel("信源单位").selectOption({ label: "市司法局" });
    await target.getByRole("button", { name: "添加", exact: true }).click();
    await target.getByRole("button", { name: "将市司法局设为“综合责任目标考核”的牵头单位" }).click();
    await expect(target.locator("li").filter({ hasText: "市司法局" })).toContainText("牵头");
    await target.getByRole("button", { name: "从“综合责任目标考核”移除市司法局" }).click();
    await expect(target.locator("li")).toHaveCount(1);
    await expect(target.locator("li").filter({ hasText: "市委考评办" })).toContainText("牵头");
  });

  test("office1 opens collection after a confirmation that says what will happen", async ({ page }) => {
    await signInAs(page, "office1");
    await page.goto(cycleUrl);
    await expect(page.getByTestId("setup-checklist")).toContainText("准备工作已完成");
    await page.screenshot({ path: "docs/screenshots/cycle-checklist.png", fullPage: true });
    await page.getByRole("button", { name: "开始数据归集" }).click();
    const dialog = page.getByRole("dialog", { name: "确认开始数据归集" });
    await expect(dialog).toContainText("为11个信源单位建立报送");
    await expect(dialog).toContainText("不能再修改");
    await dialog.getByRole("button", { name: "确认开始" }).click();
    await expect(page.locator('[aria-current="step"]')).toContainText("数据归集");
    await expect(page.getByTestId("submission-counts")).toContainText("11个填报中");
    await expect(page.getByRole("link", { name: "查看归集进度" })).toHaveAttribute("href", `${cycleUrl}/collection`);
    await page.screenshot({ path: "docs/screenshots/cycle-overview.png", fullPage: true });

    await new CyclePage(page).tab("受评单位").click();
    await expect(page.getByText("受评单位只能在筹备阶段修改")).toBeVisible();
    await expect(page.getByTestId("enrol-forms")).toHaveCount(0);
  });

  test("office1 closes collection: the gaps are listed and a reason is required", async ({ page }) => {
    await signInAs(page, "office1");
    await page.goto(cycleUrl);
    await page.getByRole("link", { name: "结束数据归集" }).click();
    const panel = page.getByTestId("close-collection");
    await expect(panel).toContainText("11个信源单位未提交或未报全");
    await expect(panel.getByTestId("late-sources")).toContainText("市中级人民法院");
    await panel.getByRole("button", { name: "确认结束数据归集" }).click();
    await expect(panel.locator("#close-reason-error")).toContainText("须填写原因");
    await panel.getByLabel(/原因/).fill("演示：按截止日期结束，缺报单位按现有信息评价");
    await panel.getByRole("button", { name: "确认结束数据归集" }).click();
    await expect(page.getByRole("status").filter({ hasText: "数据归集已结束" })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText("评分");
    await expect(page.getByTestId("cycle-facts")).toContainText("演示：按截止日期结束");
  });

  for (const login of ["unit-fgw", "src-sfj"]) {
    test(`${login} gets 404 on every cycle page`, async ({ page }) => {
      await signInAs(page, login);
      for (const path of ["/cycles", "/cycles/new", cycleUrl, `${cycleUrl}/units`, `${cycleUrl}/schemes`, `${cycleUrl}/assignments`]) {
        expect((await page.goto(path))?.status(), path).toBe(404);
      }
      expect((await page.request.get(`${cycleUrl}/units/export`)).status()).toBe(404);
    });
  }
});

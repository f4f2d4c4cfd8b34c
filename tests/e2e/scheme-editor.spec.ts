import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/fixtures";

/** Copies hegang-2022 into a new draft through the scheme pages and opens it in the editor; its id. */
async function newDraftFromHegang(page: Page): Promise<string> {
  await page.goto("/schemes");
  await page.locator('[data-version="hegang-2022@1"]').getByRole("link", { name: "新建版本" }).click();
  await expect(page.getByRole("heading", { name: "新建版本" })).toBeVisible();
  await page.getByRole("button", { name: "创建草稿" }).click();
  await expect(page.getByRole("status")).toContainText("已创建草稿");
  const id = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.getByRole("link", { name: "编辑", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^编辑草稿：/ })).toBeVisible();
  return id;
}

/** The editor as a page object. */
class SchemeEditorPage {
  constructor(readonly page: Page) {}

  outline() {
    return this.page.getByRole("navigation", { name: "方案结构" });
  }

  preview() {
    return this.page.getByRole("region", { name: "试算", exact: true });
  }

  samples() {
    return this.page.getByRole("region", { name: "样例单位试算" });
  }

  async select(code: string) {
    await this.outline().getByRole("button", { name: new RegExp(code.replace(".", "\\.")) }).click();
    await expect(this.page.getByRole("heading", { level: 2, name: new RegExp(`^${code.replace(".", "\\.")} `) })).toBeVisible();
  }
}

test.describe("scheme editor", () => {
  test("office staff copy hegang-2022, change a deduction, preview it, publish and compare", async ({ page }) => {
    await signInAs(page, "office1");
    const id = await newDraftFromHegang(page);
    const editor = new SchemeEditorPage(page);
    await expect(page.getByTestId("weight-total")).toHaveText("权重合计 100 / 100");
    await expect(page.getByTestId("problem-summary")).toHaveText("没有错误");

    await editor.select("LAW.EXAM");
    const rule = page.getByRole("group", { name: "扣分项1" });
    await expect(rule.getByLabel("扣分项名称")).toHaveValue("考核扣分项");
    await rule.getByLabel("每项扣分").fill("2");
    await expect(page.getByTestId("save-state")).toHaveText("● 有未保存的修改");
    await expect(page.getByTestId("rule-text")).toHaveText("规则说明：每项考核扣分项扣2分（该项最多扣10分），最多扣至0分");

    // A number being typed is checked by the engine's schema as it is typed.
    await rule.getByLabel("每项扣分").fill("-1");
    await expect(rule.getByText("每项扣分不能为负数")).toBeVisible();
    await expect(page.getByTestId("problem-summary")).toContainText("1个错误");
    await rule.getByLabel("每项扣分").fill("2");
    await expect(page.getByTestId("problem-summary")).toHaveText("没有错误");

    await editor.preview().getByLabel("考核扣分项（项数）").fill("3");
    await expect(editor.preview().getByTestId("preview-score")).toHaveText("4.00");
    await expect(editor.preview().getByTestId("preview-explanation")).toHaveText("考核扣分项3项，每项扣2分，扣6分，得4.00分");
    await editor.preview().getByLabel("考核扣分项（项数）").fill("1.5");
    await expect(editor.preview().getByText("计数必须是非负整数").first()).toBeVisible();
    await editor.preview().getByLabel("考核扣分项（项数）").fill("3");

    // The whole draft over sample units: full marks by default, then three deductions for 乙.
    const samples = editor.samples();
    await expect(samples.getByTestId("sample-总分-1")).toHaveText("100.00");
    const cell = samples.getByRole("row", { name: /LAW\.EXAM/ }).getByRole("cell").nth(1);
    await cell.getByText("修改数据").click();
    await cell.getByLabel("考核扣分项（项数）").fill("3");
    await expect(samples.getByTestId("sample-总分-1")).toHaveText("94.00");
    await expect(samples.getByTestId("sample-名次-1")).toHaveText("第3名");
    await expect(cell).toContainText("考核扣分项3项，每项扣2分，扣6分，得4.00分");

    await page.evaluate(() => window.scrollTo(0, 0));
    const form = await page.getByRole("region", { name: /^LAW\.EXAM / }).boundingBox();
    await page.screenshot({ path: "docs/screenshots/scheme-editor.png", fullPage: true, clip: { x: 0, y: 0, width: 1366, height: (form?.y ?? 0) + (form?.height ?? 768) + 16 } });
    await samples.scrollIntoViewIfNeeded();
    await samples.screenshot({ path: "docs/screenshots/scheme-editor-samples.png" });

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("草稿已保存。没有错误，可以发布。")).toBeVisible();
    await expect(page.getByTestId("save-state")).toHaveText("已保存");

    await page.getByRole("button", { name: "发布…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "确认发布该版本？" });
    await expect(dialog).toContainText("发布后该版本不可再修改");
    await dialog.getByRole("button", { name: "确认发布" }).click();
    await expect(page).toHaveURL(new RegExp(`/schemes/${id}\\?published=1`));
    await expect(page.getByRole("status")).toContainText("已发布");

    // A published version has nothing to edit.
    expect((await page.request.get(`/schemes/${id}/edit`)).status()).toBe(404);

    await page.locator("#compare").getByRole("button", { name: "对比" }).click();
    const changed = page.locator('[data-indicator="LAW.EXAM"]');
    await expect(changed).toContainText("每项考核扣分项扣1分（该项最多扣10分），最多扣至0分");
    await expect(changed).toContainText("每项考核扣分项扣2分（该项最多扣10分），最多扣至0分");
    await expect(page.getByTestId("comparison-summary")).toContainText("修改1个");
  });

  test("every rule kind has a form; problems jump to their field; a stale save keeps the edits", async ({ page, context }) => {
    await signInAs(page, "office1");
    await newDraftFromHegang(page);
    const editor = new SchemeEditorPage(page);
    await editor.select("OPEN.PLEDGE");
    const kind = page.getByLabel("计分规则类型");
    const expectations: [string, string][] = [
      ["veto", "否决事项（可选）"],
      ["tiered", "等次名称"],
      ["ratio", "满分线（0–1）"],
      ["count", "计数方式"],
      ["award", "级别键"],
      ["step", "档距"],
      ["threshold", "扣分条件"],
      ["rank", "第一名得分"],
      ["manual", "评分说明（可选）"],
      ["deduction", "每项扣分"],
      ["binary", "判断事项"],
    ];
    for (const [value, label] of expectations) {
      await kind.selectOption(value);
      await expect(page.getByLabel(label).first()).toBeVisible();
      await expect(page.getByTestId("rule-text")).not.toContainText("填写完整");
      await expect(editor.preview().getByTestId("preview-score")).toBeVisible();
    }

    // A composite: sub-items, each with its own rule form; the preview scores the sum.
    await page.getByLabel("组合指标（由子项分别计分后相加）").check();
    await page.getByRole("button", { name: "添加子项" }).click();
    await expect(page.getByRole("group", { name: /^子项2/ })).toBeVisible();
    await expect(page.getByTestId("problem-summary")).toHaveText("没有错误");
    await page.getByRole("group", { name: /^子项2/ }).getByLabel("子项满分").fill("");
    await expect(page.getByRole("group", { name: /^子项2/ }).getByText("子项满分必须是数字")).toBeVisible();
    await page.getByRole("group", { name: /^子项2/ }).getByLabel("子项满分").fill("2");
    await page.screenshot({ path: "docs/screenshots/scheme-editor-composite.png", fullPage: true });

    // A problem in the side panel jumps to its field.
    await page.getByLabel("指标名称").fill("");
    await page.getByRole("button", { name: /指标名称不能为空/ }).click();
    await expect(page.getByLabel("指标名称")).toBeFocused();
    await page.getByLabel("指标名称").fill("公开承诺（新）");

    // Someone else saves the same draft meanwhile.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByRole("button", { name: "方案信息与等级" }).click();
    await other.getByLabel("方案名称").fill("他人修改的名称");
    await other.getByRole("button", { name: "保存草稿" }).click();
    await expect(other.getByText("草稿已保存")).toBeVisible();
    await other.close();

    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "其他人已在您编辑期间保存了该草稿" })).toBeVisible();
    await expect(page.getByRole("button", { name: "复制方案 JSON" })).toBeVisible();
    await expect(page.getByLabel("指标名称")).toHaveValue("公开承诺（新）");
    await expect(page.getByTestId("save-state")).toHaveText("● 有未保存的修改");
  });
});

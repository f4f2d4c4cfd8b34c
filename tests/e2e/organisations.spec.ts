import { expect, test } from "@playwright/test";
import { makeUscc } from "../../lib/orgs/uscc";
import { signInAs } from "./support/fixtures";

const code = (body: string) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: body });

test.describe("organisations", () => {
  test("office staff search, sort and export the unit list", async ({ page }) => {
    await signInAs(page, "office1");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "单位管理" }).click();
    await expect(page.getByRole("heading", { name: "单位管理" })).toBeVisible();
    await expect(page.getByRole("link", { name: "鹤岗市发展和改革委员会" })).toBeVisible();
    await page.getByLabel("名称或信用代码").fill("司法");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody")).toContainText("鹤岗市司法局");
    await page.goto("/orgs?sort=name&order=desc");
    await expect(page.getByRole("columnheader", { name: /单位名称 ↓/ })).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/orgs-list.png", fullPage: true });
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    expect((await download).suggestedFilename()).toMatch(/^单位名单-.*\.xlsx$/);
  });

  test("office staff build a county → township hierarchy, with the credit code checked", async ({ page }) => {
    await signInAs(page, "office1");
    await page.goto("/orgs/new");
    await page.getByLabel("单位名称").fill("鹤岗市东山区人民政府");
    await page.getByLabel("统一社会信用代码（18位）").fill("112304000000000000");
    await page.getByLabel("单位类别").selectOption("county");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.locator("#uscc-error")).toContainText("校验码");

    await page.getByLabel("统一社会信用代码（18位）").fill(code("MB771001"));
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("status")).toHaveText("已保存。");
    await expect(page.getByRole("heading", { name: "鹤岗市东山区人民政府" })).toBeVisible();

    await page.goto("/orgs/new");
    await page.getByLabel("单位名称").fill("东山区东山镇人民政府");
    await page.getByLabel("统一社会信用代码（18位）").fill(code("MB771002"));
    await page.getByLabel("单位类别").selectOption("township");
    await page.getByRole("combobox", { name: "上级单位（县区）" }).fill("东山区");
    await page.getByRole("option", { name: /鹤岗市东山区人民政府/ }).click();
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("navigation", { name: "层级路径" })).toContainText("鹤岗市东山区人民政府");

    await page.goto("/orgs/tree");
    await page.getByRole("link", { name: "鹤岗市东山区人民政府" }).click();
    await expect(page.getByRole("list", { name: "下级单位" })).toContainText("东山区东山镇人民政府");
    await page.screenshot({ path: "docs/screenshots/orgs-tree.png", fullPage: true });

    await page.getByRole("list", { name: "下级单位" }).getByRole("link", { name: "详情" }).click();
    await page.getByRole("button", { name: "停用单位" }).click();
    await expect(page.getByText("停用后，该单位的账户将无法登录")).toBeVisible();
    await page.getByLabel("原因（写入审计日志）").fill("乡镇撤并");
    await page.getByRole("button", { name: "确认停用" }).click();
    await expect(page.getByRole("button", { name: "重新启用" })).toBeVisible();
  });

  for (const login of ["unit-fgw", "src-sfj", "reviewer"]) {
    test(`${login} cannot reach the unit pages or their API`, async ({ page }) => {
      await signInAs(page, login);
      for (const path of ["/orgs", "/orgs/new", "/orgs/tree"]) {
        expect((await page.goto(path))?.status()).toBe(404);
      }
      expect((await page.request.get("/api/orgs/search?q=鹤岗")).status()).toBe(404);
      expect((await page.request.get("/orgs/export")).status()).toBe(404);
    });
  }
});

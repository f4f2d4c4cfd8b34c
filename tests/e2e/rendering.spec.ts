import { expect, test, type Page } from "@playwright/test";
import { SignInPage, signInAs } from "./support/fixtures";

/**
 * Chinese renders when two different characters draw different glyphs: without a CJK font both
 * come out as the same empty box (tofu) and their pixels are identical.
 */
async function glyphsDiffer(page: Page, a: string, b: string): Promise<boolean> {
  await page.evaluate((pair: string[]) => {
    for (const [id, ch] of [["glyph-a", pair[0] ?? ""], ["glyph-b", pair[1] ?? ""]] as const) {
      const span = document.createElement("span");
      span.id = id;
      span.textContent = ch;
      span.style.cssText = "font-size:48px;display:inline-block;background:#fff;color:#000;padding:4px";
      document.body.prepend(span);
    }
  }, [a, b]);
  const [shotA, shotB] = await Promise.all([page.locator("#glyph-a").screenshot(), page.locator("#glyph-b").screenshot()]);
  await page.evaluate(() => document.querySelectorAll("#glyph-a, #glyph-b").forEach((n) => n.remove()));
  return !shotA.equals(shotB);
}

test("Chinese text renders on the sign-in page (screenshot kept in docs/screenshots)", async ({ page }) => {
  await new SignInPage(page).goto();
  await expect(page.getByRole("heading", { name: "政务诚信评价平台" })).toBeVisible();
  expect(await glyphsDiffer(page, "政", "诚")).toBe(true);
  await page.screenshot({ path: "docs/screenshots/login.png" });
});

test("the office home page in Chinese (screenshot)", async ({ page }) => {
  await signInAs(page, "office1");
  await expect(page.getByRole("heading", { name: /您好/ })).toBeVisible();
  expect(await glyphsDiffer(page, "信", "用")).toBe(true);
  await page.screenshot({ path: "docs/screenshots/office-home.png", fullPage: true });
  await page.goto("/audit");
  await expect(page.getByRole("table")).toContainText("登录");
  await page.screenshot({ path: "docs/screenshots/audit-log.png", fullPage: true });
});

test("the audit log exports to Excel", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/audit");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.getWorksheet("审计日志");
  expect(sheet?.getRow(1).getCell(4).value).toBe("操作");
  const actions = sheet!.getColumn(4).values.slice(2);
  expect(actions).toContain("登录");
});

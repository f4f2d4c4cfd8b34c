import { expect, test } from "@playwright/test";
import { signInAs } from "./support/fixtures";

// The admin keeps the working-day calendar: the built-in official years, and next year entered
// from the State Council notice (every bad line named by its number, nothing half-saved).

test("admin reads the 2026 calendar and enters 2027 as a draft from the notice", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作日历" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "工作日历" })).toBeVisible();
  await page.getByRole("link", { name: "2026年" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2026");
  await expect(page.getByText("国办发明电〔2025〕7号").first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/calendar-2026.png", fullPage: true });

  await page.goto("/calendar/new");
  await page.getByLabel(/^年度/).fill("2027");
  await page.getByLabel(/^草稿/).check();
  await page.getByLabel("放假日与调休上班日（每行一个日期）").fill("2027-01-01 元旦 休\n2027-02-30 春节 休");
  await page.getByRole("button", { name: "新增年度" }).click();
  await expect(page.getByRole("main").getByText(/第2行/).first()).toBeVisible();
  await page.getByLabel("放假日与调休上班日（每行一个日期）").fill("2027-01-01 元旦 休");
  await page.getByRole("button", { name: "新增年度" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2027");
});

test("the calendar is the admin's: office staff and units get 404", async ({ browser }) => {
  for (const login of ["office1", "unit-fgw"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, login);
    expect((await page.goto("/calendar"))!.status()).toBe(404);
    expect((await page.goto("/calendar/2026"))!.status()).toBe(404);
    await context.close();
  }
});

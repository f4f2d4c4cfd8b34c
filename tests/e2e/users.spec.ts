import { expect, test, type Page } from "@playwright/test";
import { createAccount, SignInPage, signInAs } from "./support/fixtures";

/** The account-management screens as a page object. */
class UsersPage {
  constructor(private readonly page: Page) {}

  async gotoList(query = "") {
    await this.page.goto(`/users${query}`);
    await expect(this.page.getByRole("heading", { name: "账户管理" })).toBeVisible();
  }

  async chooseOrganisation(search: string, name: string) {
    await this.page.getByRole("combobox", { name: "所属单位" }).fill(search);
    await this.page.getByRole("option", { name: new RegExp(name) }).click();
  }

  role(label: string) {
    return this.page.getByRole("checkbox", { name: new RegExp(`^${label}`) });
  }

  async openAccount(username: string) {
    await this.gotoList(`?q=${encodeURIComponent(username)}`);
    await this.page.getByRole("link", { name: username, exact: true }).click();
    await expect(this.page.getByRole("heading", { name: "账户安全" })).toBeVisible();
  }
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test.describe("account management", () => {
  test("admin opens an account for 市财政局; the new user must change the one-time password first", async ({ page }) => {
    const users = new UsersPage(page);
    await signInAs(page, "admin");
    await users.gotoList();
    await expect(page.getByRole("table")).toContainText("office1");
    await page.screenshot({ path: "docs/screenshots/users-list.png", fullPage: true });

    await page.getByRole("link", { name: "开设账户" }).click();
    await expect(page.getByRole("heading", { name: "开设账户" })).toBeVisible();
    await page.getByLabel(/^用户名/).fill("czj-liaison");
    await page.getByLabel("姓名").fill("财政局 刘会计");
    await page.getByLabel(/^电子邮箱/).fill("Liu.Kuaiji@czj.example.gov.cn");
    await users.chooseOrganisation("财政", "鹤岗市财政局");
    await expect(page.getByTestId("org-picker-roles")).toHaveText("单位角色：受评单位、信源单位");
    await users.role("信用办工作人员").check();
    await expect(page.getByText("“信用办工作人员”角色只能授予信用办的账户")).toBeVisible();
    await users.role("受评单位").check();
    await page.screenshot({ path: "docs/screenshots/users-create.png", fullPage: true });

    // The server refuses the misfit too, whatever the page shows.
    await page.getByRole("button", { name: "开设账户" }).click();
    await expect(page.locator("#roles-error")).toContainText("“信用办工作人员”角色只能授予信用办的账户");
    await expect(page.getByLabel(/^用户名/)).toHaveValue("czj-liaison");
    await users.role("信用办工作人员").uncheck();
    await page.getByRole("button", { name: "开设账户" }).click();

    await expect(page.getByRole("heading", { name: "账户已开设：财政局 刘会计" })).toBeVisible();
    await expect(page.getByText("只显示这一次")).toBeVisible();
    const oneTimePassword = (await page.getByTestId("one-time-password").textContent())?.trim() ?? "";
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{12}$/);
    await signOut(page);

    const signIn = new SignInPage(page);
    await signIn.signIn("liu.kuaiji@czj.example.gov.cn", oneTimePassword);
    await expect(page).toHaveURL(/\/account\/password$/);
    await page.getByLabel("当前密码").fill(oneTimePassword);
    await page.getByLabel("新密码（至少10位，含字母和数字）").fill("Caizheng-2026-liu");
    await page.getByLabel("再次输入新密码").fill("Caizheng-2026-liu");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?changed=1$/);
    await signIn.signIn("czj-liaison", "Caizheng-2026-liu");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("shell-org")).toHaveText("鹤岗市财政局");
    await expect(page.getByTestId("home-unit")).toBeVisible();
  });

  test("admin locks an account: its open session ends and it cannot sign in until unlocked", async ({ page, browser }) => {
    await createAccount("e2e-lockme", "Initial-pass-2026", "市财政局", "unit");
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await new SignInPage(userPage).goto();
    await new SignInPage(userPage).signIn("e2e-lockme", "Initial-pass-2026");
    await expect(userPage).toHaveURL(/\/account\/password$/);

    const users = new UsersPage(page);
    await signInAs(page, "admin");
    await users.openAccount("e2e-lockme");
    await page.getByRole("button", { name: "锁定…" }).click();
    const confirm = page.getByRole("alertdialog", { name: /确认锁定/ });
    await expect(confirm).toContainText("登录立即结束");
    await expect(confirm.getByLabel("锁定期限")).toHaveValue("permanent");
    await confirm.getByRole("button", { name: "确认锁定" }).click();
    await expect(page.getByText("账户已锁定，其所有登录已结束。")).toBeVisible();
    await expect(page.locator('[data-status="locked"]')).toHaveText("已锁定（直至解锁）");

    await userPage.reload();
    await expect(userPage).toHaveURL(/\/login/);
    await new SignInPage(userPage).signIn("e2e-lockme", "Initial-pass-2026");
    await expect(new SignInPage(userPage).error()).toContainText("锁定");

    await page.getByRole("button", { name: "解锁" }).click();
    await expect(page.getByText("账户已解锁，可以重新登录。")).toBeVisible();
    await new SignInPage(userPage).signIn("e2e-lockme", "Initial-pass-2026");
    await expect(userPage).toHaveURL(/\/account\/password$/);
    await userContext.close();

    await users.gotoList("?status=locked");
    await expect(page.getByRole("table")).not.toContainText("e2e-lockme");
  });

  test("admin exports the filtered list to Excel", async ({ page }) => {
    await signInAs(page, "admin");
    await new UsersPage(page).gotoList("?role=office");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^账户列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const usernames = workbook.getWorksheet("账户")!.getColumn(1).values.slice(2);
    expect(usernames).toEqual(["office1", "office2"]);
  });

  for (const login of ["office1", "unit-fgw"]) {
    test(`${login} gets 404 on every account-management address`, async ({ page }) => {
      await signInAs(page, login);
      await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "账户管理" })).toHaveCount(0);
      for (const path of ["/users", "/users/new"]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
      }
      for (const path of ["/users/export", ...(login === "office1" ? [] : ["/api/orgs/search?q=财政"])]) {
        const response = await page.request.get(path);
        expect(response.status()).toBe(404);
        expect(await response.text()).not.toContain("鹤岗市财政局");
      }
    });
  }
});

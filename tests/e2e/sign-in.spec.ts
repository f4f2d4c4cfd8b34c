import { expect, test } from "@playwright/test";
import { createAccount, SignInPage, signInAs } from "./support/fixtures";

const ROLES = [
  { login: "admin", role: "系统管理员", org: "鹤岗市社会信用体系建设工作领导小组办公室", panel: "home-admin", audit: true, task: "/users" },
  { login: "office1", role: "信用办工作人员", org: "鹤岗市社会信用体系建设工作领导小组办公室", panel: "home-office", audit: true, task: "/cycles" },
  { login: "reviewer", role: "委托部门/领导小组", org: "鹤岗市政务诚信建设领导小组", panel: "home-reviewer", audit: false, task: "/review" },
  { login: "unit-fgw", role: "受评单位", org: "鹤岗市发展和改革委员会", panel: "home-unit", audit: false, task: "/unit" },
  { login: "src-sfj", role: "信源单位", org: "鹤岗市司法局", panel: "home-source", audit: false, task: "/collect" },
];

test.describe("sign-in", () => {
  test("an anonymous visitor is sent to the sign-in page, and back after signing in", async ({ page }) => {
    await page.goto("/audit?outcome=denied");
    await expect(page).toHaveURL(/\/login\?next=%2Faudit%3Foutcome%3Ddenied$/);
    await expect(page.getByRole("heading", { name: "政务诚信评价平台" })).toBeVisible();
    await new SignInPage(page).signIn("office1");
    await expect(page).toHaveURL(/\/audit\?outcome=denied$/);
    await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  });

  test("an anonymous API call gets 401, not data", async ({ request }) => {
    const response = await request.get("/audit/export", { maxRedirects: 0 });
    expect([302, 307, 401]).toContain(response.status());
    expect(response.headers()["content-type"] ?? "").not.toContain("spreadsheet");
  });

  for (const r of ROLES) {
    test(`${r.login} signs in to the ${r.role} shell`, async ({ page }) => {
      await signInAs(page, r.login);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId("shell-roles")).toHaveText(r.role);
      await expect(page.getByTestId("shell-org")).toHaveText(r.org);
      await expect(page.getByTestId(r.panel)).toBeVisible();
      // The role's first task is one click from home, and its page opens.
      const first = page.getByTestId(r.panel).getByRole("link").first();
      await expect(first).toHaveAttribute("href", r.task);
      await first.click();
      await expect(page).toHaveURL(new RegExp(`${r.task}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "主导航" });
      await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(r.audit ? 1 : 0);
      if (!r.audit) {
        // Hiding the link is not the check: the page itself refuses.
        const response = await page.goto("/audit");
        expect(response?.status()).toBe(404);
        await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
      }
      await page.getByRole("button", { name: "退出" }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("a wrong password gets a clear Chinese message", async ({ page }) => {
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn("office2", "not-the-password");
    await expect(signIn.error()).toHaveText(/用户名或密码错误/);
    await expect(page.getByLabel("用户名或电子邮箱")).toHaveValue("office2");
  });

  test("repeated failures lock the account, even for the right password", async ({ page }) => {
    test.setTimeout(90_000);
    const signIn = new SignInPage(page);
    await signIn.goto();
    for (let i = 0; i < 4; i++) {
      await signIn.signIn("src-wmb", `wrong-password-${i}`);
      await expect(signIn.error()).toHaveText(/用户名或密码错误/);
    }
    await signIn.signIn("src-wmb", "wrong-password-5");
    await expect(signIn.error()).toHaveText(/账户已临时锁定，请15分钟后再试/);
    await signIn.signIn("src-wmb");
    await expect(signIn.error()).toHaveText(/账户已临时锁定/);
  });

  test("a new account must change its password before anything else", async ({ page }) => {
    await createAccount("e2e-newcomer", "Initial-pass-2026", "市财政局", "unit");
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn("e2e-newcomer", "Initial-pass-2026");
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole("status")).toContainText("请先设置您自己的密码");
    await page.goto("/");
    await expect(page).toHaveURL(/\/account\/password$/);

    await page.getByLabel("当前密码").fill("Initial-pass-2026");
    await page.getByLabel("新密码（至少10位，含字母和数字）").fill("short");
    await page.getByLabel("再次输入新密码").fill("short");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.locator("#next-error")).toContainText("新密码至少需要10个字符");

    await page.getByLabel("当前密码").fill("Initial-pass-2026");
    await page.getByLabel("新密码（至少10位，含字母和数字）").fill("Brand-new-pass-7");
    await page.getByLabel("再次输入新密码").fill("Brand-new-pass-7");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?changed=1$/);
    await expect(page.getByRole("status")).toContainText("密码已修改");
    await new SignInPage(page).signIn("e2e-newcomer", "Brand-new-pass-7");
    await expect(page.getByTestId("home-unit")).toBeVisible();
  });
});

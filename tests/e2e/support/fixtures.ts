import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../../../lib/auth/password";
import { E2E } from "./env";

/** The sign-in page as a page object. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/login");
  }

  async signIn(login: string, password = E2E.password) {
    await this.page.getByLabel("用户名或电子邮箱").fill(login);
    await this.page.getByLabel("密码").fill(password);
    // Wait for the server action's answer, so the next attempt never races a form reset.
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
      this.page.getByRole("button", { name: "登录" }).click(),
    ]);
  }

  error() {
    return this.page.locator("#sign-in-error");
  }
}

export async function signInAs(page: Page, login: string, password = E2E.password) {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(login, password);
  await expect(page.getByTestId("shell-identity")).toBeVisible();
}

/** Creates an account straight in the e2e database, as an admin would (forced password change). */
export async function createAccount(username: string, password: string, orgShortName: string, role: string) {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    const org = await client.query("SELECT id FROM organisation WHERE short_name = $1", [orgShortName]);
    await client.query(
      `INSERT INTO app_user (id, username, display_name, password_hash, organisation_id, roles, must_change_password, updated_at)
       VALUES ($1, $2, $3, $4, $5, ARRAY[$6]::"UserRole"[], true, now())`,
      [`e2e-${username}`, username, `新账户 ${username}`, await hashPassword(password), org.rows[0].id, role],
    );
  } finally {
    await client.end();
  }
}

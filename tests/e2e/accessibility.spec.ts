import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "./support/axe";
import { SignInPage, signInAs } from "./support/fixtures";
import { sql } from "./support/sql";

// axe (WCAG 2 A/AA) on the main pages of every role in the demo, the keyboard, phones, and the
// screenshots the README shows. Addresses are read from the demo database, so the spec holds
// whatever other specs did to the 2025 cycle before it.

type Shot = { name: string; fullPage?: boolean };
type Visit = { path: string; heading?: RegExp; shot?: Shot };

const one = async (text: string, values: unknown[] = []) => (await sql<{ id: string }>(text, values))[0]?.id;

async function demo() {
  const archived = (await one("SELECT id FROM cycle WHERE status = 'archived' ORDER BY year DESC LIMIT 1"))!;
  const collecting = await one("SELECT id FROM cycle WHERE status = 'collecting' ORDER BY year DESC LIMIT 1");
  const fgw = (await one("SELECT o.id FROM organisation o JOIN app_user u ON u.organisation_id = o.id WHERE u.username = 'unit-fgw'"))!;
  return { archived, collecting, fgw };
}

async function visitAll(page: Page, visits: readonly Visit[]) {
  for (const v of visits) {
    const response = await page.goto(v.path);
    expect(response?.status(), v.path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    if (v.heading) await expect(page.getByRole("heading", { level: 1 }).first()).toHaveText(v.heading);
    await expectAccessible(page, v.path);
    if (v.shot) await page.screenshot({ path: `docs/screenshots/${v.shot.name}.png`, fullPage: v.shot.fullPage ?? false });
  }
}

test.describe("accessibility: axe finds no serious or critical violation", () => {
  test("office pages", async ({ page }) => {
    test.setTimeout(180_000);
    const { archived, fgw } = await demo();
    await signInAs(page, "office1");
    await visitAll(page, [
      { path: "/", shot: { name: "office-home" } },
      { path: "/cycles" },
      { path: `/cycles/${archived}` },
      { path: `/cycles/${archived}/results` },
      { path: `/cycles/${archived}/reports/${fgw}` },
      { path: `/cycles/${archived}/issue` },
      { path: `/cycles/${archived}/requests` },
      { path: `/cycles/${archived}/approval` },
      { path: `/cycles/${archived}/archive` },
      { path: "/dossiers" },
      { path: `/dossiers/${fgw}`, shot: { name: "office-dossier" } },
    ]);
  });

  test("source pages", async ({ page }) => {
    const { collecting } = await demo();
    await signInAs(page, "src-sfj");
    await visitAll(page, [
      { path: "/", shot: { name: "source-home" } },
      { path: "/collect" },
      ...(collecting ? [{ path: `/collect/${collecting}` }] : []),
    ]);
  });

  test("unit pages", async ({ page }) => {
    const { archived } = await demo();
    await signInAs(page, "unit-fgw");
    await visitAll(page, [
      { path: "/", shot: { name: "unit-home" } },
      { path: "/unit" },
      { path: `/unit/${archived}/report` },
      { path: "/unit/dossier" },
    ]);
  });

  test("reviewer pages", async ({ page }) => {
    const { archived } = await demo();
    await signInAs(page, "reviewer");
    await visitAll(page, [
      { path: "/", shot: { name: "reviewer-home" } },
      { path: "/review" },
      { path: `/review/${archived}` },
    ]);
  });

  test("admin pages", async ({ page }) => {
    await signInAs(page, "admin");
    await visitAll(page, [
      { path: "/", shot: { name: "admin-home" } },
      { path: "/users" },
      { path: "/calendar" },
      { path: "/audit" },
    ]);
  });
});

test.describe("keyboard", () => {
  /** Presses Tab until `selector` has the focus (at most `max` times); the focus ring must show. */
  async function tabTo(page: Page, selector: string, max = 80) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
        const outline = await page.evaluate(() => {
          const style = getComputedStyle(document.activeElement!);
          return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        expect(outline.style, `focus ring on ${selector}`).not.toBe("none");
        expect(outline.width).toBeGreaterThanOrEqual(2);
        return;
      }
    }
    throw new Error(`${selector} not reached by Tab`);
  }

  test("signing in and searching work with the keyboard alone, with a visible focus ring", async ({ page }) => {
    await new SignInPage(page).goto();
    await tabTo(page, "input[name=login], input[autocomplete=username]");
    await page.keyboard.type("office1");
    await tabTo(page, "input[type=password]", 3);
    await page.keyboard.type("Xinyong2026");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("shell-identity")).toBeVisible();
    // The first task of the home page is a few Tabs away and opens with Enter.
    await tabTo(page, "[data-testid=home-office] a");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/cycles$/);
    // The cycle list's search form: Tab to the field, type, Enter.
    await tabTo(page, "main input[name=q]");
    await page.keyboard.type("2024");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]q=2024/);
    await expect(page.getByRole("main").getByRole("link", { name: /2024年度/ }).first()).toBeVisible();
  });
});

test.describe("a unit on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("home, report and dossier fit the width", async ({ page }) => {
    const { archived } = await demo();
    await signInAs(page, "unit-fgw");
    for (const path of ["/", `/unit/${archived}/report`, "/unit/dossier"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoHorizontalScroll(page);
      if (path.endsWith("/report")) {
        // Each indicator's rule, quoted from the scheme, one tap away.
        const help = page.getByTestId("report-indicators").locator("details.indicator-help").first();
        await help.locator("summary").click();
        await expect(help.getByText("评分规则")).toBeVisible();
        await expectNoHorizontalScroll(page);
        await help.screenshot({ path: "test-results/indicator-help.png" });
      }
    }
    await page.screenshot({ path: "docs/screenshots/unit-dossier-phone.png" });
    await page.goto("/");
    await page.screenshot({ path: "docs/screenshots/unit-home-phone.png" });
  });
});

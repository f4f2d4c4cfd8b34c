import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";

// The office corrects a unit's fact in the demo's scoring cycle (the full scoring flow is cycles/scoring specs).

async function scoringCell(): Promise<{ cycleId: string; unitId: string; unitName: string }> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT cu.cycle_id, cu.organisation_id, o.name FROM cycle c JOIN cycle_unit cu ON cu.cycle_id = c.id JOIN organisation o ON o.id = cu.organisation_id
        WHERE c.status = 'scoring' AND cu.issued_at IS NULL ORDER BY o.name LIMIT 1`,
    );
    return { cycleId: rows[0].cycle_id, unitId: rows[0].organisation_id, unitName: rows[0].name };
  } finally {
    await client.end();
  }
}

test("office corrects a value with a reason, and the correction is listed", async ({ page }) => {
  const { cycleId, unitId, unitName } = await scoringCell();
  await signInAs(page, "office1");
  await page.goto(`/cycles/${cycleId}/facts?u=${unitId}&i=DILIGENT.TARGET&run=r1`);
  await expect(page.getByRole("heading", { level: 1, name: "更正指标数据" })).toBeVisible();
  await expect(page.getByText(unitName).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "返回评分" })).toHaveAttribute("href", `/cycles/${cycleId}/scoring/runs/r1`);
  await expect(page.locator("[data-outcome]")).toHaveAttribute("data-outcome", "fact");

  const form = page.getByRole("form", { name: "填报数值" });
  await form.getByLabel("等次").selectOption("一般");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByText(/请填写更正原因/)).toBeVisible();

  await form.getByLabel("更正原因").fill("经与市委考评办核实，考核等次应为一般");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByRole("status")).toHaveText("已更正数值，更正原因已留存");
  const history = page.getByRole("table", { name: "更正记录" });
  await expect(history).toContainText("经与市委考评办核实，考核等次应为一般");
  await expect(history).toContainText("更正数值");

  await page.goto(`/cycles/${cycleId}/facts?u=${unitId}&i=LAW.EXAM`);
  await expect(page.getByRole("link", { name: "返回评分" })).toHaveAttribute("href", `/cycles/${cycleId}`);
  await expect(page.getByRole("form", { name: "添加记录" }).getByLabel("更正原因")).toBeVisible();
});

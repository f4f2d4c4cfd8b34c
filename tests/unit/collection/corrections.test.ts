import { describe, expect, it } from "vitest";
import { correctionBackHref, correctionHref } from "@/lib/collection/correction-links";
import { correctionRefusal } from "@/lib/collection/correction-policy";
import { correctAddRecordSchema, correctNotApplicableSchema, correctValueSchema, correctWithdrawSchema } from "@/lib/collection/correction-schema";

describe("correctionHref", () => {
  it("links a run problem's cell, with the run to return to", () => {
    expect(correctionHref("c1", { unitId: "u1", indicatorCode: "DILIGENT.TARGET", subKey: "" })).toBe("/cycles/c1/facts?u=u1&i=DILIGENT.TARGET");
    expect(correctionHref("c1", { unitId: "u1", indicatorCode: "COMBO", subKey: "grade" }, "r9")).toBe("/cycles/c1/facts?u=u1&i=COMBO&sub=grade&run=r9");
    expect(correctionHref("c 1", { unitId: "u&1", indicatorCode: "A/B", subKey: "" }, null)).toBe("/cycles/c%201/facts?u=u%261&i=A%2FB");
  });

  it("goes back to the run, else to the cycle", () => {
    expect(correctionBackHref("c1", "r9")).toBe("/cycles/c1/scoring/runs/r9");
    expect(correctionBackHref("c1")).toBe("/cycles/c1");
    expect(correctionBackHref("c1", "")).toBe("/cycles/c1");
  });
});

describe("correctionRefusal", () => {
  it("allows scoring and feedback until the unit's initial result is issued", () => {
    expect(correctionRefusal("scoring", null)).toBeNull();
    expect(correctionRefusal("feedback", null)).toBeNull();
    // 2026-12-04 17:30 UTC is 5 December 01:30 in Beijing, whatever the machine's zone.
    expect(correctionRefusal("scoring", new Date("2026-12-04T17:30:00Z"))).toBe("该单位的初评结果已于2026年12月5日 01:30:00送达，数据不能再更正（复评申请审核期间和审批退回后除外）");
    // An issued unit whose re-evaluation request is under review may be corrected in feedback only.
    expect(correctionRefusal("feedback", new Date("2026-12-04T17:30:00Z"), true)).toBeNull();
    expect(correctionRefusal("feedback", new Date("2026-12-04T17:30:00Z"), false)).toMatch(/不能再更正/);
  });

  it("refuses every other state with its name", () => {
    expect(correctionRefusal("collecting", null)).toContain("数据归集尚未结束");
    expect(correctionRefusal("draft", null)).toContain("“筹备”阶段");
    expect(correctionRefusal("archived", null)).toContain("“归档”阶段");
    expect(correctionRefusal("approval", new Date("2026-12-04T17:30:00Z"))).toContain("只能更正被审批退回");
    expect(correctionRefusal("approval", new Date("2026-12-04T17:30:00Z"), true)).toBeNull();
    expect(correctionRefusal("archived", null)).toContain("“归档”阶段");
  });
});

describe("correction schemas", () => {
  const cell = { cycleId: "c", unitId: "u", indicatorCode: "I", sourceOrgId: "s" };
  const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("require a trimmed reason of 2 to 500 characters, in Chinese", () => {
    for (const correctionReason of [undefined, "", "   ", "好"]) {
      expect(problems(correctValueSchema.safeParse({ ...cell, expectedVersion: 0, value: {}, correctionReason })).correctionReason).toMatch(/^请填写更正原因/);
    }
    expect(problems(correctValueSchema.safeParse({ ...cell, expectedVersion: 0, correctionReason: "长".repeat(501) })).correctionReason).toBe("更正原因不能超过500个字");
    const ok = correctValueSchema.parse({ ...cell, expectedVersion: "3", value: { tier: "优秀" }, correctionReason: "  经核实  " });
    expect(ok).toMatchObject({ subKey: "", expectedVersion: 3, correctionReason: "经核实" });
  });

  it("keep the source's own fields and reasons apart from the correction reason", () => {
    expect(Object.keys(problems(correctNotApplicableSchema.safeParse({ ...cell, expectedVersion: 0 }))).sort()).toEqual(["correctionReason", "reason"]);
    expect(Object.keys(problems(correctWithdrawSchema.safeParse({ recordId: "r" }))).sort()).toEqual(["correctionReason", "cycleId", "reason"]);
    expect(Object.keys(problems(correctAddRecordSchema.safeParse({ ...cell, sourceOrgId: "", occurredOn: "2026-02-30" }))).sort()).toEqual(["correctionReason", "description", "occurredOn", "sourceOrgId"]);
  });
});

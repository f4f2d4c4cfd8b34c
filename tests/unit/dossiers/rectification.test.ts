import { describe, expect, it } from "vitest";
import { rectifyRefusal, reviewRefusal } from "@/lib/dossiers/policy";
import { groupRectifications, isClosed, rectificationRowsFor, rectificationStage, type RectificationStatus } from "@/lib/dossiers/rectification";
import { buildReport } from "@/lib/reports/model";
import { reportInput } from "../reports/fixture";

describe("rectificationRowsFor", () => {
  it("writes one open row per problem of the final report, in the report's order", () => {
    const report = buildReport(reportInput({ version: "final" }));
    expect(report.problems.length).toBeGreaterThan(1);
    const rows = rectificationRowsFor({ id: "entry-1", organisationId: "org-1", year: 2026, report });
    expect(rows).toEqual(report.problems.map((p, i) => ({
      entryId: "entry-1", organisationId: "org-1", year: 2026, position: i, indicatorCode: p.indicatorCode, problem: p.problem, suggestion: p.suggestion,
    })));
    expect(rows.every((r) => r.status === undefined && r.review === undefined)).toBe(true);
  });

  it("keeps the staff's edited problems, including a general remark without an indicator", () => {
    const items = [{ indicatorCode: "", problem: "政务诚信制度建设总体滞后", suggestion: "建立健全制度" }, { indicatorCode: "LAW.EXAM", problem: "考核扣分", suggestion: "逐项整改" }];
    const report = buildReport(reportInput({ texts: { items, editedByName: "张三", editedAt: "2026-11-20", resultId: "result-1", version: 2 } }));
    const rows = rectificationRowsFor({ id: "e", organisationId: "o", year: 2025, report });
    expect(rows.map((r) => [r.position, r.indicatorCode, r.problem])).toEqual([[0, "", "政务诚信制度建设总体滞后"], [1, "LAW.EXAM", "考核扣分"]]);
  });

  it("writes nothing for a report without problems", () => {
    const report = { ...buildReport(reportInput()), problems: [] };
    expect(rectificationRowsFor({ id: "e", organisationId: "o", year: 2026, report })).toEqual([]);
  });
});

const item = (status: RectificationStatus, review: string | null) => ({ status, review });

describe("states of an item", () => {
  it("is closed only when done and accepted", () => {
    expect(isClosed(item("done", "accepted"))).toBe(true);
    expect(isClosed(item("done", "pending"))).toBe(false);
    expect(isClosed(item("done", "returned"))).toBe(false);
    expect(isClosed(item("in_progress", "accepted"))).toBe(false);
    expect(isClosed(item("open", null))).toBe(false);
  });

  it("names the stage for its badge", () => {
    expect(rectificationStage(item("open", null))).toEqual({ stage: "todo", label: "待报送整改情况" });
    expect(rectificationStage(item("in_progress", "pending"))).toEqual({ stage: "pending", label: "整改中，待信用办审核" });
    expect(rectificationStage(item("done", "returned"))).toEqual({ stage: "returned", label: "已完成，已退回，请重新报送" });
    expect(rectificationStage(item("in_progress", "accepted"))).toEqual({ stage: "accepted", label: "整改中，进度已认可" });
    expect(rectificationStage(item("done", "accepted"))).toEqual({ stage: "closed", label: "已办结" });
  });

  it("lets the unit report until closed, and the office review only a pending report", () => {
    expect(rectifyRefusal(item("open", null))).toBeNull();
    expect(rectifyRefusal(item("done", "pending"))).toBeNull();
    expect(rectifyRefusal(item("in_progress", "accepted"))).toBeNull();
    expect(rectifyRefusal(item("done", "accepted"))).toMatch(/已经信用办认可办结/);
    expect(reviewRefusal(item("done", "pending"))).toBeNull();
    expect(reviewRefusal(item("open", null))).toMatch(/尚未报送/);
    expect(reviewRefusal(item("done", "returned"))).toMatch(/重新报送后再审核/);
    expect(reviewRefusal(item("done", "accepted"))).toMatch(/已经审核/);
  });
});

describe("groupRectifications", () => {
  const row = (id: string, year: number, position: number, status: RectificationStatus, review: string | null) => ({ id, year, position, status, review });

  it("carries forward what earlier years left open, oldest first, and keeps their closed items as history", () => {
    const items = [
      row("c1", 2026, 1, "open", null),
      row("c0", 2026, 0, "in_progress", "pending"),
      row("b0", 2025, 0, "done", "accepted"),
      row("b1", 2025, 1, "done", "pending"),
      row("a0", 2024, 0, "in_progress", "accepted"),
      row("a1", 2024, 1, "done", "accepted"),
    ];
    const groups = groupRectifications(items, 2026);
    expect(groups.current).toEqual({ year: 2026, items: [items[1], items[0]] });
    expect(groups.carried.map((i) => i.id)).toEqual(["a0", "b1"]);
    expect(groups.history).toEqual([{ year: 2025, items: [items[2]] }, { year: 2024, items: [items[5]] }]);
  });

  it("a newest year without problems still carries forward the earlier open items", () => {
    const groups = groupRectifications([row("a0", 2025, 0, "open", null)], 2026);
    expect(groups.current).toEqual({ year: 2026, items: [] });
    expect(groups.carried.map((i) => i.id)).toEqual(["a0"]);
  });

  it("is empty before anything is archived", () => {
    expect(groupRectifications([], null)).toEqual({ current: null, carried: [], history: [] });
  });
});

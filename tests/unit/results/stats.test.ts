import { describe, expect, it } from "vitest";
import { canReadCycleResults } from "@/lib/results/policy";
import { rankingQuerySchema, rankingSortFor, startScoringSchema } from "@/lib/results/schema";
import { BIN_COUNT, binLabel, binOf, fillBins, orderGrades, percentOf, scoreDelta } from "@/lib/results/stats";

describe("score bins", () => {
  it("one bin below 60, then 5 points wide, 100 in the last", () => {
    expect(BIN_COUNT).toBe(9);
    expect([0, 59.99, 60, 64.99, 65, 89.99, 90, 95, 99.99, 100].map(binOf)).toEqual([0, 0, 1, 1, 2, 6, 7, 8, 8, 8]);
    expect(Array.from({ length: BIN_COUNT }, (_, i) => binLabel(i))).toEqual(["60分以下", "60–65分", "65–70分", "70–75分", "75–80分", "80–85分", "85–90分", "90–95分", "95–100分"]);
  });

  it("fills the bins the database returned nothing for", () => {
    const bins = fillBins([{ bin: 7, count: 3 }, { bin: 0, count: 1 }]);
    expect(bins.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 3, 0]);
    expect(bins[7]).toEqual({ bin: 7, label: "90–95分", count: 3 });
  });
});

describe("percentages, grades and deltas", () => {
  it("a score as a percentage of its weight, one decimal", () => {
    expect(percentOf(15.86, 20)).toBe(79.3);
    expect(percentOf(25, 25)).toBe(100);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(5, 0)).toBe(0);
  });

  it("grades in the scheme's order with zeros, then any unknown grade", () => {
    expect(orderGrades(["优秀", "良好", "一般"], [{ grade: "一般", count: 2 }, { grade: "优秀", count: 1 }, { grade: null, count: 1 }])).toEqual([
      { grade: "优秀", count: 1 }, { grade: "良好", count: 0 }, { grade: "一般", count: 2 }, { grade: "未定等次", count: 1 },
    ]);
  });

  it("the change between two totals in exact cents", () => {
    expect(scoreDelta("80.00", "78.00")).toBe("−2.00");
    expect(scoreDelta("70.10", "70.30")).toBe("+0.20");
    expect(scoreDelta("70.00", "70.00")).toBe("0.00");
    expect(scoreDelta(null, "50.00")).toBeNull();
  });
});

describe("query strings and the start form", () => {
  it("falls back to the ranking for unknown sorts and categories", () => {
    expect(rankingQuerySchema.parse({ sort: "drop table" }).sort).toBe("rank");
    const query = rankingQuerySchema.parse({ sort: "cat:LAW", order: "desc", page: "3", issued: "maybe", kind: "county" });
    expect(query).toMatchObject({ sort: "cat:LAW", order: "desc", page: 3, issued: undefined, kind: "county" });
    expect(rankingSortFor(query, ["LAW", "OPEN"])).toBe("cat:LAW");
    expect(rankingSortFor(query, ["OPEN"])).toBe("rank");
  });

  it("needs at least one unit when scoring selected units", () => {
    expect(startScoringSchema.safeParse({ cycleId: "c1", scope: "all" }).success).toBe(true);
    const refused = startScoringSchema.safeParse({ cycleId: "c1", scope: "selected", unitIds: [] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["unitIds", "请至少选择一个单位"]]);
    expect(startScoringSchema.parse({ cycleId: "c1", scope: "selected", unitIds: ["u1", "u2"] }).unitIds).toEqual(["u1", "u2"]);
  });
});

describe("who reads results", () => {
  it("office from scoring on, reviewers in approval and archived", () => {
    expect(canReadCycleResults(["office"], "collecting")).toBe(false);
    expect(canReadCycleResults(["office"], "scoring")).toBe(true);
    expect(canReadCycleResults(["reviewer"], "feedback")).toBe(false);
    expect(canReadCycleResults(["reviewer"], "approval")).toBe(true);
    expect(canReadCycleResults(["reviewer"], "archived")).toBe(true);
    expect(canReadCycleResults(["admin", "unit", "source"], "archived")).toBe(false);
  });
});

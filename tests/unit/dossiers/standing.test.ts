import { describe, expect, it } from "vitest";
import { matchingSlots, recordItemLabel, recordStanding, standingSlots } from "@/lib/dossiers/standing";
import { kitchenSinkScheme } from "../../support/monitor-factory";

describe("trust and breach records", () => {
  it("classifies by rule kind: awards and bonus counts are trust; deductions and vetoes are breach; the rest neither", () => {
    expect(recordStanding({ kind: "award", levels: { national: 10 } })).toBe("trust");
    expect(recordStanding({ kind: "count", mode: "additive", perItem: 1, label: "创建活动", unit: "次" })).toBe("trust");
    expect(recordStanding({ kind: "count", mode: "shortfall", target: 4, perMissing: 0.5, label: "会议", unit: "次" })).toBeNull();
    expect(recordStanding({ kind: "deduction", items: [{ key: "a", label: "通报", points: 1 }] })).toBe("breach");
    expect(recordStanding({ kind: "veto", event: "被列为失信被执行人" })).toBe("breach");
    expect(recordStanding({ kind: "binary", question: "已公示" })).toBeNull();
    expect(recordStanding({ kind: "manual", guidance: "评议" })).toBeNull();
  });

  it("finds the slots of a scheme whose records count, including a composite indicator's sub-item", () => {
    const slots = standingSlots(kitchenSinkScheme);
    expect(slots.map((s) => [s.indicatorCode, s.subKey, s.standing])).toEqual([
      ["DED", "", "breach"],
      ["VETO", "", "breach"],
      ["COUNT", "", "trust"],
      ["AWARD", "", "trust"],
      ["COMBO", "findings", "breach"],
    ]);
    expect(slots.find((s) => s.subKey === "findings")?.name).toBe("组合指标 · 问题");
  });

  it("filters the slots by standing and by code or name", () => {
    const slots = standingSlots(kitchenSinkScheme);
    expect(matchingSlots(slots, "trust", undefined).map((s) => s.indicatorCode)).toEqual(["COUNT", "AWARD"]);
    expect(matchingSlots(slots, null, "组合").map((s) => s.indicatorCode)).toEqual(["COMBO"]);
    expect(matchingSlots(slots, "breach", "veto").map((s) => s.indicatorCode)).toEqual(["VETO"]);
    expect(matchingSlots(slots, "trust", "失信")).toEqual([]);
  });

  it("names what a record counted towards", () => {
    const [ded, , , award] = standingSlots(kitchenSinkScheme);
    expect(recordItemLabel(ded!, "major")).toBe("重大问题");
    expect(recordItemLabel(award!, "national")).toBe("国家级");
    expect(recordItemLabel(ded!, "")).toBe("");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHANGE_BIN_COUNT, CHANGE_CENTER, changeBinLabel, changeBinOf, fillChangeBins, formatChange, gradeOrder, NO_GRADE, sideLabels, transitionMatrix } from "@/lib/results/movers";

const STANDARD = [{ min: 90, label: "优秀" }, { min: 80, label: "良好" }, { min: 60, label: "一般" }, { min: 0, label: "较差" }];

describe("change bins", () => {
  it("are symmetric around an exact zero, edges falling in the smaller bin", () => {
    expect([-12, -10, -5.01, -5, -2.01, -2, -0.01, 0, 0.01, 2, 2.01, 5, 5.01, 10, 10.01, 40].map(changeBinOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8]);
    expect(CHANGE_CENTER).toBe(4);
    expect(CHANGE_BIN_COUNT).toBe(9);
  });

  it("are labelled from the largest fall to the largest rise", () => {
    expect(Array.from({ length: CHANGE_BIN_COUNT }, (_, bin) => changeBinLabel(bin))).toEqual([
      "下降10分以上", "下降5–10分", "下降2–5分", "下降0–2分", "不变", "上升0–2分", "上升2–5分", "上升5–10分", "上升10分以上",
    ]);
  });

  it("put every change of a total (0–100, cents) in a bin, a rise and its fall mirrored", () => {
    fc.assert(fc.property(fc.integer({ min: -10000, max: 10000 }), (cents) => {
      const bin = changeBinOf(cents / 100);
      expect(bin).toBeGreaterThanOrEqual(0);
      expect(bin).toBeLessThan(CHANGE_BIN_COUNT);
      expect(changeBinOf(-cents / 100)).toBe(2 * CHANGE_CENTER - bin);
    }));
  });

  it("fill the bins the database returned no row for with 0", () => {
    expect(fillChangeBins([{ bin: 4, count: 3 }, { bin: 8, count: 1 }]).map((b) => b.count)).toEqual([0, 0, 0, 0, 3, 0, 0, 0, 1]);
  });
});

describe("formatChange", () => {
  it("signs a change with a real minus sign, keeps two decimals", () => {
    expect([formatChange("2.5"), formatChange("-3.00"), formatChange("0.00"), formatChange("-0.001"), formatChange(null)]).toEqual(["+2.50", "−3.00", "0.00", "0.00", null]);
  });
});

describe("grade order and the transition matrix", () => {
  it("orders grades by the highest line any scheme gives them, then unknown ones, then no grade", () => {
    const three = [{ min: 85, label: "优秀" }, { min: 70, label: "合格" }, { min: 0, label: "不合格" }];
    expect(gradeOrder([...STANDARD, ...three])).toEqual(["优秀", "良好", "合格", "一般", "不合格", "较差"]);
    expect(gradeOrder(STANDARD, ["良好", "特等", null])).toEqual(["优秀", "良好", "一般", "较差", "特等", NO_GRADE]);
    expect(gradeOrder([{ min: "80.5", label: "甲" }, { min: 90, label: "乙" }])).toEqual(["乙", "甲"]);
  });

  it("is a full square of counts with row, column and overall totals", () => {
    const m = transitionMatrix(STANDARD, [{ from: "良好", to: "优秀", count: 2 }, { from: "一般", to: "一般", count: 5 }, { from: "较差", to: null, count: 1 }]);
    expect(m.grades).toEqual(["优秀", "良好", "一般", "较差", NO_GRADE]);
    expect(m.rows.map((r) => r.counts)).toEqual([
      [0, 0, 0, 0, 0],
      [2, 0, 0, 0, 0],
      [0, 0, 5, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ]);
    expect(m.rows.map((r) => r.total)).toEqual([0, 2, 5, 1, 0]);
    expect(m.columnTotals).toEqual([2, 0, 5, 0, 1]);
    expect(m.total).toBe(8);
    expect(transitionMatrix([], []).total).toBe(0);
  });
});

describe("sideLabels", () => {
  it("names the cycles by year, or by name when both are of the same year", () => {
    expect(sideLabels({ year: 2024, name: "x" }, { year: 2025, name: "y" })).toEqual({ a: "2024年度", b: "2025年度" });
    expect(sideLabels({ year: 2025, name: "2025年度（试点）" }, { year: 2025, name: "2025年度" })).toEqual({ a: "2025年度（试点）", b: "2025年度" });
  });
});

import { describe, expect, it } from "vitest";
import { scoreUnits, type Indicator, type Rule, type SchemeDocument } from "@/lib/scoring";
import { indicator, mustScore, schemeOf, schemeWith, unit } from "./helpers";

const yes: Rule = { kind: "binary", question: "达标" };
const manual: Rule = { kind: "manual" };
const note = (score: number) => ({ score, note: "评定" });

describe("not applicable", () => {
  // Category A (weight 60): a1 max 10, a2 max 20 → M_A = 30; category B (weight 40): b1 max 40.
  const scheme = (policy: SchemeDocument["notApplicable"]) =>
    schemeOf(
      [
        { code: "A", name: "甲", weight: 60, indicators: [indicator("a1", 10, manual), indicator("a2", 20, manual)] },
        { code: "B", name: "乙", weight: 40, indicators: [indicator("b1", 40, manual)] },
      ],
      policy,
    );
  const facts = { a1: "N/A", a2: note(15), b1: note(30) };

  it("full_marks: the indicator scores its max and is marked 不涉及", () => {
    // S_A = 10 + 15 = 25 → 25 × 60 / 30 = 50.00; B: 30.00; total 80.00
    const [result] = mustScore(scheme("full_marks"), [unit("U", facts)]);
    expect(result?.total).toBe("80.00");
    expect(result?.categories.map((c) => c.score)).toEqual(["50.00", "30.00"]);
    expect(result?.indicators[0]).toEqual({
      code: "a1",
      score: "10.00",
      max: 10,
      notApplicable: true,
      explanation: "不涉及，按满分计",
    });
  });

  it("rescale: the indicator is left out and the total scaled back to 100", () => {
    // S_A = 15, A_A = 20 → subtotal round2(15 × 60 / 30) = 30.00; B 30.00.
    // W = 60 × 20 / 30 + 40 × 40 / 40 = 80 → total = round2(60 × 100 / 80) = 75.00
    const [result] = mustScore(scheme("rescale"), [unit("U", facts)]);
    expect(result?.total).toBe("75.00");
    expect(result?.indicators[0]?.score).toBeNull();
    expect(result?.indicators[0]?.notApplicable).toBe(true);
  });

  it("rescale computes W as an exact fraction (a tie floats round the wrong way)", () => {
    // One category (weight 100) with x (max 1) and y (max 2); x is N/A.
    // subtotal = round2(1.78 × 100 / 3) = 59.33; W = 100 × 2 / 3 = 66.66…;
    // total = 59.33 × 100 / (200/3) = 88.995 → 89.00 (with W as a float: 88.99499… → 88.99).
    const rescaled: SchemeDocument = {
      ...schemeWith([indicator("x", 1, yes), indicator("y", 2, manual)], { weight: 100 }),
      notApplicable: "rescale",
    };
    const [result] = mustScore(rescaled, [unit("U", { x: "N/A", y: note(1.78) })]);
    expect(result?.categories[0]?.score).toBe("59.33");
    expect(result?.total).toBe("89.00");
  });

  it("rescale refuses a unit for which nothing applies", () => {
    const outcome = scoreUnits(scheme("rescale"), [unit("U", { a1: "N/A", a2: "N/A", b1: "N/A" })]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems).toEqual([expect.objectContaining({ unit: "U", path: "units[0].facts" })]);
  });

  it("full_marks scores a unit for which nothing applies at 100", () => {
    const [result] = mustScore(scheme("full_marks"), [unit("U", { a1: "N/A", a2: "N/A", b1: "N/A" })]);
    expect(result?.total).toBe("100.00");
  });
});

describe("arithmetic", () => {
  it("scales a category whose weight differs from its maxima: round2(S × weight / M)", () => {
    // weight 20, M = 3: S = 1 → 6.666… → 6.67
    const scheme = schemeWith([indicator("x", 1, yes), indicator("y", 2, yes)], { weight: 20 });
    const [result] = mustScore(scheme, [unit("U", { x: { met: true }, y: { met: false } })]);
    expect(result?.categories[0]).toEqual({ code: "C", score: "6.67", weight: 20 });
    expect(result?.total).toBe("6.67");
  });

  it("sums rounded sub-item scores, clamped to the indicator max", () => {
    const composite: Indicator = {
      code: "X",
      name: "组合",
      max: 2,
      sources: [],
      items: [
        { key: "a", name: "甲", max: 1.5, rule: { kind: "binary", question: "甲" } },
        { key: "b", name: "乙", max: 1, rule: { kind: "binary", question: "乙" } },
      ],
    };
    const [result] = mustScore(schemeWith([composite]), [unit("U", { X: { items: { a: { met: true }, b: { met: true } } } })]);
    const x = result?.indicators[0];
    expect(x?.score).toBe("2.00");
    expect(x?.items?.map((item) => item.score)).toEqual(["1.50", "1.00"]);
    expect(x?.explanation).toBe("甲：甲：是，得1.50分；乙：乙：是，得1.00分；子项合计2.50分，超过满分2.00分，得2.00分");
  });

  it("rounds each sub-item before summing", () => {
    // 0.335 → 0.34 twice = 0.68 (rounding the sum 0.67 would give 0.67)
    const composite: Indicator = {
      code: "X",
      name: "组合",
      max: 2,
      sources: [],
      items: [
        { key: "a", name: "甲", max: 1, rule: { kind: "ratio" } },
        { key: "b", name: "乙", max: 1, rule: { kind: "ratio" } },
      ],
    };
    const [result] = mustScore(schemeWith([composite]), [unit("U", { X: { items: { a: { value: 0.335 }, b: { value: 0.335 } } } })]);
    expect(result?.indicators[0]?.score).toBe("0.68");
  });
});

describe("grades and positions", () => {
  const scheme = schemeWith([indicator("s", 100, manual)]);
  const totals = [90, 89.99, 85, 85, 59.99, 60, 80];
  const results = mustScore(
    scheme,
    totals.map((score, i) => unit(`U${i}`, { s: note(score) })),
  );

  it("gives the first band whose min the total reaches", () => {
    expect(results.map((r) => r.grade)).toEqual(["优秀", "良好", "良好", "良好", "较差", "一般", "良好"]);
  });

  it("ranks by total, equal totals sharing a position (1, 2, 2, 4)", () => {
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 3, 7, 6, 5]);
  });

  it("leaves the grade empty below every band", () => {
    const strict = schemeWith([indicator("s", 100, manual)], { grades: [{ min: 60, label: "合格" }] });
    expect(mustScore(strict, [unit("U", { s: note(59.99) })])[0]?.grade).toBeNull();
  });

  it("keeps the order of the units", () => {
    expect(results.map((r) => r.code)).toEqual(totals.map((_, i) => `U${i}`));
  });
});

describe("rank rules in a run", () => {
  const scheme = schemeWith([indicator("r", 2, { kind: "rank", full: 2, top: 1.8, better: "lower" }), indicator("s", 98, manual)]);
  it("ranks among the units with a value; N/A and null take no part", () => {
    const results = mustScore(scheme, [
      unit("A", { r: { value: 0.3 }, s: note(90) }),
      unit("B", { r: { value: 0.1 }, s: note(90) }),
      unit("C", { r: { value: null }, s: note(90) }),
      unit("D", { r: "N/A", s: note(90) }),
      unit("E", { r: { value: 0.3 }, s: note(90) }),
    ]);
    // k = 3 (A, B, E): B first → 1.80; A and E share position 2 → 1.8 × 2 / 3 = 1.20
    expect(results.map((r) => r.indicators[0]?.score)).toEqual(["1.20", "1.80", "2.00", "2.00", "1.20"]);
    expect(results[0]?.indicators[0]?.explanation).toBe("在3个有案件的单位中排第2位，得1.20分");
    expect(results.map((r) => r.total)).toEqual(["91.20", "91.80", "92.00", "92.00", "91.20"]);
  });
});

describe("invalid and missing facts", () => {
  const scheme = schemeWith([
    indicator("d", 10, { kind: "deduction", items: [{ key: "items", label: "扣分项", points: 1 }] }),
    indicator("t", 10, { kind: "tiered", tiers: [{ label: "优秀", points: 10 }] }),
    indicator("m", 5, manual),
  ]);

  it("lists every problem of every unit and scores nothing", () => {
    const outcome = scoreUnits(scheme, [
      unit("A", { d: { counts: { items: -1 } }, t: { tier: "良" }, m: { score: 6, note: "" } }),
      unit("B", { d: { counts: { items: 1 } }, t: { tier: "优秀" }, m: note(5) }),
      unit("C", { d: { counts: { item: 2 } }, t: "N/A", x: 1 }),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.unit, p.indicator, p.path])).toEqual([
      ["A", "d", "units[0].facts.d.counts.items"],
      ["A", "t", "units[0].facts.t.tier"],
      ["A", "m", "units[0].facts.m.score"],
      ["A", "m", "units[0].facts.m.note"],
      ["C", "d", "units[2].facts.d.counts"],
      ["C", "m", "units[2].facts.m"],
      ["C", undefined, "units[2].facts.x"],
    ]);
    expect(outcome.problems.map((p) => p.message)).toEqual([
      "计数必须是非负整数",
      "等次必须是以下之一：优秀",
      "评分必须在0到5分之间",
      "人工评分必须填写评分说明",
      "未知的扣分项“item”（扣分项只能是：items）",
      '缺少指标“m”的数据（不涉及请填 "N/A"）',
      "方案中没有指标“x”",
    ]);
  });

  it("lists every missing (unit, indicator) pair", () => {
    const outcome = scoreUnits(scheme, [unit("A", {}), unit("B", { d: { counts: {} } })]);
    expect(outcome.ok ? [] : outcome.problems.map((p) => `${p.unit}/${p.indicator}`)).toEqual([
      "A/d",
      "A/t",
      "A/m",
      "B/t",
      "B/m",
    ]);
  });

  it("refuses empty and repeated unit codes", () => {
    const facts = { d: { counts: {} }, t: { tier: "优秀" }, m: note(1) };
    const outcome = scoreUnits(scheme, [unit("A", facts), unit(" ", facts), unit("A", facts)]);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.message)).toEqual([
      "单位代码不能为空",
      "单位代码重复：与第1个单位相同",
    ]);
  });

  it("treats inherited properties as missing, not as facts", () => {
    const inherited = schemeWith([indicator("constructor", 10, yes)]);
    const outcome = scoreUnits(inherited, [unit("A", {})]);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.path)).toEqual(["units[0].facts.constructor"]);
  });

  it("lists composite problems per sub-item", () => {
    const composite: Indicator = {
      code: "X",
      name: "组合",
      max: 2,
      sources: [],
      items: [
        { key: "a", name: "甲", max: 1, rule: yes },
        { key: "b", name: "乙", max: 1, rule: yes },
        { key: "c", name: "丙", max: 1, rule: yes },
      ],
    };
    const outcome = scoreUnits(schemeWith([composite]), [
      unit("A", { X: { items: { a: "N/A", b: { met: 2 }, z: { met: true } } } }),
      unit("B", { X: { a: { met: true } } }),
    ]);
    expect(outcome.ok ? [] : outcome.problems.map((p) => [p.item ?? "", p.path, p.message])).toEqual([
      ["a", "units[0].facts.X.items.a", "不涉及（N/A）只能针对整个指标填写，不能用于子项"],
      ["b", "units[0].facts.X.items.b.met", "met 必须是 true（是）或 false（否）"],
      ["c", "units[0].facts.X.items.c", "缺少子项“丙”的数据"],
      ["z", "units[0].facts.X.items.z", "指标没有子项“z”"],
      ["", "units[1].facts.X", '数据格式应为 {"items": {"子项": 数据}}'],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { getBuiltInScheme, scoreUnits, validateScheme, type SchemeDocument, type UnitResult } from "@/lib/scoring";
import { hegangCredit2022County, hegangCredit2022Dept } from "@/lib/scoring/templates/hegang-credit-2022";

const none = { counts: {} };

/** County facts with nothing to deduct. */
function countyClean(): Record<string, unknown> {
  return {
    "BASE.ORGANIZATION": none,
    "BASE.SYSTEM": none,
    "BASE.DOUBLE": none,
    "BASE.FOUR_TYPES": none,
    "BUSINESS.XINYIDAI": { value: 0.25 },
    "BUSINESS.QR_CODE": { value: 0.5 },
    "BUSINESS.SEVEN": none,
    "BUSINESS.PLEDGE": { value: 1 },
    "BUSINESS.MAJOR": { counts: { firms_over: 0, gov_debtor: 0 } },
    "BUSINESS.PILOT": none,
    "SUPERVISION.PLEDGE": { value: 1500 },
    "SUPERVISION.JOINT": none,
    "RIGHTS.REPAIR": { value: 0.9 },
    "EDUCATION.COURSE": none,
    "REPORTING.ARTICLES": { value: 42 },
  };
}

/** Department facts with nothing to deduct. */
function deptClean(): Record<string, unknown> {
  return {
    "BASE.SYSTEM": none,
    "BASE.DOUBLE": none,
    "BASE.DATA": none,
    "BASE.USCC": none,
    "BASE.FOUR_TYPES": none,
    "BUSINESS.XINYIDAI": none,
    "BUSINESS.SERVICES": none,
    "BUSINESS.SEVEN": none,
    "BUSINESS.QR_CODE": none,
    "BUSINESS.PLEDGE": none,
    "BUSINESS.MAJOR": none,
    "SUPERVISION.PLEDGE": none,
    "SUPERVISION.JOINT": none,
    "SUPERVISION.GRADED": none,
    "RIGHTS.REPAIR": { value: 0.8 },
    "EDUCATION.COURSE": none,
    "REPORTING.ARTICLES": { value: 12 },
  };
}

function score(scheme: SchemeDocument, units: { code: string; facts: Record<string, unknown> }[]): UnitResult[] {
  const outcome = scoreUnits(scheme, units);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems, null, 2));
  return outcome.results;
}

function indicator(result: UnitResult | undefined, code: string) {
  const found = result?.indicators.find((i) => i.code === code);
  if (found === undefined) throw new Error(`no indicator ${code}`);
  return found;
}

function shape(scheme: SchemeDocument) {
  return scheme.categories.map((c) => [c.code, c.name, c.weight, c.indicators.map((i) => [i.code, i.max])]);
}

function checkCommon(scheme: SchemeDocument) {
  expect(validateScheme(scheme)).toEqual({ errors: [], warnings: [] });
  expect(scheme.notApplicable).toBe("full_marks");
  expect(scheme.categories.reduce((s, c) => s + c.weight, 0)).toBe(100);
  for (const category of scheme.categories) {
    expect(category.indicators.reduce((s, i) => s + i.max * 100, 0) / 100).toBe(category.weight);
    for (const ind of category.indicators) {
      // deduction-from-100: every row is a plain deduction or threshold, with the seed's evidence
      expect(["deduction", "threshold"]).toContain(ind.rule?.kind);
      expect(ind.items).toBeUndefined();
      expect(ind.evidence).toBeTruthy();
      expect(ind.sources.length).toBeGreaterThan(0);
    }
  }
}

describe("hegang-credit-2022-county template", () => {
  it("validates, applies to counties and totals 100 with the annex 1 rows", () => {
    checkCommon(hegangCredit2022County);
    expect(hegangCredit2022County.code).toBe("hegang-credit-2022-county");
    expect(getBuiltInScheme("hegang-credit-2022-county")).toBe(hegangCredit2022County);
    expect(hegangCredit2022County.unitKinds).toEqual(["county"]);
    expect(shape(hegangCredit2022County)).toEqual([
      [
        "BASE",
        "信用制度和基础建设",
        25,
        [
          ["BASE.ORGANIZATION", 5],
          ["BASE.SYSTEM", 5],
          ["BASE.DOUBLE", 10],
          ["BASE.FOUR_TYPES", 5],
        ],
      ],
      [
        "BUSINESS",
        "优化营商环境",
        40,
        [
          ["BUSINESS.XINYIDAI", 10],
          ["BUSINESS.QR_CODE", 10],
          ["BUSINESS.SEVEN", 5],
          ["BUSINESS.PLEDGE", 5],
          ["BUSINESS.MAJOR", 5],
          ["BUSINESS.PILOT", 5],
        ],
      ],
      [
        "SUPERVISION",
        "信用监管",
        10,
        [
          ["SUPERVISION.PLEDGE", 5],
          ["SUPERVISION.JOINT", 5],
        ],
      ],
      ["RIGHTS", "权益保护", 10, [["RIGHTS.REPAIR", 10]]],
      ["EDUCATION", "诚信教育", 5, [["EDUCATION.COURSE", 5]]],
      ["REPORTING", "信息报送", 10, [["REPORTING.ARTICLES", 10]]],
    ]);
  });

  it("uses the thresholds of spec/schemes.md", () => {
    const all = Object.fromEntries(hegangCredit2022County.categories.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    expect(all["BUSINESS.XINYIDAI"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 0.2, points: 10 });
    expect(all["BUSINESS.QR_CODE"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 0.4, points: 10 });
    expect(all["BUSINESS.PLEDGE"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 1, points: 5 });
    expect(all["SUPERVISION.PLEDGE"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 1000, points: 5 });
    expect(all["SUPERVISION.PLEDGE"]?.note).toContain("不低于1000份");
    expect(all["RIGHTS.REPAIR"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 0.8, points: 10 });
    expect(all["REPORTING.ARTICLES"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 30, points: 10 });
  });

  it("scores worked examples (arithmetic from the seed by hand)", () => {
    const [a, b, c] = score(hegangCredit2022County, [
      { code: "A", facts: countyClean() }, // nothing deducted → 100.00
      {
        code: "B",
        facts: {
          ...countyClean(),
          // 领导小组未调整 2.5 + 未开会 (2 findings, once) 2.5 → 5 − 5 = 0
          "BASE.ORGANIZATION": { counts: { group_not_adjusted: 1, no_meeting: 2 } },
          // 准确率/及时率低于100% found 3 times, deducted once: 10 − 5 = 5
          "BASE.DOUBLE": { counts: { rate_below_full: 3 } },
          // BASE = 0 + 5 + 5 + 5 = 15
          "BUSINESS.XINYIDAI": { value: 0.15 }, // 15% < 20% → 10 − 10 = 0
          "BUSINESS.QR_CODE": { value: 0.4 }, // 40% is not below 40% → 10
          "BUSINESS.PLEDGE": { value: 0.98 }, // 98% < 100% → 5 − 5 = 0
          "BUSINESS.MAJOR": { counts: { gov_debtor: 1 } }, // 5 − 2.5 = 2.5
          // BUSINESS = 0 + 10 + 5 + 0 + 2.5 + 5 = 22.5
          "SUPERVISION.PLEDGE": { value: 999 }, // 999 < 1000 → 0
          "SUPERVISION.JOINT": { counts: { no_check: 1 } }, // 5 − 2.5 = 2.5
          // SUPERVISION = 2.5
          "RIGHTS.REPAIR": { value: 0.8 }, // 80% not below 80% → 10
          "EDUCATION.COURSE": "N/A", // not involved → 5
          "REPORTING.ARTICLES": { value: 29 }, // 29 < 30 → 0
          // Total = 15 + 22.5 + 2.5 + 10 + 5 + 0 = 55.00
        },
      },
      {
        code: "C",
        facts: {
          ...countyClean(),
          "BASE.FOUR_TYPES": { counts: { not_recorded: 4 } }, // once → 5 − 5 = 0
          "BUSINESS.QR_CODE": { value: 0.39 }, // < 40% → 0
          "SUPERVISION.PLEDGE": { value: 1000 }, // exactly 1000 → 5
          "RIGHTS.REPAIR": "N/A", // → 10
          // Total = 100 − 5 − 10 = 85.00
        },
      },
    ]);
    expect(a?.total).toBe("100.00");
    expect(a?.grade).toBe("优秀");
    expect(indicator(b, "BASE.ORGANIZATION").score).toBe("0.00");
    expect(indicator(b, "BASE.DOUBLE").score).toBe("5.00");
    expect(indicator(b, "BUSINESS.QR_CODE").score).toBe("10.00");
    expect(indicator(b, "BUSINESS.MAJOR").score).toBe("2.50");
    expect(indicator(b, "SUPERVISION.PLEDGE").score).toBe("0.00");
    expect(indicator(b, "EDUCATION.COURSE")).toMatchObject({ score: "5.00", notApplicable: true });
    expect(b?.categories.map((x) => [x.code, x.score])).toEqual([
      ["BASE", "15.00"],
      ["BUSINESS", "22.50"],
      ["SUPERVISION", "2.50"],
      ["RIGHTS", "10.00"],
      ["EDUCATION", "5.00"],
      ["REPORTING", "0.00"],
    ]);
    expect(b?.total).toBe("55.00");
    expect(b?.grade).toBe("较差");
    expect(indicator(c, "SUPERVISION.PLEDGE").score).toBe("5.00");
    expect(indicator(c, "RIGHTS.REPAIR")).toMatchObject({ score: "10.00", notApplicable: true });
    expect(c?.total).toBe("85.00");
    expect(c?.grade).toBe("良好");
    expect([a?.rank, b?.rank, c?.rank]).toEqual([1, 3, 2]);
  });
});

describe("hegang-credit-2022-dept template", () => {
  it("validates, applies to municipal departments and totals 100 with the annex 2 rows", () => {
    checkCommon(hegangCredit2022Dept);
    expect(hegangCredit2022Dept.code).toBe("hegang-credit-2022-dept");
    expect(getBuiltInScheme("hegang-credit-2022-dept")).toBe(hegangCredit2022Dept);
    expect(hegangCredit2022Dept.unitKinds).toEqual(["municipal_department"]);
    expect(shape(hegangCredit2022Dept)).toEqual([
      [
        "BASE",
        "信用制度和基础建设",
        30,
        [
          ["BASE.SYSTEM", 5],
          ["BASE.DOUBLE", 10],
          ["BASE.DATA", 5],
          ["BASE.USCC", 5],
          ["BASE.FOUR_TYPES", 5],
        ],
      ],
      [
        "BUSINESS",
        "优化营商环境",
        30,
        [
          ["BUSINESS.XINYIDAI", 5],
          ["BUSINESS.SERVICES", 5],
          ["BUSINESS.SEVEN", 5],
          ["BUSINESS.QR_CODE", 5],
          ["BUSINESS.PLEDGE", 5],
          ["BUSINESS.MAJOR", 5],
        ],
      ],
      [
        "SUPERVISION",
        "信用监管",
        20,
        [
          ["SUPERVISION.PLEDGE", 10],
          ["SUPERVISION.JOINT", 5],
          ["SUPERVISION.GRADED", 5],
        ],
      ],
      ["RIGHTS", "权益保护", 5, [["RIGHTS.REPAIR", 5]]],
      ["EDUCATION", "诚信教育", 5, [["EDUCATION.COURSE", 5]]],
      ["REPORTING", "信息报送", 10, [["REPORTING.ARTICLES", 10]]],
    ]);
    const all = Object.fromEntries(hegangCredit2022Dept.categories.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    expect(all["RIGHTS.REPAIR"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 0.8, points: 5 });
    expect(all["REPORTING.ARTICLES"]?.rule).toMatchObject({ kind: "threshold", op: "lt", value: 10, points: 10 });
  });

  it("scores worked examples (arithmetic from the seed by hand)", () => {
    const [a, b, c] = score(hegangCredit2022Dept, [
      { code: "A", facts: deptClean() }, // 100.00 (修复率 exactly 80%, 12 articles: no deduction)
      {
        code: "B",
        facts: {
          ...deptClean(),
          "BASE.USCC": { counts: { error_rate_high: 1 } }, // 5 − 5 = 0
          "BUSINESS.MAJOR": { counts: { firms_over: 1, dept_debtor: 2 } }, // 5 − 2.5 − 2.5 = 0
          "SUPERVISION.PLEDGE": { counts: { not_reported: 1 } }, // 10 − 10 = 0
          "SUPERVISION.GRADED": "N/A", // → 5
          "RIGHTS.REPAIR": { value: 0.79 }, // < 80% → 0
          "REPORTING.ARTICLES": { value: 10 }, // not fewer than 10 → 10
          // Total = 100 − 5 − 5 − 10 − 5 = 75.00
        },
      },
      {
        code: "C",
        facts: {
          ...deptClean(),
          "BASE.DOUBLE": { counts: { no_self_check: 1 } }, // 10 − 5 = 5
          "REPORTING.ARTICLES": { value: 9 }, // < 10 → 0
          // Total = 100 − 5 − 10 = 85.00
        },
      },
    ]);
    expect(a?.total).toBe("100.00");
    expect(indicator(b, "BUSINESS.MAJOR").score).toBe("0.00");
    expect(indicator(b, "SUPERVISION.GRADED")).toMatchObject({ score: "5.00", notApplicable: true });
    expect(b?.categories.map((x) => [x.code, x.score])).toEqual([
      ["BASE", "25.00"],
      ["BUSINESS", "25.00"],
      ["SUPERVISION", "10.00"],
      ["RIGHTS", "0.00"],
      ["EDUCATION", "5.00"],
      ["REPORTING", "10.00"],
    ]);
    expect(b?.total).toBe("75.00");
    expect(b?.grade).toBe("一般");
    expect(indicator(c, "BASE.DOUBLE").score).toBe("5.00");
    expect(c?.total).toBe("85.00");
    expect(c?.grade).toBe("良好");
    expect([a?.rank, b?.rank, c?.rank]).toEqual([1, 3, 2]);
  });

  it("rejects county facts keys for a department deduction", () => {
    const outcome = scoreUnits(hegangCredit2022Dept, [
      { code: "X", facts: { ...deptClean(), "BUSINESS.MAJOR": { counts: { gov_debtor: 1 } } } },
    ]);
    expect(outcome.ok).toBe(false);
  });
});

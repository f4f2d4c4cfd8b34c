import { describe, expect, it } from "vitest";
import { getBuiltInScheme, scoreUnits, validateScheme, type SchemeDocument, type UnitResult } from "@/lib/scoring";
import { huaian2021 } from "@/lib/scoring/templates/huaian-2021";

const NOTE = "第三方测评意见";

/** Facts of a unit that earns every point: no review/litigation/arrears cases (rank null). */
function perfect(): Record<string, unknown> {
  return {
    "LAW.REPORT": { met: true },
    "LAW.RECONSIDERATION": { value: null },
    "LAW.LITIGATION": { value: null },
    "LAW.DECISION": { items: { established: { count: 5 }, implemented: { count: 5 } } },
    "LAW.SUPERVISION": { count: 3 },
    "DILIGENT.PLEDGE": { score: 2, note: NOTE },
    "DILIGENT.PLEDGE_LOOP": { items: { archive: { met: true }, collection: { score: 1, note: NOTE } } },
    "DILIGENT.PLEDGE_PUBLISH": { items: { website: { score: 1, note: NOTE }, push: { score: 1, note: NOTE } } },
    "DILIGENT.STANDARD": { items: { claim_rate: { value: 0.98 }, guide_completeness: { value: 100 } } },
    "DILIGENT.FEEDBACK": {
      items: { rectification: { value: 1 }, on_time: { value: 1 }, satisfaction: { value: 1 } },
    },
    "DILIGENT.REGULATION": { count: 4 },
    "OPEN.REPORT": { met: true },
    "OPEN.REQUEST": { value: 1 },
    "OPEN.DOUBLE": { items: { timeliness: { value: 0.96 }, storage: { value: 1 }, coverage: { value: 1 } } },
    "GRASSROOTS.TOWNSHIP": {
      items: { assessment: { met: true }, campaign: { met: true }, pledge_areas: { count: 8 } },
    },
    "KEY.PROCUREMENT": { items: { system: { met: true }, pledge: { met: true }, signed: { met: true } } },
    "KEY.PPP": { items: { system: { met: true }, default_record: { met: true }, accountability: { met: true } } },
    "KEY.BIDDING": {
      items: { pledge: { met: true }, signed: { met: true }, platform: { met: true }, record: { met: true } },
    },
    "KEY.INVESTMENT": { items: { system: { met: true }, pledge: { met: true }, signed: { met: true } } },
    "KEY.DEBT": { items: { disclosure: { met: true }, mechanism: { met: true } } },
    "KEY.STATISTICS": {
      items: { system: { met: true }, education: { met: true }, pledge: { met: true }, accountability: { met: true } },
    },
    "DISHONEST.GOVERN": {
      items: { mechanism: { met: true }, new_debtors: { counts: {} }, untreated: { counts: { cases: 0 } } },
    },
    "DISHONEST.ARREARS_OPINION": { items: { arrears: { value: null }, opinion: { score: 5, note: NOTE } } },
    "EDU.TRAINING": { score: 4, note: NOTE },
    "EDU.CREDIT_CHECK": { items: { hiring: { met: true }, promotion: { met: true } } },
    "EDU.PUBLICITY": { items: { activity: { met: true }, media: { score: 2, note: NOTE } } },
    "INNOVATION.CASES": { count: 2 },
    "INNOVATION.EXPLORE": { score: 3, note: NOTE },
  };
}

function unit(code: string, overrides: Record<string, unknown> = {}) {
  return { code, name: code, facts: { ...perfect(), ...overrides } };
}

function score(units: ReturnType<typeof unit>[], scheme: SchemeDocument = huaian2021): UnitResult[] {
  const outcome = scoreUnits(scheme, units);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems, null, 2));
  return outcome.results;
}

function indicator(result: UnitResult | undefined, code: string) {
  const found = result?.indicators.find((i) => i.code === code);
  if (found === undefined) throw new Error(`no indicator ${code}`);
  return found;
}

function byCode(results: UnitResult[]): Record<string, UnitResult> {
  return Object.fromEntries(results.map((r) => [r.code, r]));
}

describe("huaian-2021 template", () => {
  it("validates without errors or warnings", () => {
    expect(validateScheme(huaian2021)).toEqual({ errors: [], warnings: [] });
  });

  it("applies to districts and townships with full marks for N/A", () => {
    expect(huaian2021.code).toBe("huaian-2021");
    expect(getBuiltInScheme("huaian-2021")).toBe(huaian2021);
    expect(huaian2021.unitKinds).toEqual(["county", "township"]);
    expect(huaian2021.notApplicable).toBe("full_marks");
    expect(huaian2021.grades.map((g) => [g.min, g.label])).toEqual([
      [90, "优秀"],
      [80, "良好"],
      [60, "一般"],
      [0, "较差"],
    ]);
  });

  it("has the seed's 8 categories and weights, totalling 100", () => {
    expect(huaian2021.categories.map((c) => [c.code, c.name, c.weight])).toEqual([
      ["LAW", "依法行政", 13],
      ["DILIGENT", "勤政高效", 13],
      ["OPEN", "政务公开", 10],
      ["GRASSROOTS", "基层治理", 10],
      ["KEY", "重点领域政务诚信建设", 18],
      ["DISHONEST", "政务失信治理与负面舆情监测", 16],
      ["EDU", "政务诚信教育培训和宣传", 13],
      ["INNOVATION", "创新综合评价", 7],
    ]);
    expect(huaian2021.categories.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it("has the indicator maxima of spec/schemes.md, each category summing to its weight", () => {
    const maxima = Object.fromEntries(
      huaian2021.categories.map((c) => [c.code, c.indicators.map((i) => [i.code, i.max])]),
    );
    expect(maxima).toEqual({
      LAW: [
        ["LAW.REPORT", 1],
        ["LAW.RECONSIDERATION", 2],
        ["LAW.LITIGATION", 3],
        ["LAW.DECISION", 4],
        ["LAW.SUPERVISION", 3],
      ],
      DILIGENT: [
        ["DILIGENT.PLEDGE", 2],
        ["DILIGENT.PLEDGE_LOOP", 2],
        ["DILIGENT.PLEDGE_PUBLISH", 2],
        ["DILIGENT.STANDARD", 2],
        ["DILIGENT.FEEDBACK", 3],
        ["DILIGENT.REGULATION", 2],
      ],
      OPEN: [
        ["OPEN.REPORT", 2],
        ["OPEN.REQUEST", 2],
        ["OPEN.DOUBLE", 6],
      ],
      GRASSROOTS: [["GRASSROOTS.TOWNSHIP", 10]],
      KEY: [
        ["KEY.PROCUREMENT", 3],
        ["KEY.PPP", 3],
        ["KEY.BIDDING", 3],
        ["KEY.INVESTMENT", 3],
        ["KEY.DEBT", 3],
        ["KEY.STATISTICS", 3],
      ],
      DISHONEST: [
        ["DISHONEST.GOVERN", 8],
        ["DISHONEST.ARREARS_OPINION", 8],
      ],
      EDU: [
        ["EDU.TRAINING", 4],
        ["EDU.CREDIT_CHECK", 4],
        ["EDU.PUBLICITY", 5],
      ],
      INNOVATION: [
        ["INNOVATION.CASES", 4],
        ["INNOVATION.EXPLORE", 3],
      ],
    });
    for (const category of huaian2021.categories) {
      expect(category.indicators.reduce((sum, i) => sum + i.max * 100, 0) / 100).toBe(category.weight);
      for (const ind of category.indicators) {
        expect(ind.sources.length).toBeGreaterThan(0);
        expect(ind.content).toBeTruthy();
        if (ind.items) expect(ind.items.reduce((s, it) => s + it.max * 100, 0) / 100).toBe(ind.max);
      }
    }
    expect(huaian2021.categories.flatMap((c) => c.indicators)).toHaveLength(28);
  });

  it("uses the rule parameters of spec/schemes.md", () => {
    const all = Object.fromEntries(huaian2021.categories.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    expect(all["LAW.RECONSIDERATION"]?.rule).toMatchObject({ kind: "rank", full: 2, top: 1.8, better: "lower" });
    expect(all["LAW.LITIGATION"]?.rule).toMatchObject({ kind: "rank", full: 3, top: 2.9, better: "lower" });
    expect(all["DISHONEST.ARREARS_OPINION"]?.items?.[0]?.rule).toMatchObject({
      kind: "rank",
      full: 3,
      top: 3,
      better: "higher",
    });
    expect(all["DILIGENT.STANDARD"]?.items?.map((i) => i.rule)).toMatchObject([
      { kind: "threshold", op: "lt", value: 0.95, points: 1 },
      { kind: "step", fullAt: 100, step: 1, perStep: 0.1 },
    ]);
    expect(all["OPEN.DOUBLE"]?.items?.[0]?.rule).toMatchObject({ kind: "ratio", fullAt: 0.95, mode: "proportional" });
    expect(all["DISHONEST.GOVERN"]?.items?.map((i) => [i.key, i.max, i.rule])).toMatchObject([
      ["mechanism", 2, { kind: "binary" }],
      ["new_debtors", 2, { kind: "deduction", items: [{ points: 1, per: "each" }] }],
      ["untreated", 4, { kind: "deduction", items: [{ points: 2, per: "each" }] }],
    ]);
  });

  describe("worked examples (arithmetic from the seed by hand)", () => {
    // Five units scored together, so the three rank indicators compare them.
    //
    // LAW.RECONSIDERATION (rank, lower better, full 2, top 1.8): A no cases (null) → 2.
    //   Non-null: B 0.05, C 0.10, D 0.10, E 0.20 → k = 4; positions B 1, C 2, D 2, E 4 (ties share).
    //   B 1.8×4/4 = 1.80; C, D 1.8×3/4 = 1.35; E 1.8×1/4 = 0.45.
    // LAW.LITIGATION (rank, lower better, full 3, top 2.9): A null → 3; E "N/A" → 3 and not ranked.
    //   Non-null: B 0.5, C 0.2, D 0.2 → k = 3; C, D position 1 → 2.9×3/3 = 2.90;
    //   B position 3 → 2.9×1/3 = 0.9666… → 0.97.
    // 清欠 (rank, higher better, full 3, top 3): A, E null → 3.
    //   Non-null: B 0.9, C 0.6, D 0.9 → k = 3; B, D position 1 → 3.00; C position 3 → 3×1/3 = 1.00.
    const units = [
      unit("A"),
      unit("B", {
        "LAW.REPORT": { met: false }, // 0 of 1
        "LAW.RECONSIDERATION": { value: 0.05 }, // 1.80
        "LAW.LITIGATION": { value: 0.5 }, // 0.97
        "LAW.DECISION": { items: { established: { count: 5 }, implemented: { count: 3 } } }, // 5×0.4=2 + 3×0.4=1.2 → 3.20
        "LAW.SUPERVISION": { count: 2 }, // 2×1 = 2
        // LAW = 0 + 1.80 + 0.97 + 3.20 + 2 = 7.97
        "DILIGENT.PLEDGE": { score: 1.5, note: NOTE }, // 1.50
        "DILIGENT.PLEDGE_LOOP": { items: { archive: { met: false }, collection: { score: 0.5, note: NOTE } } }, // 0 + 0.5
        "DILIGENT.PLEDGE_PUBLISH": { items: { website: { score: 1, note: NOTE }, push: { score: 0.8, note: NOTE } } }, // 1.80
        // claim rate 0.94 < 0.95 → 1 − 1 = 0; completeness 97 → 1 − 0.1×⌈3/1⌉ = 0.70
        "DILIGENT.STANDARD": { items: { claim_rate: { value: 0.94 }, guide_completeness: { value: 97 } } },
        // 1×0.8 = 0.80; 1×0.955 = 0.955 → 0.96 (half up); 1×0.9 = 0.90 → 2.66
        "DILIGENT.FEEDBACK": {
          items: { rectification: { value: 0.8 }, on_time: { value: 0.955 }, satisfaction: { value: 0.9 } },
        },
        "DILIGENT.REGULATION": { count: 5 }, // 5×0.5 = 2.5 → clamped to 2
        // DILIGENT = 1.50 + 0.50 + 1.80 + 0.70 + 2.66 + 2 = 9.16
        "OPEN.REQUEST": { value: 0.98 }, // 0.98 < 1 → 2 − 2 = 0
        // 2×0.76/0.95 = 1.60; 2×0.9 = 1.80; 2×0.5 = 1.00 → 4.40
        "OPEN.DOUBLE": { items: { timeliness: { value: 0.76 }, storage: { value: 0.9 }, coverage: { value: 0.5 } } },
        // OPEN = 2 + 0 + 4.40 = 6.40
        // 1 + 0 + min(10×1, 8) = 9
        "GRASSROOTS.TOWNSHIP": {
          items: { assessment: { met: true }, campaign: { met: false }, pledge_areas: { count: 10 } },
        },
        "KEY.PROCUREMENT": { items: { system: { met: true }, pledge: { met: false }, signed: { met: true } } }, // 2.5
        "KEY.BIDDING": {
          items: { pledge: { met: true }, signed: { met: true }, platform: { met: false }, record: { met: true } },
        }, // 2
        "KEY.STATISTICS": {
          items: { system: { met: true }, education: { met: false }, pledge: { met: true }, accountability: { met: true } },
        }, // 2.5
        // KEY = 2.5 + 3 + 2 + 3 + 3 + 2.5 = 16
        // mechanism 2; 3 new debtors: 2 − 3×1 → 0; 1 untreated: 4 − 2 = 2 → 4
        "DISHONEST.GOVERN": {
          items: { mechanism: { met: true }, new_debtors: { counts: { cases: 3 } }, untreated: { counts: { cases: 1 } } },
        },
        // arrears 3.00 (rank 1) + opinion 3.5 → 6.50
        "DISHONEST.ARREARS_OPINION": { items: { arrears: { value: 0.9 }, opinion: { score: 3.5, note: NOTE } } },
        // DISHONEST = 4 + 6.50 = 10.50
        "EDU.TRAINING": { score: 3, note: NOTE }, // 3
        "EDU.CREDIT_CHECK": { items: { hiring: { met: true }, promotion: { met: false } } }, // 2
        "EDU.PUBLICITY": { items: { activity: { met: true }, media: { score: 1, note: NOTE } } }, // 4
        // EDU = 9
        "INNOVATION.CASES": { count: 1 }, // 2
        "INNOVATION.EXPLORE": { score: 1.5, note: NOTE }, // 1.5
        // INNOVATION = 3.50
        // Total = 7.97 + 9.16 + 6.40 + 9 + 16 + 10.50 + 9 + 3.50 = 71.53
      }),
      // C: 100 − (2 − 1.35) − (3 − 2.90) − (3 − 1) = 97.25; two N/A indicators count as full marks.
      unit("C", {
        "LAW.RECONSIDERATION": { value: 0.1 },
        "LAW.LITIGATION": { value: 0.2 },
        "DISHONEST.ARREARS_OPINION": { items: { arrears: { value: 0.6 }, opinion: { score: 5, note: NOTE } } },
        "OPEN.REQUEST": "N/A",
        "KEY.PPP": "N/A",
      }),
      // D: 100 − 0.65 − 0.10 = 99.25
      unit("D", {
        "LAW.RECONSIDERATION": { value: 0.1 },
        "LAW.LITIGATION": { value: 0.2 },
        "DISHONEST.ARREARS_OPINION": { items: { arrears: { value: 0.9 }, opinion: { score: 5, note: NOTE } } },
      }),
      // E: 100 − (2 − 0.45) = 98.45; LITIGATION N/A → 3
      unit("E", { "LAW.RECONSIDERATION": { value: 0.2 }, "LAW.LITIGATION": "N/A" }),
    ];
    const results = byCode(score(units));

    it("gives a perfect unit 100.00", () => {
      const a = results.A;
      expect(a?.total).toBe("100.00");
      expect(a?.grade).toBe("优秀");
      expect(a?.rank).toBe(1);
      expect(a?.categories.map((c) => [c.code, c.score])).toEqual([
        ["LAW", "13.00"],
        ["DILIGENT", "13.00"],
        ["OPEN", "10.00"],
        ["GRASSROOTS", "10.00"],
        ["KEY", "18.00"],
        ["DISHONEST", "16.00"],
        ["EDU", "13.00"],
        ["INNOVATION", "7.00"],
      ]);
    });

    it("ranks units on the rank indicators, ties sharing a position", () => {
      const scores = (code: string) => ["A", "B", "C", "D", "E"].map((u) => indicator(results[u], code).score);
      expect(scores("LAW.RECONSIDERATION")).toEqual(["2.00", "1.80", "1.35", "1.35", "0.45"]);
      expect(scores("LAW.LITIGATION")).toEqual(["3.00", "0.97", "2.90", "2.90", "3.00"]);
      const arrears = ["A", "B", "C", "D", "E"].map(
        (u) => indicator(results[u], "DISHONEST.ARREARS_OPINION").items?.[0]?.score,
      );
      expect(arrears).toEqual(["3.00", "3.00", "1.00", "3.00", "3.00"]);
      expect(indicator(results.E, "LAW.LITIGATION").notApplicable).toBe(true);
    });

    it("scores composite sub-items, caps, steps, thresholds and per-case deductions", () => {
      const b = results.B;
      const s = (code: string) => indicator(b, code).score;
      expect(s("LAW.DECISION")).toBe("3.20");
      expect(s("LAW.SUPERVISION")).toBe("2.00");
      expect(indicator(b, "DILIGENT.STANDARD").items?.map((i) => i.score)).toEqual(["0.00", "0.70"]);
      expect(indicator(b, "DILIGENT.FEEDBACK").items?.map((i) => i.score)).toEqual(["0.80", "0.96", "0.90"]);
      expect(s("DILIGENT.FEEDBACK")).toBe("2.66");
      expect(s("DILIGENT.REGULATION")).toBe("2.00");
      expect(s("OPEN.REQUEST")).toBe("0.00");
      expect(indicator(b, "OPEN.DOUBLE").items?.map((i) => i.score)).toEqual(["1.60", "1.80", "1.00"]);
      expect(indicator(b, "GRASSROOTS.TOWNSHIP").items?.map((i) => i.score)).toEqual(["1.00", "0.00", "8.00"]);
      expect(s("GRASSROOTS.TOWNSHIP")).toBe("9.00");
      expect(indicator(b, "DISHONEST.GOVERN").items?.map((i) => i.score)).toEqual(["2.00", "0.00", "2.00"]);
      expect(s("KEY.PROCUREMENT")).toBe("2.50");
      expect(b?.categories.map((c) => [c.code, c.score])).toEqual([
        ["LAW", "7.97"],
        ["DILIGENT", "9.16"],
        ["OPEN", "6.40"],
        ["GRASSROOTS", "9.00"],
        ["KEY", "16.00"],
        ["DISHONEST", "10.50"],
        ["EDU", "9.00"],
        ["INNOVATION", "3.50"],
      ]);
      expect(b?.total).toBe("71.53");
      expect(b?.grade).toBe("一般");
    });

    it("counts N/A indicators as full marks and ranks the totals", () => {
      expect(indicator(results.C, "OPEN.REQUEST")).toMatchObject({ score: "2.00", notApplicable: true });
      expect(indicator(results.C, "KEY.PPP")).toMatchObject({ score: "3.00", notApplicable: true });
      expect(["A", "B", "C", "D", "E"].map((u) => [results[u]?.total, results[u]?.rank, results[u]?.grade])).toEqual([
        ["100.00", 1, "优秀"],
        ["71.53", 5, "一般"],
        ["97.25", 4, "优秀"],
        ["99.25", 2, "优秀"],
        ["98.45", 3, "优秀"],
      ]);
    });
  });

  it("reads the guide completeness step with partial percentage points rounded up", () => {
    // 95.5%: 1 − 0.1 × ⌈4.5⌉ = 1 − 0.5 = 0.50; 85%: 1 − 0.1 × 15 = −0.5 → 0
    const [x, y] = score([
      unit("X", { "DILIGENT.STANDARD": { items: { claim_rate: { value: 0.95 }, guide_completeness: { value: 95.5 } } } }),
      unit("Y", { "DILIGENT.STANDARD": { items: { claim_rate: { value: 0.95 }, guide_completeness: { value: 85 } } } }),
    ]);
    expect(indicator(x, "DILIGENT.STANDARD").items?.map((i) => i.score)).toEqual(["1.00", "0.50"]);
    expect(indicator(y, "DILIGENT.STANDARD").items?.map((i) => i.score)).toEqual(["1.00", "0.00"]);
    expect(x?.total).toBe("99.50");
    expect(y?.total).toBe("99.00");
  });

  it("refuses a manual score without a note", () => {
    const outcome = scoreUnits(huaian2021, [unit("Z", { "EDU.TRAINING": { score: 3, note: "" } })]);
    expect(outcome.ok).toBe(false);
  });
});

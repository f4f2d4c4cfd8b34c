import { describe, expect, it } from "vitest";
import { getBuiltInScheme, scoreUnits, validateScheme, type UnitResult } from "@/lib/scoring";
import { heiheGrassroots2023 } from "@/lib/scoring/templates/heihe-grassroots-2023";

const yes = { met: true };
const no = { met: false };

/** Facts of a unit that meets every item of the seed (it still only gets 4 of 5 for 诚信活动). */
function allMet(): Record<string, unknown> {
  return {
    "ORG.DEPLOY": { items: { group: yes, plan: yes, meetings: { count: 4 } } },
    "ORG.TARGET": { items: { responsibility: yes, information: yes } },
    "PUBLICITY.EDUCATION": { items: { plan: yes, campaigns: yes, handbook: yes } },
    "PUBLICITY.ACTIVITY": yes,
    "PUBLICITY.PROMOTION": { items: { slogans: yes, boards: yes, leaflets: yes, models: yes } },
    "CIVILITY.CUSTOMS": { value: 95 },
    "CIVILITY.CRIME": { value: 90 },
    "INTEGRITY.OPENNESS": { items: { pledge_system: yes, policy: { counts: {} } } },
    "INTEGRITY.CONTRACT": { count: 0 },
    "INTEGRITY.STAFF": { counts: { dishonest_staff: 0 } },
    "INTEGRITY.RECORDS": yes,
    "INTEGRITY.PLEDGE": { items: { pledge: yes, double: yes } },
    "INTEGRITY.GOVERNANCE": { counts: { no_plan: 0, complaints: 0 } },
    "INTEGRITY.ASSESSMENT": { items: { system: yes, cases: yes } },
    "FINANCE.DEFAULT": { counts: {} },
    "FINANCE.ORDER": { counts: {} },
    "FINANCE.CREDIT": yes,
    "GOVERNANCE.RISK": yes,
    "GOVERNANCE.PETITION": yes,
    "GOVERNANCE.KEY_GROUPS": yes,
    "GOVERNANCE.SECURITY": yes,
    "GOVERNANCE.MARKET": yes,
  };
}

function unit(code: string, overrides: Record<string, unknown> = {}) {
  return { code, name: code, facts: { ...allMet(), ...overrides } };
}

function indicator(result: UnitResult | undefined, code: string) {
  const found = result?.indicators.find((i) => i.code === code);
  if (found === undefined) throw new Error(`no indicator ${code}`);
  return found;
}

describe("heihe-grassroots-2023 template", () => {
  it("validates with exactly one warning: 诚信活动 cannot reach its 5 points", () => {
    const { errors, warnings } = validateScheme(heiheGrassroots2023);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.path).toBe("categories[1].indicators[1].rule");
    expect(warnings[0]?.message).toContain("最高只能得4分");
    expect(warnings[0]?.message).toContain("满分5分");
  });

  it("applies to townships, communities and counties with full marks for N/A", () => {
    expect(heiheGrassroots2023.code).toBe("heihe-grassroots-2023");
    expect(getBuiltInScheme("heihe-grassroots-2023")).toBe(heiheGrassroots2023);
    expect(heiheGrassroots2023.unitKinds).toEqual(["township", "community", "county"]);
    expect(heiheGrassroots2023.notApplicable).toBe("full_marks");
  });

  it("has the seed's 6 categories and 22 indicators with their points, totalling 100", () => {
    const maxima = heiheGrassroots2023.categories.map((c) => [
      c.code,
      c.name,
      c.weight,
      c.indicators.map((i) => `${i.name} ${i.max}`),
    ]);
    expect(maxima).toEqual([
      ["ORG", "组织领导", 8, ["安排部署 4", "目标管理 4"]],
      ["PUBLICITY", "宣传教育", 14, ["诚信教育 5", "诚信活动 5", "诚信宣传 4"]],
      ["CIVILITY", "乡风文明", 8, ["移风易俗 4", "扫黑除恶 4"]],
      [
        "INTEGRITY",
        "政务诚信",
        35,
        ["政务公开 5", "守约履约 5", "人员诚信 5", "信息归集 5", "信用承诺 5", "失信治理 5", "信用考核 5"],
      ],
      ["FINANCE", "金融诚信", 10, ["信贷违约 3", "金融秩序 3", "信贷投入 4"]],
      ["GOVERNANCE", "综合治理", 25, ["重大风险管控 5", "信访维稳 5", "重点人群管理 5", "社会治安 5", "市场监管 5"]],
    ]);
    expect(heiheGrassroots2023.categories.reduce((s, c) => s + c.weight, 0)).toBe(100);
    for (const category of heiheGrassroots2023.categories) {
      expect(category.indicators.reduce((s, i) => s + i.max * 100, 0) / 100).toBe(category.weight);
      for (const ind of category.indicators) {
        expect(ind.sources.length).toBeGreaterThan(0);
        expect(ind.evidence).toBeTruthy();
      }
    }
  });

  it("uses the rule parameters of spec/schemes.md", () => {
    const all = Object.fromEntries(heiheGrassroots2023.categories.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    expect(all["ORG.DEPLOY"]?.items?.[2]).toMatchObject({
      max: 2,
      rule: { kind: "count", mode: "shortfall", target: 4, perMissing: 0.5 },
    });
    expect(all["PUBLICITY.ACTIVITY"]).toMatchObject({ max: 5, rule: { kind: "binary", points: 4 } });
    expect(all["CIVILITY.CUSTOMS"]?.rule).toMatchObject({ kind: "step", fullAt: 90, step: 10, perStep: 1 });
    expect(all["CIVILITY.CRIME"]?.rule).toMatchObject({ kind: "step", fullAt: 90, step: 10, perStep: 1 });
    expect(all["INTEGRITY.CONTRACT"]?.rule?.kind).toBe("veto");
    expect(all["INTEGRITY.GOVERNANCE"]?.rule).toMatchObject({
      kind: "deduction",
      items: [
        { key: "no_plan", points: 5, per: "once" },
        { key: "complaints", points: 2.5, per: "each" },
      ],
    });
  });

  describe("worked examples (arithmetic from the seed by hand)", () => {
    const outcome = scoreUnits(heiheGrassroots2023, [
      // P meets everything: 100 − 1 (诚信活动 only offers 4 of its 5 points) = 99.00
      unit("P"),
      // Q as P, but 诚信活动 is not applicable → full 5 → 100.00
      unit("Q", { "PUBLICITY.ACTIVITY": "N/A" }),
      unit("B", {
        // 1 + 0 + (2 − 0.5×(4−1)) = 1 + 0 + 0.5 = 1.50; 目标管理 4 → ORG 5.50
        "ORG.DEPLOY": { items: { group: yes, plan: no, meetings: { count: 1 } } },
        // 1 + 0 + 1 = 2; 诚信活动 0; 诚信宣传 1+1+0+1 = 3 → PUBLICITY 5.00
        "PUBLICITY.EDUCATION": { items: { plan: yes, campaigns: no, handbook: yes } },
        "PUBLICITY.ACTIVITY": no,
        "PUBLICITY.PROMOTION": { items: { slogans: yes, boards: yes, leaflets: no, models: yes } },
        // satisfaction 75: 4 − 1×⌈(90−75)/10⌉ = 4 − 2 = 2
        "CIVILITY.CUSTOMS": { value: 75 },
        // 89.5: 4 − 1×⌈0.5/10⌉ = 3 → CIVILITY 5.00
        "CIVILITY.CRIME": { value: 89.5 },
        // 2 + (3 − 0.5×3) = 3.50
        "INTEGRITY.OPENNESS": { items: { pledge_system: yes, policy: { counts: { complaints: 3 } } } },
        // 5 − 0.5×3 = 3.50
        "INTEGRITY.STAFF": { counts: { dishonest_staff: 3 } },
        // 2 + 0 = 2
        "INTEGRITY.PLEDGE": { items: { pledge: yes, double: no } },
        // 5 − 2.5×1 = 2.50
        "INTEGRITY.GOVERNANCE": { counts: { complaints: 1 } },
        // INTEGRITY = 3.5 + 5 + 3.5 + 5 + 2 + 2.5 + 5 = 26.50
        "FINANCE.DEFAULT": { counts: { cases: 2 } }, // 3 − 2 = 1
        "FINANCE.ORDER": { counts: { cases: 5 } }, // 3 − 5 → 0
        // FINANCE = 1 + 0 + 4 = 5.00
        "GOVERNANCE.PETITION": no, // GOVERNANCE = 20.00
        // Total = 5.50 + 5 + 5 + 26.50 + 5 + 20 = 67.00
      }),
      unit("C", {
        "INTEGRITY.CONTRACT": { count: 1 }, // veto → 0
        "INTEGRITY.GOVERNANCE": { counts: { no_plan: 1, complaints: 2 } }, // 5 − 5 − 2×2.5 → 0
        "CIVILITY.CUSTOMS": { value: 80 }, // 4 − 1×⌈10/10⌉ = 3
        "ORG.DEPLOY": { items: { group: yes, plan: yes, meetings: { count: 6 } } }, // more than 4 meetings: still 2
        "FINANCE.CREDIT": "N/A", // full 4
        // Total = 99 − 5 − 5 − 1 = 88.00
      }),
    ]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems, null, 2));
    const [p, q, b, c] = outcome.results;

    it("gives a unit meeting every item 99.00, and 100.00 when 诚信活动 is N/A", () => {
      expect(indicator(p, "PUBLICITY.ACTIVITY").score).toBe("4.00");
      expect(p?.categories.find((x) => x.code === "PUBLICITY")?.score).toBe("13.00");
      expect(p?.total).toBe("99.00");
      expect(indicator(q, "PUBLICITY.ACTIVITY")).toMatchObject({ score: "5.00", notApplicable: true });
      expect(q?.total).toBe("100.00");
    });

    it("scores satisfaction steps, meeting shortfalls and per-case deductions", () => {
      expect(indicator(b, "CIVILITY.CUSTOMS").score).toBe("2.00");
      expect(indicator(b, "CIVILITY.CRIME").score).toBe("3.00");
      expect(indicator(b, "ORG.DEPLOY").items?.map((i) => i.score)).toEqual(["1.00", "0.00", "0.50"]);
      expect(indicator(b, "INTEGRITY.OPENNESS").score).toBe("3.50");
      expect(indicator(b, "INTEGRITY.STAFF").score).toBe("3.50");
      expect(indicator(b, "INTEGRITY.GOVERNANCE").score).toBe("2.50");
      expect(indicator(b, "FINANCE.DEFAULT").score).toBe("1.00");
      expect(indicator(b, "FINANCE.ORDER").score).toBe("0.00");
      expect(b?.categories.map((x) => [x.code, x.score])).toEqual([
        ["ORG", "5.50"],
        ["PUBLICITY", "5.00"],
        ["CIVILITY", "5.00"],
        ["INTEGRITY", "26.50"],
        ["FINANCE", "5.00"],
        ["GOVERNANCE", "20.00"],
      ]);
      expect(b?.total).toBe("67.00");
      expect(b?.grade).toBe("一般");
    });

    it("applies the veto, the no-plan deduction and N/A", () => {
      expect(indicator(c, "INTEGRITY.CONTRACT").score).toBe("0.00");
      expect(indicator(c, "INTEGRITY.GOVERNANCE").score).toBe("0.00");
      expect(indicator(c, "CIVILITY.CUSTOMS").score).toBe("3.00");
      expect(indicator(c, "ORG.DEPLOY").score).toBe("4.00");
      expect(indicator(c, "FINANCE.CREDIT")).toMatchObject({ score: "4.00", notApplicable: true });
      expect(c?.total).toBe("88.00");
      expect(c?.grade).toBe("良好");
    });

    it("ranks the units by total", () => {
      expect(outcome.results.map((r) => [r.code, r.total, r.rank])).toEqual([
        ["P", "99.00", 2],
        ["Q", "100.00", 1],
        ["B", "67.00", 4],
        ["C", "88.00", 3],
      ]);
    });
  });
});

import { describe, expect, it } from "vitest";
import { builtInSchemes, parseScheme, validateScheme, type SchemeDocument } from "@/lib/scoring";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";

const copy = (): SchemeDocument => structuredClone(hegang2022);
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe("validateScheme", () => {
  it("accepts every built-in template without errors", () => {
    for (const scheme of builtInSchemes) expect(validateScheme(scheme).errors, scheme.code).toEqual([]);
  });

  it("lists structural and cross-field errors together, each with its path", () => {
    const doc = copy() as unknown as Record<string, unknown> & SchemeDocument;
    const [law, open] = doc.categories;
    if (law === undefined || open === undefined) throw new Error("template changed");
    law.weight = 25; // weights now sum to 105
    open.code = "LAW"; // duplicate category code
    (open.indicators[0] as { code: string }).code = "LAW.EXAM"; // duplicate indicator code
    (law.indicators[1] as Record<string, unknown>).rule = { kind: "veto", extra: 1 }; // malformed rule
    (open.indicators[1] as Record<string, unknown>).max = 10.005; // more than 2 decimals
    doc.grades = [
      { min: 80, label: "良好" },
      { min: 90, label: "优秀" },
    ];
    const { errors } = validateScheme(doc);
    expect(paths(errors)).toEqual([
      "categories[0].indicators[1].rule",
      "categories[1].indicators[1].max",
      "categories[1].code",
      "categories",
      "categories[1].indicators[0].code",
      "grades[1].min",
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining("extra"),
      "指标满分最多保留两位小数",
      "一级指标代码“LAW”重复（与第1项相同）",
      "一级指标权重合计为105，应为100",
      "指标代码“LAW.EXAM”重复（与 categories[0].indicators[0] 相同）",
      "等级必须按分数线从高到低排列",
    ]);
  });

  it("refuses composites whose sub-items cannot reach the indicator's max, and duplicate keys", () => {
    const doc = copy();
    const indicator = doc.categories[0]?.indicators[0];
    if (indicator === undefined) throw new Error("template changed");
    delete indicator.rule;
    indicator.items = [
      { key: "a", name: "甲", max: 4, rule: { kind: "binary", question: "甲" } },
      { key: "a", name: "乙", max: 4, rule: { kind: "binary", question: "乙" } },
    ];
    expect(validateScheme(doc).errors.map((e) => [e.path, e.message])).toEqual([
      ["categories[0].indicators[0].items[1].key", "子项键“a”重复（与第1项相同）"],
      ["categories[0].indicators[0].items", "子项满分合计8分，低于指标满分10分"],
    ]);
  });

  it("refuses an indicator with both or neither of rule and items", () => {
    const doc = copy();
    const [first, second] = doc.categories[0]?.indicators ?? [];
    if (first === undefined || second === undefined) throw new Error("template changed");
    first.items = [{ key: "a", name: "甲", max: 10, rule: { kind: "manual" } }];
    delete second.rule;
    expect(validateScheme(doc).errors.map((e) => e.message)).toEqual([
      "指标不能同时有计分规则（rule）和子项（items）",
      "指标必须有计分规则（rule）或子项（items）",
    ]);
  });

  it("refuses duplicate tiers and deduction keys", () => {
    const doc = copy();
    const law = doc.categories[0];
    const diligent = doc.categories[2];
    if (law?.indicators[0] === undefined || diligent?.indicators[0] === undefined) throw new Error("template changed");
    law.indicators[0].rule = {
      kind: "deduction",
      items: [
        { key: "x", label: "甲", points: 1 },
        { key: "x", label: "乙", points: 1 },
      ],
    };
    diligent.indicators[0].rule = {
      kind: "tiered",
      tiers: [
        { label: "优秀", points: 10 },
        { label: "优秀", points: 7 },
      ],
    };
    expect(paths(validateScheme(doc).errors)).toEqual([
      "categories[0].indicators[0].rule.items[1].key",
      "categories[2].indicators[0].rule.tiers[1].label",
    ]);
  });

  it("warns when a rule cannot reach the max or gives more than it", () => {
    const doc = copy();
    const [target, petition] = doc.categories[2]?.indicators ?? [];
    const award = doc.categories[4]?.indicators[1];
    if (target === undefined || petition === undefined || award === undefined) throw new Error("template changed");
    target.rule = { kind: "tiered", tiers: [{ label: "优秀", points: 8 }] };
    petition.rule = { kind: "binary", question: "办结", points: 6 };
    award.rule = { kind: "award", levels: { provincial: 5, municipal: 3 } };
    const { errors, warnings } = validateScheme(doc);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ["categories[2].indicators[0].rule", "按该规则最高只能得8分，达不到满分10分"],
      ["categories[2].indicators[1].rule", "分值6超过满分5分，将按满分计"],
      ["categories[4].indicators[1].rule", "按该规则最高只能得5分，达不到满分10分"],
    ]);
  });

  it("does not warn for rules that can always reach the max", () => {
    const doc = copy();
    const award = doc.categories[4]?.indicators[1];
    if (award === undefined) throw new Error("template changed");
    award.rule = { kind: "award", levels: { provincial: 5 }, combine: "sum" }; // repeats add up
    expect(validateScheme(doc).warnings).toEqual([]);
  });

  it("warns when low totals get no grade", () => {
    const doc = copy();
    doc.grades = [{ min: 60, label: "合格" }];
    expect(validateScheme(doc).warnings.map((w) => w.message)).toEqual(["总分低于60分的单位没有等级"]);
  });

  it("lists problems of shapeless input without throwing", () => {
    for (const input of [null, 1, "x", [], {}, { format: "integrity-scheme/v1", categories: [null, { indicators: "x" }] }]) {
      expect(validateScheme(input).errors.length).toBeGreaterThan(0);
    }
  });

  it("parses with defaults", () => {
    const doc = copy() as Partial<SchemeDocument>;
    delete doc.notApplicable;
    const parsed = parseScheme(doc);
    expect(parsed.ok && parsed.scheme.notApplicable).toBe("full_marks");
  });
});

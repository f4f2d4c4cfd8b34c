import { describe, expect, it } from "vitest";
import { builtInSchemes, compareSchemes, getBuiltInScheme, type SchemeDocument } from "@/lib/scoring";

const template = (code: string): SchemeDocument => structuredClone(getBuiltInScheme(code)!);
const hegang = () => template("hegang-2022");

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0] as T;
}

function category(scheme: SchemeDocument, code: string) {
  const found = scheme.categories.find((c) => c.code === code);
  if (!found) throw new Error(`no category ${code}`);
  return found;
}

function indicator(scheme: SchemeDocument, code: string) {
  for (const category of scheme.categories) {
    const found = category.indicators.find((i) => i.code === code);
    if (found) return found;
  }
  throw new Error(`no indicator ${code}`);
}

describe("compareSchemes", () => {
  it("finds no change between a scheme and itself, for every template", () => {
    for (const scheme of builtInSchemes) {
      const result = compareSchemes(scheme, structuredClone(scheme));
      expect(result.count).toBe(0);
      expect(result.scheme).toEqual({});
      expect(result.categories).toEqual({ added: [], removed: [], changed: [] });
      expect(result.indicators).toEqual({ added: [], removed: [], changed: [] });
    }
  });

  it("ignores key order and the version number", () => {
    const b = hegang();
    b.version = 7;
    const exam = indicator(b, "LAW.EXAM");
    exam.rule = { items: [{ cap: 10, per: "each", points: 1, label: "考核扣分项", key: "items" }], kind: "deduction" };
    expect(compareSchemes(hegang(), b).count).toBe(0);
  });

  it("reports a changed deduction with the old and new rule in words", () => {
    const b = hegang();
    const exam = indicator(b, "LAW.EXAM");
    exam.rule = { kind: "deduction", items: [{ key: "items", label: "考核扣分项", points: 2, per: "each", cap: 10 }] };
    const result = compareSchemes(hegang(), b);
    expect(result.count).toBe(1);
    const change = only(result.indicators.changed);
    expect(change.code).toBe("LAW.EXAM");
    expect(change.category).toEqual({ code: "LAW", name: "依法行政" });
    expect(Object.keys(change.changes)).toEqual(["rule"]);
    expect(change.changes.rule?.old).toContain("扣1分");
    expect(change.changes.rule?.new).toContain("扣2分");
  });

  it("reports name, max, content, sources, evidence and note changes of an indicator", () => {
    const b = hegang();
    const pledge = indicator(b, "OPEN.PLEDGE");
    pledge.name = "公开政务承诺";
    pledge.max = 6;
    pledge.content = "新的评价内容";
    pledge.sources = ["市营商局", "市司法局"];
    pledge.evidence = "承诺公示截图";
    pledge.note = "新说明";
    const change = only(compareSchemes(hegang(), b).indicators.changed);
    expect(change.changes.name).toEqual({ old: "公开公示政务承诺", new: "公开政务承诺" });
    expect(change.changes.max).toEqual({ old: 5, new: 6 });
    expect(change.changes.content?.new).toBe("新的评价内容");
    expect(change.changes.sources).toMatchObject({ added: ["市司法局"], removed: [] });
    expect(change.changes.evidence?.new).toBe("承诺公示截图");
    expect(change.changes.note).toEqual({ old: undefined, new: "新说明" });
    // The binary rule reads its points from max, so its words change too.
    expect(change.changes.rule?.old).not.toBe(change.changes.rule?.new);
  });

  it("reports indicators added and removed, with their rule in words", () => {
    const b = hegang();
    const law = category(b, "LAW");
    law.indicators = law.indicators.filter((i) => i.code !== "LAW.DISHONEST");
    law.indicators.push({ code: "LAW.NEW", name: "新指标", max: 10, sources: [], rule: { kind: "binary", question: "已建立制度" } });
    const result = compareSchemes(hegang(), b);
    expect(result.indicators.added).toMatchObject([{ code: "LAW.NEW", name: "新指标", max: 10, category: { code: "LAW" } }]);
    expect(only(result.indicators.added).rule).toContain("已建立制度");
    expect(result.indicators.removed).toMatchObject([{ code: "LAW.DISHONEST", name: "失信信息", category: { code: "LAW" } }]);
    expect(only(result.indicators.removed).rule.length).toBeGreaterThan(0);
    expect(result.indicators.changed).toEqual([]);
  });

  it("reports categories added, removed and changed (weight, name)", () => {
    const b = hegang();
    category(b, "LAW").weight = 25;
    category(b, "LAW").name = "依法行政建设";
    category(b, "CLEAN").name = "廉洁";
    category(b, "CLEAN").code = "CLEAN2";
    const result = compareSchemes(hegang(), b);
    expect(result.categories.changed).toEqual([
      { code: "LAW", name: "依法行政建设", changes: { weight: { old: 20, new: 25 }, name: { old: "依法行政", new: "依法行政建设" } } },
    ]);
    expect(result.categories.added).toEqual([{ code: "CLEAN2", name: "廉洁", weight: 10 }]);
    expect(result.categories.removed).toEqual([{ code: "CLEAN", name: "廉政建设", weight: 10 }]);
    // The indicator kept its code and now sits in another category.
    expect(result.indicators.changed).toMatchObject([
      { code: "CLEAN.DISCIPLINE", moved: { old: { code: "CLEAN" }, new: { code: "CLEAN2", name: "廉洁" } }, changes: {} },
    ]);
  });

  it("reports an indicator moved between existing categories", () => {
    const b = hegang();
    const perform = category(b, "PERFORM");
    perform.indicators = perform.indicators.filter((i) => i.code !== "PERFORM.AWARD");
    category(b, "KEEP").indicators.push(indicator(hegang(), "PERFORM.AWARD"));
    const result = compareSchemes(hegang(), b);
    expect(result.categories.changed).toEqual([]);
    expect(result.indicators.changed).toEqual([
      {
        code: "PERFORM.AWARD",
        name: "激励信息",
        category: { code: "KEEP", name: "守信践诺" },
        moved: { old: { code: "PERFORM", name: "履职成效" }, new: { code: "KEEP", name: "守信践诺" } },
        changes: {},
      },
    ]);
  });

  it("reports sub-items added, removed and changed by key", () => {
    const a = template("huaian-2021");
    const b = structuredClone(a);
    const composite = b.categories.flatMap((c) => c.indicators).find((i) => i.items && i.items.length >= 2);
    const [first, second] = composite?.items ?? [];
    if (!composite?.items || !first || !second) throw new Error("huaian-2021 has composite indicators");
    first.max = first.max + 1;
    first.name = `${first.name}（修订）`;
    composite.items = composite.items.filter((item) => item.key !== second.key);
    composite.items.push({ key: "extra", name: "新增子项", max: 1, rule: { kind: "manual" } });
    const change = only(compareSchemes(a, b).indicators.changed);
    expect(change.code).toBe(composite.code);
    expect(change.changes.rule).toBeUndefined();
    expect(change.items?.added).toMatchObject([{ key: "extra", name: "新增子项", max: 1 }]);
    expect(change.items?.removed.map((i) => i.key)).toEqual([second.key]);
    const itemChange = only(change.items?.changed ?? []);
    expect(itemChange).toMatchObject({ key: first.key, changes: { max: { new: first.max } } });
    expect(itemChange.changes.name?.new).toContain("（修订）");
  });

  it("reports a simple indicator turned into a composite", () => {
    const b = hegang();
    const pledge = indicator(b, "OPEN.PLEDGE");
    delete pledge.rule;
    pledge.items = [
      { key: "a", name: "门户网站公示", max: 3, rule: { kind: "binary", question: "已公示" } },
      { key: "b", name: "推送", max: 2, rule: { kind: "binary", question: "已推送" } },
    ];
    const change = only(compareSchemes(hegang(), b).indicators.changed);
    expect(change.changes.rule?.new).toBe("组合指标，由2个子项组成");
    expect(change.items?.added.map((i) => i.key)).toEqual(["a", "b"]);
  });

  it("reports grade, not-applicable, unit-kind and name changes of the scheme", () => {
    const b = hegang();
    b.name = "2023版";
    b.notApplicable = "rescale";
    b.unitKinds = ["municipal_department", "county"];
    b.grades = [{ min: 85, label: "优秀" }, { min: 0, label: "其他" }];
    const result = compareSchemes(hegang(), b);
    expect(result.scheme.name).toEqual({ old: hegang().name, new: "2023版" });
    expect(result.scheme.notApplicable).toEqual({ old: "full_marks", new: "rescale" });
    expect(result.scheme.unitKinds?.new).toEqual(["municipal_department", "county"]);
    expect(result.scheme.grades?.old).toHaveLength(4);
    expect(result.count).toBe(4);
  });

  it("compares two different templates without throwing", () => {
    const result = compareSchemes(template("hegang-credit-2022-county"), template("hegang-credit-2022-dept"));
    expect(result.count).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { previewIndicator, scoreSampleUnits, type SampleUnit } from "@/components/schemes/editor/preview-engine";
import { currentFact, defaultIndicatorFacts, defaultRuleFacts, factSignature } from "@/components/schemes/editor/sample-facts";
import {
  factSchemaFor,
  getBuiltInScheme,
  RULE_KINDS,
  ruleSchema,
  validateScheme,
  type Indicator,
  type SchemeDocument,
} from "@/lib/scoring";
import {
  addCategory,
  addIndicator,
  addSubItem,
  changeRuleKind,
  defaultRule,
  editScheme,
  locateProblem,
  moveCategory,
  moveIn,
  moveIndicator,
  removeCategory,
  removeIndicator,
  removeSubItem,
  setRule,
  toComposite,
  toSingleRule,
  uniqueName,
  updateCategory,
  updateIndicator,
  updateSubItem,
  weightTotal,
} from "@/lib/schemes/editor-state";

const hegang = (): SchemeDocument => structuredClone(getBuiltInScheme("hegang-2022") as SchemeDocument);
const frozen = (doc: SchemeDocument) => JSON.stringify(doc);
const codes = (doc: SchemeDocument, c: number) => doc.categories[c]?.indicators.map((i) => i.code);
const indicator = (doc: SchemeDocument, c: number, i: number) => doc.categories[c]?.indicators[i] as Indicator;

describe("default rules", () => {
  for (const kind of RULE_KINDS) {
    for (const max of [10, 4, 2.5, 0.5]) {
      it(`${kind} (max ${max}) is valid under the engine's rule schema, without warnings`, () => {
        const rule = defaultRule(kind, max);
        expect(rule.kind).toBe(kind);
        expect(ruleSchema.safeParse(rule).success).toBe(true);
        const doc = hegang();
        const edited = setRule(updateIndicator(doc, { c: 0, i: 0 }, { max }), { c: 0, i: 0 }, rule);
        const findings = validateScheme(updateCategory(edited, 0, { weight: 20 }));
        expect(findings.errors.filter((p) => p.path.startsWith("categories[0].indicators[0]"))).toEqual([]);
        expect(findings.warnings.filter((p) => p.path.startsWith("categories[0].indicators[0]"))).toEqual([]);
      });
    }
  }

  it("the default facts of every kind are valid facts for its default rule", () => {
    for (const kind of RULE_KINDS) {
      const rule = defaultRule(kind, 10);
      expect(factSchemaFor(rule, 10).safeParse(defaultRuleFacts(rule, 10)).success, kind).toBe(true);
    }
  });
});

describe("operations are immutable", () => {
  it("never changes the input document", () => {
    const doc = hegang();
    const before = frozen(doc);
    addCategory(doc);
    removeCategory(doc, 0);
    moveCategory(doc, 0, 1);
    updateCategory(doc, 0, { weight: 30 });
    addIndicator(doc, 0);
    removeIndicator(doc, { c: 0, i: 0 });
    moveIndicator(doc, { c: 0, i: 0 }, 1);
    updateIndicator(doc, { c: 0, i: 0 }, { name: "x" });
    changeRuleKind(doc, { c: 0, i: 0 }, "binary");
    toComposite(doc, { c: 0, i: 0 });
    expect(frozen(doc)).toBe(before);
  });

  it("shares the parts it does not touch", () => {
    const doc = hegang();
    const edited = updateIndicator(doc, { c: 0, i: 0 }, { name: "新名称" });
    expect(edited.categories[1]).toBe(doc.categories[1]);
    expect(edited.categories[0]?.indicators[1]).toBe(doc.categories[0]?.indicators[1]);
    expect(indicator(edited, 0, 0).name).toBe("新名称");
  });
});

describe("categories and indicators", () => {
  it("adds a category with what is left of 100 and one valid indicator", () => {
    const doc = updateCategory(hegang(), 0, { weight: 15 });
    const added = addCategory(doc);
    expect(added.categories).toHaveLength(7);
    expect(added.categories[6]).toMatchObject({ code: "NEW", weight: 5 });
    expect(weightTotal(added)).toBe(100);
    expect(validateScheme(added).errors).toEqual([]);
    expect(addCategory(added).categories[7]).toMatchObject({ code: "NEW2", weight: 10 });
  });

  it("removes and moves categories and indicators", () => {
    const doc = hegang();
    expect(removeCategory(doc, 0).categories.map((c) => c.code)).toEqual(["OPEN", "DILIGENT", "KEEP", "PERFORM", "CLEAN"]);
    expect(moveCategory(doc, 0, 1).categories.map((c) => c.code).slice(0, 2)).toEqual(["OPEN", "LAW"]);
    expect(moveCategory(doc, 0, -1).categories.map((c) => c.code)[0]).toBe("LAW");
    expect(codes(moveIndicator(doc, { c: 0, i: 1 }, -1), 0)).toEqual(["LAW.DISHONEST", "LAW.EXAM"]);
    expect(codes(removeIndicator(doc, { c: 0, i: 0 }), 0)).toEqual(["LAW.DISHONEST"]);
    expect(codes(addIndicator(doc, 0), 0)).toEqual(["LAW.EXAM", "LAW.DISHONEST", "LAW.ITEM"]);
    expect(codes(addIndicator(addIndicator(doc, 0), 0), 0)?.[3]).toBe("LAW.ITEM2");
  });

  it("drops optional fields cleared to undefined", () => {
    const edited = updateIndicator(hegang(), { c: 0, i: 0 }, { note: undefined, evidence: undefined });
    expect(Object.keys(indicator(edited, 0, 0))).not.toContain("evidence");
  });

  it("changes LAW.EXAM's deduction to 2 points per item", () => {
    const doc = hegang();
    const rule = indicator(doc, 0, 0).rule;
    if (rule?.kind !== "deduction") throw new Error("LAW.EXAM is a deduction");
    const edited = setRule(doc, { c: 0, i: 0 }, { ...rule, items: [{ ...rule.items[0]!, points: 2 }] });
    const preview = previewIndicator(indicator(edited, 0, 0), "full_marks", { counts: { items: 3 } });
    expect(preview).toMatchObject({ ok: true, result: { score: "4.00", explanation: "考核扣分项3项，每项扣2分，扣6分，得4.00分" } });
  });
});

describe("rule kinds and composites", () => {
  it("gives a rule another kind with that kind's defaults, and keeps a rule of the same kind", () => {
    const doc = hegang();
    const binary = changeRuleKind(doc, { c: 0, i: 0 }, "binary");
    expect(indicator(binary, 0, 0).rule).toEqual(defaultRule("binary", 10));
    expect(changeRuleKind(doc, { c: 0, i: 0 }, "deduction")).toBe(doc);
  });

  it("converts a single rule into a composite and back", () => {
    const doc = hegang();
    const composite = toComposite(doc, { c: 0, i: 0 });
    const law = indicator(composite, 0, 0);
    expect(law.rule).toBeUndefined();
    expect(law.items).toEqual([{ key: "a", name: "依法行政考核", max: 10, rule: indicator(doc, 0, 0).rule }]);
    expect(validateScheme(composite).errors).toEqual([]);

    const two = addSubItem(composite, { c: 0, i: 0 });
    expect(indicator(two, 0, 0).items?.[1]).toMatchObject({ key: "item", max: 1, rule: { kind: "binary" } });
    const edited = updateSubItem(two, { c: 0, i: 0 }, 1, { max: 2 });
    const kinded = changeRuleKind(edited, { c: 0, i: 0, s: 1 }, "manual");
    expect(indicator(kinded, 0, 0).items?.[1]?.rule).toEqual(defaultRule("manual", 2));
    expect(indicator(removeSubItem(kinded, { c: 0, i: 0 }, 0), 0, 0).items?.map((item) => item.key)).toEqual(["item"]);

    const single = toSingleRule(kinded, { c: 0, i: 0 });
    expect(indicator(single, 0, 0).items).toBeUndefined();
    expect(indicator(single, 0, 0).rule).toEqual(indicator(doc, 0, 0).rule);
    expect(toComposite(composite, { c: 0, i: 0 })).toEqual(composite);
  });

  it("reports sub-item maxima below the indicator's max", () => {
    const composite = updateSubItem(toComposite(hegang(), { c: 0, i: 0 }), { c: 0, i: 0 }, 0, { max: 8 });
    expect(validateScheme(composite).errors).toContainEqual({ path: "categories[0].indicators[0].items", message: "子项满分合计8分，低于指标满分10分" });
  });
});

describe("reducer and helpers", () => {
  it("applies actions", () => {
    let doc = hegang();
    doc = editScheme(doc, { type: "category", c: 0, patch: { name: "依法行政（新）" } });
    doc = editScheme(doc, { type: "ruleKind", at: { c: 0, i: 1 }, kind: "binary" });
    doc = editScheme(doc, { type: "toComposite", at: { c: 1, i: 0 } });
    expect(doc.categories[0]?.name).toBe("依法行政（新）");
    expect(indicator(doc, 0, 1).rule?.kind).toBe("binary");
    expect(indicator(doc, 1, 0).items).toHaveLength(1);
    expect(editScheme(doc, { type: "replace", document: hegang() })).toEqual(hegang());
  });

  it("moves within bounds, names uniquely and locates problems", () => {
    expect(moveIn([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
    expect(moveIn([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(uniqueName(["a", "a2"], "a")).toBe("a3");
    expect(locateProblem("categories[2].indicators[1].items[0].rule.points")).toEqual({ c: 2, i: 1, s: 0 });
    expect(locateProblem("categories[3].weight")).toEqual({ c: 3 });
    expect(locateProblem("grades[0].min")).toEqual({});
  });

  it("counts weights in cents and ignores a number being typed", () => {
    expect(weightTotal(updateCategory(hegang(), 0, { weight: 19.9 }))).toBe(99.9);
    expect(weightTotal(updateCategory(hegang(), 0, { weight: Number.NaN }))).toBe(80);
  });
});

describe("sample facts", () => {
  it("keeps typed facts only while the rule keeps their shape", () => {
    const law = indicator(hegang(), 0, 0);
    const stored = { sig: factSignature(law), fact: { counts: { items: 3 } } };
    expect(currentFact(stored, law)).toEqual({ counts: { items: 3 } });
    const binary = { ...law, rule: defaultRule("binary", 10) };
    expect(currentFact(stored, binary)).toEqual({ met: true });
    expect(defaultIndicatorFacts(indicator(toComposite(hegang(), { c: 0, i: 0 }), 0, 0))).toEqual({ items: { a: { counts: { items: 0 } } } });
  });

  it("scores the whole draft over sample units with full-mark defaults, or lists the draft's errors", () => {
    const units: SampleUnit[] = [
      { name: "甲", facts: {} },
      { name: "乙", facts: { "LAW.EXAM": { sig: "deduction(items)", fact: { counts: { items: 2 } } } } },
    ];
    const outcome = scoreSampleUnits(hegang(), units);
    expect(outcome.ok && outcome.results.map((r) => [r.total, r.grade, r.rank])).toEqual([
      ["100.00", "优秀", 1],
      ["98.00", "优秀", 2],
    ]);
    const broken = scoreSampleUnits(updateCategory(hegang(), 0, { weight: 30 }), units);
    expect(broken).toMatchObject({ ok: false, reason: "scheme", problems: [{ path: "categories", message: "一级指标权重合计为110，应为100" }] });
  });

  it("previews rank rules among peer units and lists invalid facts", () => {
    const ranked: Indicator = { code: "R", name: "败诉", max: 3, sources: [], rule: defaultRule("rank", 3) };
    expect(previewIndicator(ranked, "full_marks", { value: 1 }, [0, 2, 5])).toMatchObject({ ok: true, peers: 3 });
    const invalid = previewIndicator(indicator(hegang(), 0, 0), "full_marks", { counts: { items: -1 } });
    expect(invalid).toMatchObject({ ok: false, problems: [{ message: "计数必须是非负整数" }] });
  });
});

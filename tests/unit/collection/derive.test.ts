import { describe, expect, it } from "vitest";
import {
  deriveCycleFacts,
  deriveSlot,
  deriveUnitFacts,
  groupByUnit,
  withAssignments,
  type DerivationSlot,
  type EntryInput,
  type RecordInput,
  cellStatusLabel,
  sourceCellStatus,
} from "@/lib/collection/derive";
import { reportingSlots } from "@/lib/collection/slots";
import { getBuiltInScheme, scoreUnits, type Rule } from "@/lib/scoring";

const A = "src-a";
const B = "src-b";

function slot(rule: Rule, sources: string[] = [A], options: { max?: number; subKey?: string; code?: string; lead?: string } = {}): DerivationSlot {
  const records = ["deduction", "veto", "count", "award"].includes(rule.kind);
  return {
    indicatorCode: options.code ?? "X",
    subKey: options.subKey ?? "",
    rule,
    max: options.max ?? 10,
    mode: records ? "records" : "value",
    sources: sources.map((id) => ({ sourceOrgId: id, lead: id === options.lead })),
  };
}

const entry = (sourceOrgId: string, answer: EntryInput["answer"], value?: unknown, at: Partial<EntryInput> = {}): EntryInput => ({
  indicatorCode: "X",
  subKey: "",
  sourceOrgId,
  answer,
  value,
  ...at,
});
const record = (sourceOrgId: string, itemKey = "", at: Partial<RecordInput> = {}): RecordInput => ({ indicatorCode: "X", subKey: "", sourceOrgId, itemKey, ...at });

const deduction: Rule = {
  kind: "deduction",
  items: [
    { key: "a", label: "甲", points: 1 },
    { key: "b", label: "乙", points: 2, per: "once" },
  ],
};
const award: Rule = { kind: "award", levels: { national: 10, provincial: 5, municipal: 3 }, combine: "sum" };
const veto: Rule = { kind: "veto", event: "失信" };
const count: Rule = { kind: "count", mode: "additive", perItem: 1 };
const binary: Rule = { kind: "binary", question: "债务未超警戒线" };
const tiered: Rule = { kind: "tiered", tiers: [{ label: "优秀", points: 10 }, { label: "良好", points: 7 }] };
const ratio: Rule = { kind: "ratio", label: "办结率" };
const rank: Rule = { kind: "rank", label: "案件数", full: 10, top: 8, better: "lower" };
const manual: Rule = { kind: "manual", guidance: "专家评分" };
const step: Rule = { kind: "step", label: "得分", fullAt: 90, step: 10, perStep: 1 };
const threshold: Rule = { kind: "threshold", label: "件数", op: "gt", value: 3, points: 2 };

const derive = (s: DerivationSlot, entries: EntryInput[], records: RecordInput[] = []) => deriveUnitFacts([s], { entries, records });

describe("records rules", () => {
  it("counts deduction records per item, every item key present", () => {
    const out = derive(slot(deduction), [entry(A, "records")], [record(A, "a"), record(A, "a"), record(A, "b")]);
    expect(out).toMatchObject({ facts: { X: { counts: { a: 2, b: 1 } } }, pending: [], problems: [], complete: true });
  });

  it("adds counts across sources and ignores withdrawn records", () => {
    const s = slot(deduction, [A, B]);
    const out = derive(s, [], [record(A, "a"), record(B, "a"), record(B, "b", { withdrawnAt: new Date() })]);
    expect(out.facts.X).toEqual({ counts: { a: 2, b: 0 } });
  });

  it("counts veto and count records", () => {
    expect(derive(slot(veto), [], [record(A)]).facts.X).toEqual({ count: 1 });
    expect(derive(slot(count, [A, B]), [entry(B, "none")], [record(A), record(A)]).facts.X).toEqual({ count: 2 });
  });

  it("unites award lists across sources, a repeated level counting per record", () => {
    const out = derive(slot(award, [A, B]), [], [record(B, "municipal"), record(A, "national"), record(B, "municipal")]);
    expect(out.facts.X).toEqual({ awards: ["national", "municipal", "municipal"] });
  });

  it("reads none as zero events", () => {
    expect(derive(slot(deduction), [entry(A, "none")]).facts.X).toEqual({ counts: { a: 0, b: 0 } });
    expect(derive(slot(veto, [A, B]), [entry(A, "none"), entry(B, "none")]).facts.X).toEqual({ count: 0 });
    expect(derive(slot(award), [entry(A, "none")]).facts.X).toEqual({ awards: [] });
  });

  it("waits for every assigned source, records or none", () => {
    const out = derive(slot(veto, [A, B]), [entry(A, "none")]);
    expect(out).toMatchObject({ facts: {}, pending: [{ indicatorCode: "X", subKey: "", missingSourceOrgIds: [B] }], complete: false });
  });

  it("treats an entry saying records with every record withdrawn as unanswered", () => {
    const out = derive(slot(veto), [entry(A, "records")], [record(A, "", { withdrawnAt: "2026-03-01T00:00:00Z" })]);
    expect(out.pending).toEqual([{ indicatorCode: "X", subKey: "", missingSourceOrgIds: [A] }]);
  });

  it("ignores answers of sources that are not assigned and rows of other slots", () => {
    const out = derive(slot(veto), [entry(A, "none"), entry("other", "records")], [record("other"), record(A, "", { indicatorCode: "Y" })]);
    expect(out.facts.X).toEqual({ count: 0 });
  });

  it("is N/A when every source says so, a problem when only some do", () => {
    expect(derive(slot(veto, [A, B]), [entry(A, "not_applicable"), entry(B, "not_applicable")]).facts.X).toBe("N/A");
    const mixed = derive(slot(veto, [A, B]), [entry(A, "not_applicable")], [record(B)]);
    expect(mixed.facts).toEqual({});
    expect(mixed.problems[0]?.message).toContain("不一致");
  });

  it("reports records whose item is not in the scheme", () => {
    expect(derive(slot(deduction), [], [record(A, "zzz")]).problems[0]?.message).toContain("zzz");
    expect(derive(slot(award), [], [record(A, "galactic")]).problems[0]?.message).toContain("galactic");
  });
});

describe("single values", () => {
  it("takes each value rule's fact from its only source, checked by the engine's schema", () => {
    const cases: [Rule, unknown][] = [
      [tiered, { tier: "良好" }],
      [ratio, { value: 0.85 }],
      [rank, { value: null }],
      [rank, { value: 3 }],
      [manual, { score: 7.5, note: "材料齐全" }],
      [step, { value: 85 }],
      [threshold, { value: 4 }],
      [binary, { met: true }],
    ];
    for (const [rule, value] of cases) expect(derive(slot(rule), [entry(A, "value", value)]).facts.X).toEqual(value);
  });

  it("refuses values of the wrong shape, listing the engine's messages", () => {
    const bad: [Rule, unknown][] = [
      [tiered, { tier: "很好" }],
      [ratio, { value: 1.5 }],
      [manual, { score: 11, note: "x" }],
      [manual, { score: 5, note: "" }],
      [binary, { met: "yes" }],
    ];
    for (const [rule, value] of bad) {
      const out = derive(slot(rule), [entry(A, "value", value)]);
      expect(out.facts).toEqual({});
      expect(out.problems[0]?.message).toMatch(/^填报值无效：/);
    }
  });

  it("uses only the lead source when several are assigned", () => {
    const s = slot(tiered, [A, B], { lead: B });
    expect(derive(s, [entry(A, "value", { tier: "优秀" }), entry(B, "value", { tier: "良好" })]).facts.X).toEqual({ tier: "良好" });
    expect(derive(s, [entry(A, "value", { tier: "优秀" })]).pending).toEqual([{ indicatorCode: "X", subKey: "", missingSourceOrgIds: [B] }]);
    expect(derive(s, [entry(B, "not_applicable")]).facts.X).toBe("N/A");
  });

  it("is a problem without exactly one lead, or when none is given for a value", () => {
    expect(derive(slot(tiered, [A, B]), []).problems[0]?.message).toContain("牵头");
    expect(derive(slot(ratio), [entry(A, "none")]).problems[0]?.message).toContain("不能填报“无”");
    expect(derive(slot(ratio, []), []).problems[0]?.message).toContain("未分配");
  });

  it("ignores a value written to a records slot and records in a value slot", () => {
    expect(derive(slot(veto), [entry(A, "value", { count: 3 })]).pending).toHaveLength(1);
    expect(derive(slot(ratio), [entry(A, "records")], [record(A)]).pending).toHaveLength(1);
  });
});

describe("yes/no across sources", () => {
  const s = slot(binary, [A, B]);
  it("fails when any source says not met, even before the others answer", () => {
    expect(derive(s, [entry(A, "value", { met: false })]).facts.X).toEqual({ met: false });
    expect(derive(s, [entry(A, "value", { met: true }), entry(B, "value", { met: false })]).facts.X).toEqual({ met: false });
  });
  it("is met only when every source says met", () => {
    expect(derive(s, [entry(A, "value", { met: true })]).pending[0]?.missingSourceOrgIds).toEqual([B]);
    expect(derive(s, [entry(A, "value", { met: true }), entry(B, "value", { met: true })]).facts.X).toEqual({ met: true });
  });
  it("treats N/A like other rules and refuses none", () => {
    expect(derive(s, [entry(A, "not_applicable"), entry(B, "not_applicable")]).facts.X).toBe("N/A");
    expect(derive(s, [entry(A, "not_applicable"), entry(B, "value", { met: true })]).problems).toHaveLength(1);
    expect(derive(s, [entry(A, "none"), entry(B, "value", { met: true })]).problems[0]?.message).toContain("“是”或“否”");
  });
});

describe("composite indicators", () => {
  const subs = [slot(veto, [A], { subKey: "p" }), slot(ratio, [B], { subKey: "q", max: 5 })];
  const at = (subKey: string) => ({ subKey });

  it("nests each sub-item's facts under items", () => {
    const out = deriveUnitFacts(subs, { entries: [entry(A, "none", undefined, at("p")), entry(B, "value", { value: 0.5 }, at("q"))], records: [] });
    expect(out.facts.X).toEqual({ items: { p: { count: 0 }, q: { value: 0.5 } } });
  });

  it("is N/A only when every sub-item says so, else a problem", () => {
    const all = deriveUnitFacts(subs, { entries: [entry(A, "not_applicable", undefined, at("p")), entry(B, "not_applicable", undefined, at("q"))], records: [] });
    expect(all.facts.X).toBe("N/A");
    const some = deriveUnitFacts(subs, { entries: [entry(A, "not_applicable", undefined, at("p")), entry(B, "value", { value: 1 }, at("q"))], records: [] });
    expect(some.facts).toEqual({});
    expect(some.problems).toEqual([{ indicatorCode: "X", subKey: "", message: expect.stringContaining("组合指标") }]);
  });

  it("is pending while any sub-item is", () => {
    const out = deriveUnitFacts(subs, { entries: [entry(A, "none", undefined, at("p"))], records: [] });
    expect(out.facts).toEqual({});
    expect(out.pending).toEqual([{ indicatorCode: "X", subKey: "q", missingSourceOrgIds: [B] }]);
  });
});

describe("assignments, cycles and the engine", () => {
  const scheme = getBuiltInScheme("hegang-2022")!;
  const reporting = reportingSlots(scheme);

  it("binds assignments to slots; a whole-indicator assignment covers every sub-item", () => {
    const huaian = reportingSlots(getBuiltInScheme("huaian-2021")!);
    const sub = huaian.find((s) => s.subKey !== "")!;
    const bound = withAssignments(huaian, [
      { indicatorCode: sub.indicatorCode, subKey: "", sourceOrgId: A, lead: true },
      { indicatorCode: sub.indicatorCode, subKey: sub.subKey, sourceOrgId: B, lead: false },
      { indicatorCode: sub.indicatorCode, subKey: "other", sourceOrgId: "C", lead: false },
    ]);
    const mine = bound.find((s) => s.indicatorCode === sub.indicatorCode && s.subKey === sub.subKey)!;
    expect(mine.sources).toEqual([{ sourceOrgId: A, lead: true }, { sourceOrgId: B, lead: false }]);
  });

  it("derives complete facts the engine scores, per unit", () => {
    const assignments = reporting.map((s) => ({ indicatorCode: s.indicatorCode, subKey: "", sourceOrgId: A, lead: true }));
    const slots = withAssignments(reporting, assignments);
    const values: Record<string, unknown> = {
      "OPEN.PLEDGE": { met: true },
      "DILIGENT.TARGET": { tier: "良好" },
      "DILIGENT.PETITION": { value: 0.9 },
      "KEEP.DEBT": { met: false },
    };
    const entries = reporting.map((s) => ({
      unitId: "u1",
      indicatorCode: s.indicatorCode,
      subKey: "",
      sourceOrgId: A,
      answer: s.mode === "value" ? ("value" as const) : ("none" as const),
      value: values[s.indicatorCode],
    }));
    const records = [{ unitId: "u1", indicatorCode: "LAW.EXAM", subKey: "", sourceOrgId: A, itemKey: "items" }];
    const grouped = groupByUnit(entries, records);
    const cycle = deriveCycleFacts(slots, [
      { unitId: "u1", answers: grouped.get("u1")! },
      { unitId: "u2", answers: { entries: [], records: [] } },
    ]);
    expect(cycle.complete).toBe(false);
    const [u1, u2] = cycle.units;
    expect(u1).toMatchObject({ unitId: "u1", complete: true, problems: [] });
    expect(u2?.pending).toHaveLength(reporting.length);
    const scored = scoreUnits(scheme, [{ code: "u1", facts: u1!.facts }]);
    expect(scored.ok).toBe(true);
    const score = (code: string) => (scored.ok ? scored.results[0]?.indicators.find((i) => i.code === code)?.score : undefined);
    expect([score("LAW.EXAM"), score("KEEP.DEBT"), score("DILIGENT.TARGET"), score("LAW.DISHONEST")]).toEqual(["9.00", "0.00", "7.00", "10.00"]);
  });

  it("derives one slot directly", () => {
    expect(deriveSlot(slot(veto), [], [record(A)])).toEqual({ status: "fact", fact: { count: 1 } });
  });
});

describe("a source's own cells", () => {
  it("answers a records cell by live records or none, a value cell by its value, either by N/A", () => {
    const cases: [Parameters<typeof sourceCellStatus>, string][] = [
      [["records", null, 0], "未填"],
      [["records", "records", 0], "未填"],
      [["records", "records", 3], "已填记录3条"],
      [["records", "none", 0], "无"],
      [["records", "not_applicable", 0], "不涉及"],
      [["value", "value", 0], "已填值"],
      [["value", "none", 0], "未填"],
      [["value", undefined, 0], "未填"],
      [["value", "not_applicable", 0], "不涉及"],
    ];
    for (const [args, label] of cases) expect(cellStatusLabel(sourceCellStatus(...args))).toBe(label);
  });
});

import { describe, expect, it } from "vitest";
import { dec } from "@/lib/scoring/decimal";
import { compileRule, ruleToText } from "@/lib/scoring/rules";
import type { Rule } from "@/lib/scoring/schema";
import { evaluate, scoreOf } from "./helpers";

const explain = (rule: Rule, max: number, fact: unknown, name?: string) => evaluate(rule, max, fact, name)?.explanation;

describe("binary", () => {
  const rule: Rule = { kind: "binary", question: "债务未超警戒线" };
  it("gives points (default max) when met, else 0", () => {
    expect(explain(rule, 10, { met: true })).toBe("债务未超警戒线：是，得10.00分");
    expect(explain(rule, 10, { met: false })).toBe("债务未超警戒线：否，得0.00分");
    expect(scoreOf({ ...rule, points: 3 }, 5, { met: true })).toBe("3.00");
  });
  it("clamps points above max", () => {
    expect(scoreOf({ ...rule, points: 7 }, 5, { met: true })).toBe("5.00");
  });
  it.each([[{ met: "yes" }], [{}], [null], [[]], ["N/A"], [{ met: 1 }]])("refuses %j", (fact) => {
    expect(evaluate(rule, 10, fact)).toBeUndefined();
  });
});

describe("veto", () => {
  const rule: Rule = { kind: "veto", event: "被列为失信被执行人" };
  it("scores max for no record and 0 from the first", () => {
    expect(explain(rule, 10, { count: 0 })).toBe("未被列为失信被执行人，得10.00分");
    expect(explain(rule, 10, { count: 1 })).toBe("被列为失信被执行人1次，一票否决，得0.00分");
    expect(scoreOf(rule, 10, { count: 3 })).toBe("0.00");
  });
  it.each([[{ count: -1 }], [{ count: 1.5 }], [{ count: "1" }], [{ count: Number.MAX_SAFE_INTEGER + 1 }]])(
    "refuses %j",
    (fact) => expect(evaluate(rule, 10, fact)).toBeUndefined(),
  );
});

describe("deduction", () => {
  const each: Rule = { kind: "deduction", items: [{ key: "items", label: "考核扣分项", points: 1, per: "each" }] };
  it("deducts points × n for each", () => {
    expect(explain(each, 10, { counts: { items: 3 } })).toBe("考核扣分项3项，每项扣1分，扣3分，得7.00分");
    expect(explain(each, 10, { counts: { items: 2 } })).toBe("考核扣分项2项，每项扣1分，扣2分，得8.00分");
    expect(explain(each, 10, { counts: {} })).toBe("考核扣分项0项，不扣分，得10.00分");
  });
  it("never goes below 0", () => {
    expect(scoreOf(each, 10, { counts: { items: 12 } })).toBe("0.00");
    expect(scoreOf(each, 10, { counts: { items: 10 } })).toBe("0.00");
    expect(scoreOf(each, 10, { counts: { items: 9 } })).toBe("1.00");
  });
  it("caps an item's deduction", () => {
    const capped: Rule = { kind: "deduction", items: [{ key: "x", label: "问题", points: 1, per: "each", cap: 4 }] };
    expect(explain(capped, 10, { counts: { x: 12 } })).toBe("问题12项，每项扣1分，扣4分（最多扣4分），得6.00分");
    expect(explain(capped, 10, { counts: { x: 4 } })).toBe("问题4项，每项扣1分，扣4分，得6.00分");
    expect(scoreOf(capped, 10, { counts: { x: 3 } })).toBe("7.00");
  });
  it("deducts once however often it happened", () => {
    const rule: Rule = {
      kind: "deduction",
      items: [
        { key: "leadership", label: "领导班子受处分", points: 5, per: "once" },
        { key: "staff", label: "公职人员受处分", points: 5, per: "once" },
      ],
    };
    expect(explain(rule, 10, { counts: { leadership: 3 } })).toBe(
      "领导班子受处分3项，按一次扣5分；公职人员受处分0项，不扣分；合计扣5分，得5.00分",
    );
    expect(scoreOf(rule, 10, { counts: { leadership: 1, staff: 1 } })).toBe("0.00");
    expect(scoreOf(rule, 10, { counts: { leadership: 0, staff: 0 } })).toBe("10.00");
  });
  it("uses exact decimals for fractional points", () => {
    const rule: Rule = { kind: "deduction", items: [{ key: "c", label: "投诉", points: 0.1, per: "each" }] };
    // 3 − 0.1 × 7 = 2.3 exactly (in binary floating point 3 − 0.7000000000000001 = 2.3 − ε)
    expect(scoreOf(rule, 3, { counts: { c: 7 } })).toBe("2.30");
  });
  it.each([
    [{ counts: { item: 1 } }],
    [{ counts: { items: -1 } }],
    [{ counts: { items: 0.5 } }],
    [{ counts: [] }],
    [{ counts: null }],
    [{}],
    [{ count: 1 }],
  ])("refuses %j", (fact) => expect(evaluate(each, 10, fact)).toBeUndefined());
});

describe("tiered", () => {
  const rule: Rule = {
    kind: "tiered",
    tiers: [
      { label: "优秀", points: 10 },
      { label: "良好", points: 7 },
      { label: "一般", points: 4 },
      { label: "未达标", points: 0 },
    ],
  };
  it("gives the tier's points", () => {
    expect(explain(rule, 10, { tier: "良好" }, "综合责任目标考核")).toBe("综合责任目标考核为良好，得7.00分");
    expect(scoreOf(rule, 10, { tier: "未达标" })).toBe("0.00");
  });
  it.each([[{ tier: "好" }], [{ tier: 7 }], [{ tier: "" }], [{}]])("refuses %j", (fact) =>
    expect(evaluate(rule, 10, fact)).toBeUndefined(),
  );
});

describe("ratio", () => {
  const petition: Rule = { kind: "ratio", label: "办结率", mode: "proportional", fullAt: 1, zeroBelow: 0.01 };
  it("is proportional between zeroBelow and fullAt", () => {
    expect(explain(petition, 5, { value: 0.85 })).toBe("办结率85.00%，按比例得4.25分");
    expect(scoreOf(petition, 5, { value: 0.01 })).toBe("0.05");
  });
  it("gives 0 strictly below zeroBelow and max from fullAt", () => {
    expect(explain(petition, 5, { value: 0.0099 })).toBe("办结率0.99%，低于1.00%，得0.00分");
    expect(explain(petition, 5, { value: 1 })).toBe("办结率100.00%，达到100.00%，得5.00分");
  });
  it("rounds half-up exactly where binary floats do not", () => {
    // 5 × 0.999 = 4.995 → 5.00; 5 × 0.469 = 2.345 (float 2.3449999999999998) → 2.35;
    // 5 × 0.201 = 1.005 → 1.01; 5 × 0.853 = 4.265 (Math.round gives 4.26) → 4.27
    const rule: Rule = { kind: "ratio" };
    expect(scoreOf(rule, 5, { value: 0.999 })).toBe("5.00");
    expect(scoreOf(rule, 5, { value: 0.469 })).toBe("2.35");
    expect(scoreOf(rule, 5, { value: 0.201 })).toBe("1.01");
    expect(scoreOf(rule, 5, { value: 0.853 })).toBe("4.27");
    expect(scoreOf(rule, 5, { value: 0.8529 })).toBe("4.26");
  });
  it("divides by fullAt exactly", () => {
    const rule: Rule = { kind: "ratio", fullAt: 0.95 };
    expect(scoreOf(rule, 2, { value: 0.9 })).toBe("1.89"); // 2 × 0.9 / 0.95 = 1.8947…
    expect(scoreOf(rule, 2, { value: 0.95 })).toBe("2.00");
  });
  it("is linear between zeroBelow and fullAt in linear mode", () => {
    const rule: Rule = { kind: "ratio", mode: "linear", zeroBelow: 0.5, fullAt: 0.9 };
    expect(scoreOf(rule, 10, { value: 0.7 })).toBe("5.00");
    expect(scoreOf(rule, 10, { value: 0.6 })).toBe("2.50");
    expect(scoreOf(rule, 10, { value: 0.5 })).toBe("0.00");
    expect(scoreOf(rule, 10, { value: 0.49 })).toBe("0.00");
    expect(scoreOf(rule, 10, { value: 0.9 })).toBe("10.00");
  });
  it.each([[{ value: 1.2 }], [{ value: -0.1 }], [{ value: "0.5" }], [{ value: null }], [{}]])("refuses %j", (fact) =>
    expect(evaluate(petition, 5, fact)).toBeUndefined(),
  );
});

describe("count", () => {
  it("adds perItem for each, up to max", () => {
    const rule: Rule = { kind: "count", mode: "additive", perItem: 0.4, label: "已建立制度" };
    expect(explain(rule, 2, { count: 3 })).toBe("已建立制度3项，每项得0.4分，得1.20分");
    expect(scoreOf(rule, 2, { count: 5 })).toBe("2.00");
    expect(scoreOf(rule, 2, { count: 6 })).toBe("2.00");
    expect(scoreOf(rule, 2, { count: 0 })).toBe("0.00");
  });
  it("deducts perMissing for each below target", () => {
    const rule: Rule = { kind: "count", mode: "shortfall", target: 4, perMissing: 0.5, label: "创建工作会议", unit: "次" };
    expect(explain(rule, 2, { count: 2 })).toBe("创建工作会议2次，应达4次，少2次，每少1次扣0.5分，得1.00分");
    expect(explain(rule, 2, { count: 4 })).toBe("创建工作会议4次，达到4次，得2.00分");
    expect(scoreOf(rule, 2, { count: 9 })).toBe("2.00");
    expect(scoreOf(rule, 2, { count: 0 })).toBe("0.00");
  });
  it.each([[{ count: -2 }], [{ count: 2.5 }], [{ value: 2 }]])("refuses %j", (fact) =>
    expect(evaluate({ kind: "count", mode: "additive", perItem: 1 }, 3, fact)).toBeUndefined(),
  );
});

describe("award", () => {
  const levels = { national: 10, provincial: 5, municipal: 3 };
  const max: Rule = { kind: "award", levels, combine: "max" };
  it("takes the best level under max", () => {
    expect(explain(max, 10, { awards: [] })).toBe("未获奖励，得0.00分");
    expect(explain(max, 10, { awards: ["provincial"] })).toBe("获省级奖励，得5.00分");
    expect(explain(max, 10, { awards: ["provincial", "national", "provincial"] })).toBe(
      "获省级、国家级奖励，按最高一项得10.00分",
    );
  });
  it("adds every award under sum, up to max", () => {
    const sum: Rule = { kind: "award", levels, combine: "sum" };
    expect(explain(sum, 10, { awards: ["municipal", "municipal"] })).toBe("获市级奖励2项，合计得6.00分");
    expect(scoreOf(sum, 10, { awards: ["national", "provincial"] })).toBe("10.00");
  });
  it("names unknown level keys verbatim", () => {
    const rule: Rule = { kind: "award", levels: { county: 2, city_star: 4 } };
    expect(explain(rule, 5, { awards: ["city_star"] })).toBe("获city_star奖励，得4.00分");
    expect(explain(rule, 5, { awards: ["county"] })).toBe("获县级奖励，得2.00分");
  });
  it.each([[{ awards: ["world"] }], [{ awards: "national" }], [{ awards: [1] }], [{}]])("refuses %j", (fact) =>
    expect(evaluate(max, 10, fact)).toBeUndefined(),
  );
});

describe("step", () => {
  const rule: Rule = { kind: "step", label: "群众满意度", fullAt: 90, step: 10, perStep: 1 };
  it("deducts perStep for every started step below fullAt", () => {
    expect(explain(rule, 4, { value: 90 })).toBe("群众满意度90，达到90，得4.00分");
    expect(scoreOf(rule, 4, { value: 95 })).toBe("4.00");
    expect(explain(rule, 4, { value: 85 })).toBe("群众满意度85，低于90，按每低10扣1分计1档，扣1分，得3.00分");
    expect(scoreOf(rule, 4, { value: 80 })).toBe("3.00");
    expect(scoreOf(rule, 4, { value: 79.9 })).toBe("2.00");
    expect(scoreOf(rule, 4, { value: 0 })).toBe("0.00");
  });
  it("works with fractional steps exactly", () => {
    const guide: Rule = { kind: "step", fullAt: 100, step: 1, perStep: 0.1 };
    expect(scoreOf(guide, 1, { value: 97.5 })).toBe("0.70"); // ⌈2.5⌉ = 3 steps
    expect(scoreOf(guide, 1, { value: 99.7 })).toBe("0.90"); // ⌈0.3⌉ = 1 step (0.3 is inexact in binary)
  });
  it.each([[{ value: -1 }], [{ value: "90" }], [{ value: null }]])("refuses %j", (fact) =>
    expect(evaluate(rule, 4, fact)).toBeUndefined(),
  );
});

describe("threshold", () => {
  const rule: Rule = { kind: "threshold", label: "信易贷入驻比例", op: "lt", value: 0.2, points: 10, percent: true };
  it("deducts when the comparison holds", () => {
    expect(explain(rule, 10, { value: 0.19 })).toBe("信易贷入驻比例19.00%，低于20.00%，扣10分，得0.00分");
    expect(explain(rule, 10, { value: 0.2 })).toBe("信易贷入驻比例20.00%，不低于20.00%，不扣分，得10.00分");
  });
  it.each([
    ["lte", 0.2, "0.00"],
    ["gt", 0.2, "10.00"],
    ["gt", 0.21, "0.00"],
    ["gte", 0.2, "0.00"],
  ] as const)("%s at %s", (op, value, score) => {
    expect(scoreOf({ ...rule, op }, 10, { value })).toBe(score);
  });
});

describe("rank", () => {
  const lower: Rule = { kind: "rank", full: 2, top: 1.8, better: "lower" };
  const prepared = (rule: Rule, max: number, values: number[]) => {
    const compiled = compileRule<string>(rule, { max: dec(max), name: "行政复议", present: (s) => s });
    compiled.ranking?.prepare(values);
    return compiled;
  };
  it("gives full for no cases and top × (k − p + 1) / k by position, ties sharing", () => {
    const rule = prepared(lower, 2, [0.1, 0.2, 0.2, 0.3]);
    expect(rule.evaluate({ value: null })?.explanation).toBe("无案件，得2.00分");
    expect(rule.evaluate({ value: 0.1 })?.explanation).toBe("在4个有案件的单位中排第1位，得1.80分");
    expect(rule.evaluate({ value: 0.2 })?.explanation).toBe("在4个有案件的单位中排第2位，得1.35分");
    expect(rule.evaluate({ value: 0.3 })?.score).toBe("0.45"); // position 4: 1.8 × 1 / 4
  });
  it("ranks higher values first when higher is better", () => {
    const rule = prepared({ kind: "rank", full: 3, top: 3, better: "higher", label: "清偿率" }, 3, [0.9, 0.5, 0.5]);
    expect(rule.evaluate({ value: 0.9 })?.score).toBe("3.00");
    expect(rule.evaluate({ value: 0.5 })?.explanation).toBe("清偿率0.5，在3个有案件的单位中排第2位，得2.00分");
  });
  it("rounds the share half-up", () => {
    const rule = prepared({ kind: "rank", full: 3, top: 2.9, better: "lower" }, 3, [1, 2, 3]);
    expect(rule.evaluate({ value: 2 })?.score).toBe("1.93"); // 2.9 × 2 / 3 = 1.9333…
  });
  it.each([[{ value: -1 }], [{ value: "1" }], [{}]])("refuses %j", (fact) =>
    expect(prepared(lower, 2, []).evaluate(fact)).toBeUndefined(),
  );
});

describe("manual", () => {
  const rule: Rule = { kind: "manual" };
  it("takes the assessed score, rounded half-up, with the note as explanation", () => {
    expect(explain(rule, 5, { score: 4.5, note: "材料齐全。" })).toBe("材料齐全，评定得4.50分");
    expect(scoreOf(rule, 5, { score: 4.555, note: "专家评定" })).toBe("4.56");
    expect(scoreOf(rule, 5, { score: 5, note: "满分" })).toBe("5.00");
  });
  it.each([
    [{ score: 5.5, note: "超出" }],
    [{ score: -1, note: "负数" }],
    [{ score: 3, note: "" }],
    [{ score: 3, note: "   " }],
    [{ score: 3 }],
    [{ score: "3", note: "文字" }],
  ])("refuses %j", (fact) => expect(evaluate(rule, 5, fact)).toBeUndefined());
});

describe("ruleToText", () => {
  it("describes rules in words", () => {
    expect(ruleToText({ kind: "deduction", items: [{ key: "items", label: "考核扣分项", points: 1 }] }, 10)).toBe(
      "每项考核扣分项扣1分，最多扣至0分",
    );
    expect(ruleToText({ kind: "binary", question: "债务未超警戒线" }, 10)).toBe("债务未超警戒线得10分，否则得0分");
    expect(ruleToText({ kind: "tiered", tiers: [{ label: "优秀", points: 10 }, { label: "良好", points: 7 }] }, 10)).toBe(
      "优秀得10分，良好得7分",
    );
    expect(ruleToText({ kind: "award", levels: { national: 10, provincial: 5 } }, 10)).toBe(
      "国家级奖励得10分，省级奖励得5分，多项取最高一项",
    );
    expect(ruleToText({ kind: "veto", event: "被列为失信被执行人" }, 10)).toBe(
      "被列为失信被执行人即得0分（一票否决），否则得10分",
    );
  });
  it("describes every kind without throwing", () => {
    const rules: Rule[] = [
      { kind: "ratio", label: "办结率", zeroBelow: 0.01 },
      { kind: "count", mode: "shortfall", target: 4, perMissing: 0.5 },
      { kind: "step", fullAt: 90, step: 10, perStep: 1 },
      { kind: "threshold", op: "gte", value: 3, points: 1 },
      { kind: "rank", full: 2, top: 1.8, better: "lower" },
      { kind: "manual" },
    ];
    for (const rule of rules) expect(ruleToText(rule, 5).length).toBeGreaterThan(5);
  });
});

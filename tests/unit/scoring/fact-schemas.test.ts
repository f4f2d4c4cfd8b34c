import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "@/lib/scoring/decimal";
import { factSchemaFor, indicatorFactSchema } from "@/lib/scoring/schema";
import { compileRule } from "@/lib/scoring/rules";
import type { Rule } from "@/lib/scoring/schema";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";

const rules: [Rule, number][] = [
  [{ kind: "binary", question: "达标" }, 5],
  [{ kind: "veto" }, 10],
  [{ kind: "deduction", items: [{ key: "a", label: "甲", points: 1 }, { key: "b", label: "乙", points: 2, per: "once" }] }, 10],
  [{ kind: "tiered", tiers: [{ label: "优秀", points: 10 }, { label: "良好", points: 7 }] }, 10],
  [{ kind: "ratio", zeroBelow: 0.01 }, 5],
  [{ kind: "count", mode: "additive", perItem: 0.5 }, 2],
  [{ kind: "award", levels: { national: 10, provincial: 5 }, combine: "sum" }, 10],
  [{ kind: "step", fullAt: 90, step: 10, perStep: 1 }, 4],
  [{ kind: "threshold", op: "lt", value: 0.2, points: 1 }, 3],
  [{ kind: "rank", full: 2, top: 1.8, better: "lower" }, 2],
  [{ kind: "manual" }, 5],
];

/** JSON-ish values biased towards the shapes facts take. */
const factLike = fc.oneof(
  fc.jsonValue(),
  fc.record({ met: fc.oneof(fc.boolean(), fc.jsonValue()) }),
  fc.record({ count: fc.oneof(fc.integer({ min: -3, max: 20 }), fc.double(), fc.jsonValue()) }),
  fc.record({ counts: fc.dictionary(fc.constantFrom("a", "b", "c", "__proto__"), fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double())) }),
  fc.record({ tier: fc.oneof(fc.constantFrom("优秀", "良好", "好"), fc.jsonValue()) }),
  fc.record({ value: fc.oneof(fc.double(), fc.double({ min: 0, max: 1 }), fc.constant(null), fc.jsonValue()) }),
  fc.record({ awards: fc.array(fc.constantFrom("national", "provincial", "world", 3)) }),
  fc.record({ score: fc.oneof(fc.double(), fc.integer({ min: -1, max: 6 })), note: fc.oneof(fc.string(), fc.constant(" ")) }),
);

describe("fact schemas", () => {
  it.each(rules)("accept exactly what the engine accepts (%j)", (rule, max) => {
    const schema = factSchemaFor(rule, max);
    const compiled = compileRule<null>(rule, { max: dec(max), name: "x", present: () => null });
    fc.assert(
      fc.property(factLike, (fact) => {
        expect(compiled.accepts(fact)).toBe(schema.safeParse(fact).success);
      }),
      { numRuns: 400 },
    );
  });

  it("word their problems in Chinese", () => {
    const count = factSchemaFor({ kind: "veto" }, 10).safeParse({ count: -1 });
    expect(count.error?.issues[0]?.message).toBe("计数必须是非负整数");
    const ratio = factSchemaFor({ kind: "ratio" }, 5).safeParse({ value: 2 });
    expect(ratio.error?.issues[0]?.message).toBe("比率必须是0到1之间的数（如85%填0.85）");
    const manual = factSchemaFor({ kind: "manual" }, 5).safeParse({ score: 6, note: "" });
    expect(manual.error?.issues.map((i) => i.message)).toEqual(["评分必须在0到5分之间", "人工评分必须填写评分说明"]);
    const shape = factSchemaFor({ kind: "binary", question: "达标" }, 5).safeParse(3);
    expect(shape.error?.issues[0]?.message).toBe('数据格式应为 {"met": true|false}');
  });

  it("describe a whole indicator: N/A or the rule's facts", () => {
    const indicator = hegang2022.categories[0]?.indicators[0];
    if (indicator === undefined) throw new Error("template changed");
    const schema = indicatorFactSchema(indicator);
    expect(schema.safeParse("N/A").success).toBe(true);
    expect(schema.safeParse({ counts: { items: 1 } }).success).toBe(true);
    expect(schema.safeParse({ counts: { items: -1 } }).success).toBe(false);
    const composite = indicatorFactSchema({
      code: "X",
      name: "组合",
      max: 2,
      sources: [],
      items: [{ key: "a", name: "甲", max: 2, rule: { kind: "binary", question: "甲" } }],
    });
    expect(composite.safeParse({ items: { a: { met: true } } }).success).toBe(true);
    expect(composite.safeParse({ items: { a: { met: true }, b: {} } }).success).toBe(false);
  });
});

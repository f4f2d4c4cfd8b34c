import { z } from "zod";
import { dec, plain, ZERO, type Dec } from "../decimal";
import type { DeductionItem, RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { COUNT_MESSAGE, countSchema, factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isCount, isRecord } = facts;

type DeductionRule = RuleOf<"deduction">;
interface DeductionFact {
  counts: Record<string, number>;
}

function factSchema(rule: DeductionRule) {
  const keys = rule.items.map((item) => item.key);
  const known = `扣分项只能是：${keys.join("、")}`;
  const unknown = (issue: object) =>
    "keys" in issue && Array.isArray(issue.keys) ? `未知的扣分项“${issue.keys.join("、")}”（${known}）` : `未知的扣分项（${known}）`;
  const counts = z.partialRecord(z.enum(keys), countSchema, {
    error: (issue) => {
      const code: string = issue.code;
      if (code === "invalid_type") return `counts 必须是“扣分项: 次数”的对象（${known}）`;
      return code === "unrecognized_keys" || code === "invalid_key" ? unknown(issue) : COUNT_MESSAGE;
    },
  });
  // zod quietly drops a "__proto__" key; the engine refuses it like any unknown key.
  const noProtoKey = z
    .unknown()
    .refine((value) => !(isRecord(value) && Object.hasOwn(value, "__proto__")), `未知的扣分项“__proto__”（${known}）`);
  return factObject({ counts: noProtoKey.pipe(counts) }, '{"counts": {"扣分项": 次数}}');
}

interface CompiledItem {
  item: DeductionItem;
  points: Dec;
  cap: Dec | undefined;
}

function deducted({ item, points, cap }: CompiledItem, n: number): Dec {
  const d = n === 0 ? ZERO : (item.per ?? "each") === "once" ? points : points.times(n);
  return cap !== undefined && d.gt(cap) ? cap : d;
}

function itemText({ item, points, cap }: CompiledItem, n: number, d: Dec): string {
  if (n === 0) return `${item.label}0项，不扣分`;
  const once = item.per === "once";
  const capped = cap !== undefined && d.eq(cap) && (once ? points : points.times(n)).gt(cap);
  const limit = capped ? `（最多扣${plain(cap)}分）` : "";
  if (once) return `${item.label}${n}项，${n > 1 ? "按一次" : ""}扣${plain(d)}分${limit}`;
  return `${item.label}${n}项，每项扣${plain(points)}分，扣${plain(d)}分${limit}`;
}

/** Counts packed into one number while they fit (10 bits each), else a string. */
function countsKey(counts: Record<string, number>, items: readonly DeductionItem[]): number | string {
  let key = 0;
  let packed = items.length <= 5;
  for (const item of items) {
    const n = counts[item.key] ?? 0;
    if (n >= 1024) packed = false;
    key = key * 1024 + n;
  }
  return packed ? key : items.map((item) => counts[item.key] ?? 0).join(",");
}

export const deductionRule: RuleDefinition<DeductionRule> = {
  factSchema,
  compile(rule, ctx) {
    const items: CompiledItem[] = rule.items.map((item) => ({
      item,
      points: dec(item.points),
      cap: item.cap === undefined ? undefined : dec(item.cap),
    }));
    const keys = new Set(rule.items.map((item) => item.key));
    const firstKey = rule.items[0]?.key ?? "";
    const countOf = (f: DeductionFact, key: string): number => f.counts[key] ?? 0;

    const single = items.length === 1;
    const accepts = (x: unknown): x is DeductionFact => {
      if (!isRecord(x) || !isRecord(x.counts)) return false;
      for (const key in x.counts) {
        if (!(single ? key === firstKey : keys.has(key)) || !isCount(x.counts[key])) return false;
      }
      return true;
    };
    const total = (f: DeductionFact): Dec =>
      items.reduce((sum, ci) => sum.plus(deducted(ci, countOf(f, ci.item.key))), ZERO);

    return compiledRule({
      kind: "deduction",
      ctx,
      schema: factSchema(rule),
      accepts,
      keyOf: (x) => {
        if (!accepts(x)) return undefined;
        return items.length === 1 ? countOf(x, firstKey) : countsKey(x.counts, rule.items);
      },
      raw: (f) => ctx.max.minus(total(f)),
      explain: (f, score) => {
        const parts = items.map((ci) => {
          const n = countOf(f, ci.item.key);
          return itemText(ci, n, deducted(ci, n));
        });
        const sum = items.length > 1 ? `；合计扣${plain(total(f))}分` : "";
        return `${parts.join("；")}${sum}，得${score}分`;
      },
    });
  },
  describe: (rule) => {
    const parts = rule.items.map((item) => {
      const cap = item.cap === undefined ? "" : `（该项最多扣${plain(item.cap)}分）`;
      return item.per === "once"
        ? `发生${item.label}扣${plain(item.points)}分${cap}`
        : `每项${item.label}扣${plain(item.points)}分${cap}`;
    });
    return `${parts.join("；")}，最多扣至0分`;
  },
  best: (_rule, max) => max,
};

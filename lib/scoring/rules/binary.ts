import { z } from "zod";
import { dec, plain, ZERO } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord } = facts;

type BinaryRule = RuleOf<"binary">;
interface BinaryFact {
  met: boolean;
}

const schema = factObject(
  { met: z.boolean({ error: "met 必须是 true（是）或 false（否）" }) },
  '{"met": true|false}',
);

function isBinaryFact(x: unknown): x is BinaryFact {
  return isRecord(x) && typeof x.met === "boolean";
}

export const binaryRule: RuleDefinition<BinaryRule> = {
  factSchema: () => schema,
  compile(rule, ctx) {
    const points = rule.points === undefined ? ctx.max : dec(rule.points);
    return compiledRule({
      kind: "binary",
      ctx,
      schema,
      accepts: isBinaryFact,
      keyOf: (x) => (isBinaryFact(x) ? (x.met ? 1 : 0) : undefined),
      raw: (f) => (f.met ? points : ZERO),
      explain: (f, score) => `${rule.question}：${f.met ? "是" : "否"}，得${score}分`,
    });
  },
  describe: (rule, max) => `${rule.question}得${plain(rule.points ?? max)}分，否则得0分`,
  best: (rule, max) => (rule.points === undefined ? max : dec(rule.points)),
  oversized: (rule, max) => (rule.points !== undefined && max.lt(rule.points) ? [`分值${plain(rule.points)}`] : []),
};

import { z } from "zod";
import { dec, plain, type Dec } from "../decimal";
import type { RuleOf } from "../schema";
import { compiledRule } from "./compiled";
import { factObject } from "./facts";
import * as facts from "./facts";
import type { RuleDefinition } from "./types";

// Hot-path helpers as local constants (see facts.ts).
const { isRecord } = facts;

type ManualRule = RuleOf<"manual">;
interface ManualFact {
  score: number;
  note: string;
}

function factSchema(_rule: ManualRule, max: Dec) {
  const limit = max.toNumber();
  const range = `评分必须在0到${plain(limit)}分之间`;
  return factObject(
    {
      score: z.number({ error: range }).min(0, range).max(limit, range),
      note: z.string({ error: "人工评分必须填写评分说明" }).trim().min(1, "人工评分必须填写评分说明"),
    },
    '{"score": 分数, "note": "评分说明"}',
  );
}

const TRAILING_PUNCTUATION = /[。；，、,.;\s]+$/u;

export const manualRule: RuleDefinition<ManualRule> = {
  factSchema,
  compile(rule, ctx) {
    const limit = ctx.max.toNumber();
    const accepts = (x: unknown): x is ManualFact =>
      isRecord(x) &&
      typeof x.score === "number" &&
      x.score >= 0 &&
      x.score <= limit &&
      typeof x.note === "string" &&
      x.note.trim().length > 0;
    return compiledRule({
      kind: "manual",
      ctx,
      schema: factSchema(rule, ctx.max),
      accepts,
      keyOf: (x) => (accepts(x) ? null : undefined),
      raw: (f) => dec(f.score),
      explain: (f, score) => `${f.note.trim().replace(TRAILING_PUNCTUATION, "")}，评定得${score}分`,
    });
  },
  describe: (rule, max) => `${rule.guidance ?? "按评价内容人工评定"}，0至${plain(max)}分，须填写评分说明`,
  best: (_rule, max) => max,
};

import { z } from "zod";
import { UNIT_KINDS } from "@/lib/orgs/kinds";
import { COMPARE_GROUPS } from "./movers";

/** Query strings of the scoring and results pages, and the start form. Bad values fall back to defaults. */

export const RUN_PAGE_SIZE = 20;
export const PROBLEM_PAGE_SIZE = 50;
export const RANKING_PAGE_SIZE = 50;
export const COMPARE_PAGE_SIZE = 50;
export const UNIT_PICK_PAGE_SIZE = 10;

const page = z.coerce.number().int().min(1).max(100_000).default(1).catch(1);
const q = z.string().trim().max(100).optional().catch(undefined);
const order = z.enum(["asc", "desc"]).default("asc").catch("asc");
const id = z.string().trim().min(1).max(60).optional().catch(undefined);

export const runListSchema = z.object({ page });

export const PROBLEM_KINDS = ["missing", "invalid", "setup"] as const;
export const problemListSchema = z.object({ q, kind: z.enum(PROBLEM_KINDS).optional().catch(undefined), page });
export type ProblemListQuery = z.infer<typeof problemListSchema>;

/** `cat:<code>` sorts by one category's score; the page checks the code against the scheme. */
export const rankingSortSchema = z.union([z.enum(["rank", "total", "name", "kind"]), z.string().regex(/^cat:[A-Za-z0-9_.-]{1,40}$/)]);
export const rankingQuerySchema = z.object({
  scheme: id,
  q,
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  grade: z.string().trim().min(1).max(20).optional().catch(undefined),
  issued: z.enum(["yes", "no"]).optional().catch(undefined),
  sort: rankingSortSchema.default("rank").catch("rank"),
  order,
  page,
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

/** A query's sort when the scheme has that category, otherwise the ranking. */
export function rankingSortFor(query: RankingQuery, categoryCodes: readonly string[]): RankingQuery["sort"] {
  if (query.sort.startsWith("cat:") && !categoryCodes.includes(query.sort.slice(4))) return "rank";
  return query.sort;
}

export const compareQuerySchema = z.object({
  a: id,
  b: id,
  q,
  /** "1" lists every unit; by default only those whose result changed. */
  all: z.enum(["1"]).optional().catch(undefined),
  /** delta: the largest change first (units in only one run before them); name: pinyin order. */
  sort: z.enum(["delta", "name"]).default("delta").catch("delta"),
  page,
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

/** The year-over-year page: cycles A (earlier) and B (later), the kind (all figures), the table's group, search, sort and page. */
export const CYCLE_COMPARE_PAGE_SIZE = 50;
export const CYCLE_COMPARE_SORTS = ["change", "name", "a", "b"] as const;
export const cycleCompareQuerySchema = z.object({
  a: id,
  b: id,
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  show: z.enum(COMPARE_GROUPS).default("compared").catch("compared"),
  q,
  sort: z.enum(CYCLE_COMPARE_SORTS).default("change").catch("change"),
  order: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page,
});
export type CycleCompareQuery = z.infer<typeof cycleCompareQuerySchema>;

export const unitPickSchema = z.object({ q, page });

/** The start form: every unit not yet issued, or the units chosen. */
export const startScoringSchema = z
  .object({
    cycleId: z.string({ error: "缺少评价周期" }).trim().min(1, "缺少评价周期").max(60),
    scope: z.enum(["all", "selected"], { error: "请选择评分范围" }),
    unitIds: z.array(z.string().trim().min(1).max(60)).max(100_000, "一次最多选择100000个单位").default([]),
  })
  .superRefine((value, ctx) => {
    if (value.scope === "selected" && value.unitIds.length === 0) ctx.addIssue({ code: "custom", path: ["unitIds"], message: "请至少选择一个单位" });
  });
export type StartScoringInput = z.input<typeof startScoringSchema>;

/** What the scoring page's progress poll receives. */
export type RunProgressBody = {
  run: { id: string; number: number; status: "running" | "succeeded" | "failed"; phaseLabel: string; done: number; total: number; stale: boolean } | null;
};

/** What the unit chooser receives: one searched page of the cycle's units. */
export type PickUnitsBody = { rows: { id: string; name: string; uscc: string; kindLabel: string; total: string | null; issued: boolean }[]; total: number; pageSize: number };

/** What starting a run answers. */
export type StartScoringData = { message: string; runId: string; number: number };

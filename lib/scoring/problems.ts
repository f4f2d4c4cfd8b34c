import { z } from "zod";
import { formatPath } from "./paths";
import type { Problem } from "./schema";

const zhCN = z.locales.zhCN();

/** Where a problem is, for its JSON path and its unit / indicator / sub-item fields. */
export interface ProblemPlace {
  path: string;
  unit?: string;
  indicator?: string;
  item?: string;
}

export function problemAt(place: ProblemPlace, message: string): Problem {
  const problem: Problem = { path: place.path || "$", message };
  if (place.unit !== undefined) problem.unit = place.unit;
  if (place.indicator !== undefined) problem.indicator = place.indicator;
  if (place.item !== undefined) problem.item = place.item;
  return problem;
}

/** Parses with Chinese messages for anything a schema does not word itself. */
export function safeParseZh<T extends z.ZodType>(schema: T, value: unknown) {
  return schema.safeParse(value, { error: zhCN.localeError });
}

/** Every issue of a zod error as a problem under `place`. */
export function issuesToProblems(error: z.ZodError, place: ProblemPlace): Problem[] {
  return error.issues.map((issue) => problemAt({ ...place, path: formatPath(issue.path, place.path) }, issue.message));
}

/** All problems of `value` against `schema` (empty when it is valid). */
export function schemaProblems(schema: z.ZodType, value: unknown, place: ProblemPlace): Problem[] {
  const result = safeParseZh(schema, value);
  return result.success ? [] : issuesToProblems(result.error, place);
}

/** One line of a problem for people: "单位 X，指标 Y：message（path）". */
export function problemToText(problem: Problem): string {
  const where = [
    problem.unit === undefined ? undefined : `单位 ${problem.unit}`,
    problem.indicator === undefined ? undefined : `指标 ${problem.indicator}`,
    problem.item === undefined ? undefined : `子项 ${problem.item}`,
  ].filter((part) => part !== undefined);
  const prefix = where.length > 0 ? `${where.join("，")}：` : "";
  return `${prefix}${problem.message}（${problem.path}）`;
}

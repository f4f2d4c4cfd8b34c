import { dec, plain, ZERO, type Dec } from "./decimal";
import { formatPath } from "./paths";
import { issuesToProblems, problemAt, safeParseZh } from "./problems";
import { bind } from "./rules";
import { isRecord } from "./rules/facts";
import { ruleSchema, schemeDocumentSchema, type Problem, type SchemeDocument } from "./schema";

/*
 * Validation of a scheme document: the zod schema for structure, then the
 * cross-field checks, run on whatever parts of the document are readable so
 * that every problem is listed in one go.
 */

export interface SchemeValidation {
  errors: Problem[];
  warnings: Problem[];
}

export type ParsedScheme =
  | { ok: true; scheme: SchemeDocument; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

type Path = readonly (string | number)[];

class Findings implements SchemeValidation {
  errors: Problem[] = [];
  warnings: Problem[] = [];
  error(path: Path, message: string) {
    this.errors.push(problemAt({ path: formatPath(path) }, message));
  }
  warning(path: Path, message: string) {
    this.warnings.push(problemAt({ path: formatPath(path) }, message));
  }
}

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/** Reports every value of `key` that repeats an earlier one. */
function checkUnique(entries: unknown[], key: string, path: Path, what: string, findings: Findings) {
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const value = isRecord(entry) ? str(entry[key]) : undefined;
    if (value === undefined) return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else findings.error([...path, i, key], `${what}“${value}”重复（与第${first + 1}项相同）`);
  });
}

function sumOf(values: (number | undefined)[]): Dec | undefined {
  if (values.some((v) => v === undefined)) return undefined;
  return values.reduce<Dec>((sum, v) => sum.plus(v ?? 0), ZERO);
}

function checkRule(rule: unknown, max: unknown, path: Path, findings: Findings) {
  const parsed = ruleSchema.safeParse(rule);
  const limit = num(max);
  if (!parsed.success || limit === undefined || limit <= 0) return;
  const r = parsed.data;
  if (r.kind === "deduction") checkUnique(r.items, "key", [...path, "items"], "扣分项键", findings);
  if (r.kind === "tiered") checkUnique(r.tiers, "label", [...path, "tiers"], "等次", findings);
  const bound = bind(r);
  const maxDec = dec(limit);
  const best = bound.best(maxDec);
  if (best !== null && best.lt(maxDec)) {
    findings.warning(path, `按该规则最高只能得${plain(best)}分，达不到满分${plain(maxDec)}分`);
  }
  for (const part of bound.oversized(maxDec)) {
    findings.warning(path, `${part}超过满分${plain(maxDec)}分，将按满分计`);
  }
}

function checkIndicator(indicator: unknown, path: Path, findings: Findings) {
  if (!isRecord(indicator)) return;
  if (indicator.rule !== undefined) checkRule(indicator.rule, indicator.max, [...path, "rule"], findings);
  if (!Array.isArray(indicator.items)) return;
  const items = indicator.items;
  checkUnique(items, "key", [...path, "items"], "子项键", findings);
  items.forEach((item, i) => {
    if (isRecord(item)) checkRule(item.rule, item.max, [...path, "items", i, "rule"], findings);
  });
  const total = sumOf(items.map((item) => (isRecord(item) ? num(item.max) : undefined)));
  const max = num(indicator.max);
  if (total !== undefined && max !== undefined && total.lt(max)) {
    findings.error([...path, "items"], `子项满分合计${plain(total)}分，低于指标满分${plain(max)}分`);
  }
}

function checkGrades(grades: unknown[], findings: Findings) {
  checkUnique(grades, "label", ["grades"], "等级", findings);
  let previous: number | undefined;
  grades.forEach((grade, i) => {
    const min = isRecord(grade) ? num(grade.min) : undefined;
    if (min === undefined) return;
    if (previous !== undefined && min >= previous) {
      findings.error(["grades", i, "min"], "等级必须按分数线从高到低排列");
    }
    previous = min;
  });
  if (previous !== undefined && previous > 0) {
    findings.warning(["grades"], `总分低于${plain(previous)}分的单位没有等级`);
  }
}

function checkSemantics(doc: unknown, findings: Findings) {
  if (!isRecord(doc)) return;
  const categories = list(doc.categories);
  checkUnique(categories, "code", ["categories"], "一级指标代码", findings);
  const weights = sumOf(categories.map((c) => (isRecord(c) ? num(c.weight) : undefined)));
  if (categories.length > 0 && weights !== undefined && !weights.eq(100)) {
    findings.error(["categories"], `一级指标权重合计为${plain(weights)}，应为100`);
  }
  const indicatorCodes = new Map<string, string>();
  categories.forEach((category, c) => {
    if (!isRecord(category)) return;
    list(category.indicators).forEach((indicator, i) => {
      const path = ["categories", c, "indicators", i];
      const code = isRecord(indicator) ? str(indicator.code) : undefined;
      if (code !== undefined) {
        const first = indicatorCodes.get(code);
        if (first === undefined) indicatorCodes.set(code, formatPath(path));
        else findings.error([...path, "code"], `指标代码“${code}”重复（与 ${first} 相同）`);
      }
      checkIndicator(indicator, path, findings);
    });
  });
  const kinds = list(doc.unitKinds).map((kind) => ({ kind }));
  checkUnique(kinds, "kind", ["unitKinds"], "单位类别", findings);
  checkGrades(list(doc.grades), findings);
}

function collect(doc: unknown): SchemeValidation & { scheme?: SchemeDocument } {
  const findings = new Findings();
  const parsed = safeParseZh(schemeDocumentSchema, doc);
  if (!parsed.success) findings.errors.push(...issuesToProblems(parsed.error, { path: "" }));
  checkSemantics(doc, findings);
  return { errors: findings.errors, warnings: findings.warnings, scheme: parsed.data };
}

/** Every error and warning of a scheme document, each with its JSON path. */
export function validateScheme(doc: unknown): SchemeValidation {
  const { errors, warnings } = collect(doc);
  return { errors, warnings };
}

/** The scheme with defaults applied, or every problem. */
export function parseScheme(doc: unknown): ParsedScheme {
  const { errors, warnings, scheme } = collect(doc);
  if (errors.length > 0 || scheme === undefined) return { ok: false, errors, warnings };
  return { ok: true, scheme, warnings };
}

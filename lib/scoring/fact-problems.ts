import type { CompiledIndicator } from "./compile";
import { segment } from "./paths";
import { problemAt, schemaProblems, type ProblemPlace } from "./problems";
import { isRecord } from "./rules/facts";
import { NOT_APPLICABLE } from "./defaults";
import type { Problem, UnitFacts } from "./schema";

/*
 * What is wrong with facts, worded for people. The engine only calls these
 * once its fast checks have found a problem, so they may take their time.
 */

const COMPOSITE_SHAPE = '数据格式应为 {"items": {"子项": 数据}}';

export function indicatorPlace(unit: UnitFacts, unitIndex: number, indicator: CompiledIndicator): ProblemPlace {
  return { path: `units[${unitIndex}].facts${segment(indicator.code)}`, unit: unit.code, indicator: indicator.code };
}

export function missingFact(place: ProblemPlace, indicator: CompiledIndicator): Problem {
  return problemAt(place, `缺少指标“${indicator.name}”的数据（不涉及请填 "N/A"）`);
}

/** The sub-item facts of a composite when the shape, keys and every sub-item are valid. */
export function validItems(indicator: CompiledIndicator, fact: unknown): Record<string, unknown> | undefined {
  const items = isRecord(fact) ? fact.items : undefined;
  if (!isRecord(items)) return undefined;
  const expected = indicator.items ?? [];
  if (Object.keys(items).length !== expected.length) return undefined;
  for (const item of expected) {
    if (!Object.hasOwn(items, item.key) || !item.rule.accepts(items[item.key])) return undefined;
  }
  return items;
}

function compositeProblems(indicator: CompiledIndicator, fact: unknown, place: ProblemPlace): Problem[] {
  const items = isRecord(fact) ? fact.items : undefined;
  if (!isRecord(items)) return [problemAt(place, COMPOSITE_SHAPE)];
  const at = (key: string): ProblemPlace => ({ ...place, path: `${place.path}.items${segment(key)}`, item: key });
  const problems: Problem[] = [];
  const known = new Set<string>();
  for (const item of indicator.items ?? []) {
    known.add(item.key);
    const itemFact = Object.hasOwn(items, item.key) ? items[item.key] : undefined;
    if (itemFact === undefined) {
      problems.push(problemAt(at(item.key), `缺少子项“${item.name}”的数据`));
    } else if (itemFact === NOT_APPLICABLE) {
      problems.push(problemAt(at(item.key), "不涉及（N/A）只能针对整个指标填写，不能用于子项"));
    } else if (!item.rule.accepts(itemFact)) {
      problems.push(...schemaProblems(item.rule.schema, itemFact, at(item.key)));
    }
  }
  for (const key of Object.keys(items)) {
    if (!known.has(key)) problems.push(problemAt(at(key), `指标没有子项“${key}”`));
  }
  return problems;
}

/** Every problem of one indicator's facts (never empty for facts the engine refused). */
export function factProblems(indicator: CompiledIndicator, fact: unknown, place: ProblemPlace): Problem[] {
  const found =
    indicator.rule === undefined
      ? compositeProblems(indicator, fact, place)
      : schemaProblems(indicator.rule.schema, fact, place);
  return found.length > 0 ? found : [problemAt(place, "数据格式不正确")];
}

/** Facts for a code the scheme does not have. */
export function unknownCode(code: string, unit: UnitFacts, unitIndex: number): Problem {
  return problemAt({ path: `units[${unitIndex}].facts${segment(code)}`, unit: unit.code }, `方案中没有指标“${code}”`);
}

export function nothingApplies(unit: UnitFacts, unitIndex: number): Problem {
  return problemAt({ path: `units[${unitIndex}].facts`, unit: unit.code }, "所有指标均为不涉及（N/A），按折算方式无法计分");
}

/** Blank text; a first character that is visible ASCII settles it without trimming. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim().length === 0;
}

/** Empty or repeated unit codes. */
export function unitCodeProblems(units: readonly UnitFacts[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < units.length; index++) {
    const code = (units[index] as UnitFacts).code;
    if (isBlank(code)) {
      problems.push(problemAt({ path: `units[${index}].code`, unit: code }, "单位代码不能为空"));
      continue;
    }
    const before = seen.size;
    if (seen.add(code).size === before) {
      const first = units.findIndex((unit) => unit.code === code);
      problems.push(problemAt({ path: `units[${index}].code`, unit: code }, `单位代码重复：与第${first + 1}个单位相同`));
    }
  }
  return problems;
}

import { ruleToText } from "./rules";
import type { Category, Grade, Indicator, Rule, SchemeDocument, SubItem, UnitKind } from "./schema";

/*
 * What changed between two versions of a scheme, for the comparison page and the audit log.
 * Categories are matched by code, indicators by code (wherever they sit), sub-items by key.
 * Rules are shown in words (ruleToText), old and new.
 */

export type Change<T> = { old: T; new: T };

export interface CategorySummary {
  code: string;
  name: string;
  weight: number;
}

export interface CategoryChange {
  code: string;
  name: string;
  changes: { name?: Change<string>; weight?: Change<number> };
}

export interface SubItemSummary {
  key: string;
  name: string;
  max: number;
  rule: string;
}

export interface IndicatorSummary {
  code: string;
  name: string;
  max: number;
  category: { code: string; name: string };
  /** The rule in words, or the sub-items' rules for a composite. */
  rule: string;
  items?: SubItemSummary[];
}

export interface TextChanges {
  name?: Change<string>;
  max?: Change<number>;
  /** The rule in words, old and new. */
  rule?: Change<string>;
  content?: Change<string | undefined>;
  sources?: { old: string[]; new: string[]; added: string[]; removed: string[] };
  evidence?: Change<string | undefined>;
  note?: Change<string | undefined>;
}

export interface SubItemChange {
  key: string;
  name: string;
  changes: TextChanges;
}

export interface IndicatorChange {
  code: string;
  name: string;
  /** Where the indicator sits now (and sat before, when it moved). */
  category: { code: string; name: string };
  moved?: Change<{ code: string; name: string }>;
  changes: TextChanges;
  items?: { added: SubItemSummary[]; removed: SubItemSummary[]; changed: SubItemChange[] };
}

export interface SchemeChanges {
  name?: Change<string>;
  description?: Change<string | undefined>;
  notes?: Change<string[]>;
  unitKinds?: Change<UnitKind[]>;
  notApplicable?: Change<SchemeDocument["notApplicable"]>;
  grades?: Change<Grade[]>;
}

export interface SchemeComparison {
  /** Number of differences found (0 = the two versions score alike and read alike). */
  count: number;
  scheme: SchemeChanges;
  categories: { added: CategorySummary[]; removed: CategorySummary[]; changed: CategoryChange[] };
  indicators: { added: IndicatorSummary[]; removed: IndicatorSummary[]; changed: IndicatorChange[] };
}

/** JSON with sorted keys, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function changed<T>(a: T, b: T): Change<T> | undefined {
  return same(a, b) ? undefined : { old: a, new: b };
}

/** The object without its undefined fields: only what changed is listed. */
function defined<T extends object>(changes: T): T {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as T;
}

function count(changes: object): number {
  return Object.values(changes).filter((v) => v !== undefined).length;
}

type Described = { name: string; max: number; content?: string; sources?: string[]; evidence?: string; note?: string };

function ruleWords(thing: { rule?: Rule; items?: SubItem[]; max: number }): string {
  if (thing.rule) return ruleToText(thing.rule, thing.max);
  return `组合指标，由${thing.items?.length ?? 0}个子项组成`;
}

function textChanges(a: Described & { rule?: Rule; items?: SubItem[] }, b: Described & { rule?: Rule; items?: SubItem[] }): TextChanges {
  const oldRule = ruleWords(a);
  const newRule = ruleWords(b);
  const sourcesA = a.sources ?? [];
  const sourcesB = b.sources ?? [];
  // Not the words alone: they follow the key order of award levels, which storage may change.
  const ruleChanged = !same(a.rule, b.rule) || (a.max !== b.max && oldRule !== newRule);
  return defined<TextChanges>({
    name: changed(a.name, b.name),
    max: changed(a.max, b.max),
    rule: ruleChanged ? { old: oldRule, new: newRule } : undefined,
    content: changed(a.content, b.content),
    sources: same(sourcesA, sourcesB)
      ? undefined
      : {
          old: sourcesA,
          new: sourcesB,
          added: sourcesB.filter((s) => !sourcesA.includes(s)),
          removed: sourcesA.filter((s) => !sourcesB.includes(s)),
        },
    evidence: changed(a.evidence, b.evidence),
    note: changed(a.note, b.note),
  });
}

function subItemSummary(item: SubItem): SubItemSummary {
  return { key: item.key, name: item.name, max: item.max, rule: ruleToText(item.rule, item.max) };
}

function located(scheme: SchemeDocument) {
  const map = new Map<string, { indicator: Indicator; category: Category }>();
  for (const category of scheme.categories) {
    for (const indicator of category.indicators) map.set(indicator.code, { indicator, category });
  }
  return map;
}

function indicatorSummary(indicator: Indicator, category: Category): IndicatorSummary {
  const summary: IndicatorSummary = {
    code: indicator.code,
    name: indicator.name,
    max: indicator.max,
    category: { code: category.code, name: category.name },
    rule: ruleWords(indicator),
  };
  if (indicator.items) summary.items = indicator.items.map(subItemSummary);
  return summary;
}

function compareItems(a: SubItem[], b: SubItem[]): NonNullable<IndicatorChange["items"]> {
  const before = new Map(a.map((item) => [item.key, item]));
  const after = new Set(b.map((item) => item.key));
  const result: NonNullable<IndicatorChange["items"]> = { added: [], removed: [], changed: [] };
  for (const item of b) {
    const old = before.get(item.key);
    if (!old) result.added.push(subItemSummary(item));
    else {
      const changes = textChanges(old, item);
      if (count(changes) > 0) result.changed.push({ key: item.key, name: item.name, changes });
    }
  }
  result.removed = a.filter((item) => !after.has(item.key)).map(subItemSummary);
  return result;
}

function compareIndicator(a: Indicator, aCategory: Category, b: Indicator, bCategory: Category): IndicatorChange | undefined {
  const place = (c: Category) => ({ code: c.code, name: c.name });
  const changes = textChanges(a, b);
  // Sub-item differences are listed item by item; a composite's summary line is not a rule change.
  if (a.items && b.items) delete changes.rule;
  const items = a.items || b.items ? compareItems(a.items ?? [], b.items ?? []) : undefined;
  const itemCount = items ? items.added.length + items.removed.length + items.changed.length : 0;
  const moved = aCategory.code === bCategory.code ? undefined : { old: place(aCategory), new: place(bCategory) };
  if (count(changes) === 0 && itemCount === 0 && !moved) return undefined;
  const change: IndicatorChange = { code: b.code, name: b.name, category: place(bCategory), changes };
  if (moved) change.moved = moved;
  if (itemCount > 0) change.items = items;
  return change;
}

function compareCategories(a: SchemeDocument, b: SchemeDocument): SchemeComparison["categories"] {
  const summary = (c: Category): CategorySummary => ({ code: c.code, name: c.name, weight: c.weight });
  const before = new Map(a.categories.map((c) => [c.code, c]));
  const after = new Set(b.categories.map((c) => c.code));
  const result: SchemeComparison["categories"] = { added: [], removed: [], changed: [] };
  for (const category of b.categories) {
    const old = before.get(category.code);
    if (!old) {
      result.added.push(summary(category));
      continue;
    }
    const changes = defined({ name: changed(old.name, category.name), weight: changed(old.weight, category.weight) });
    if (count(changes) > 0) result.changed.push({ code: category.code, name: category.name, changes });
  }
  result.removed = a.categories.filter((c) => !after.has(c.code)).map(summary);
  return result;
}

/** Every difference between version `a` (old) and version `b` (new). */
export function compareSchemes(a: SchemeDocument, b: SchemeDocument): SchemeComparison {
  const scheme = defined<SchemeChanges>({
    name: changed(a.name, b.name),
    description: changed(a.description, b.description),
    notes: changed(a.notes ?? [], b.notes ?? []),
    unitKinds: changed(a.unitKinds, b.unitKinds),
    notApplicable: changed(a.notApplicable, b.notApplicable),
    grades: changed(a.grades, b.grades),
  });
  const categories = compareCategories(a, b);
  const before = located(a);
  const after = located(b);
  const indicators: SchemeComparison["indicators"] = { added: [], removed: [], changed: [] };
  for (const [code, now] of after) {
    const old = before.get(code);
    if (!old) indicators.added.push(indicatorSummary(now.indicator, now.category));
    else {
      const change = compareIndicator(old.indicator, old.category, now.indicator, now.category);
      if (change) indicators.changed.push(change);
    }
  }
  for (const [code, old] of before) {
    if (!after.has(code)) indicators.removed.push(indicatorSummary(old.indicator, old.category));
  }
  const total =
    count(scheme) +
    categories.added.length + categories.removed.length + categories.changed.length +
    indicators.added.length + indicators.removed.length + indicators.changed.length;
  return { count: total, scheme, categories, indicators };
}

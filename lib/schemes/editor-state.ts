import type { Category, Indicator, Rule, RuleKind, RuleOf, SchemeDocument, SubItem } from "@/lib/scoring";

/*
 * Pure, immutable edits of a draft scheme document for the scheme editor. Every operation returns
 * a new document and leaves its input untouched; positions are indices (category c, indicator i,
 * sub-item s). A draft may be invalid while it is being edited (a number being typed is NaN, a
 * name empty): validateScheme reports that, these operations never refuse it.
 */

export type IndicatorAt = { c: number; i: number };
export type RuleAt = IndicatorAt & { s?: number };

type SchemePatch = Partial<Pick<SchemeDocument, "name" | "description" | "notApplicable" | "unitKinds" | "grades">>;
export type CategoryPatch = Partial<Pick<Category, "code" | "name" | "weight">>;
export type IndicatorPatch = Partial<Omit<Indicator, "rule" | "items">>;
export type SubItemPatch = Partial<Omit<SubItem, "rule">>;

/** A copy of `list` with the entry at `index` replaced by `update(entry)`. */
function replaceAt<T>(list: readonly T[], index: number, update: (entry: T) => T): T[] {
  return list.map((entry, k) => (k === index ? update(entry) : entry));
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, k) => k !== index);
}

/** Moves the entry at `index` by `by` places; a move past either end leaves the list as it is. */
export function moveIn<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [entry] = copy.splice(index, 1);
  copy.splice(to, 0, entry as T);
  return copy;
}

/** `base`, or `base2`, `base3`… — the first that is not taken. */
export function uniqueName(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** Omits the keys whose value is undefined (optional fields cleared in a form). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Half-up to 2 decimals, for default parameters derived from a maximum. */
function cents(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : 0;
}

/** Parameters to start from when a rule becomes `kind`; each is valid under the engine's ruleSchema. */
export function defaultRule(kind: RuleKind, max: number): Rule {
  const full = Number.isFinite(max) && max > 0 ? max : 10;
  const defaults: { [K in RuleKind]: () => RuleOf<K> } = {
    binary: () => ({ kind: "binary", question: "达到评价要求" }),
    veto: () => ({ kind: "veto", event: "发生否决事项" }),
    deduction: () => ({ kind: "deduction", items: [{ key: "items", label: "扣分项", points: 1, per: "each" }] }),
    tiered: () => ({
      kind: "tiered",
      tiers: [
        { label: "优秀", points: full },
        { label: "合格", points: cents(full * 0.6) },
        { label: "不合格", points: 0 },
      ],
    }),
    ratio: () => ({ kind: "ratio", label: "完成率", fullAt: 1, zeroBelow: 0, mode: "proportional" }),
    count: () => ({ kind: "count", mode: "shortfall", label: "完成次数", unit: "次", target: 4, perMissing: cents(full / 4) }),
    award: () => ({
      kind: "award",
      levels: { national: full, provincial: cents(full / 2), municipal: cents(full * 0.3) },
      combine: "max",
    }),
    step: () => ({ kind: "step", label: "满意度", fullAt: 90, step: 10, perStep: 1 }),
    threshold: () => ({ kind: "threshold", label: "指标值", op: "lt", value: 60, points: full }),
    rank: () => ({ kind: "rank", label: "案件数", subject: "案件", full, top: full, better: "lower" }),
    manual: () => ({ kind: "manual", guidance: "按评价内容人工评定" }),
  };
  return defaults[kind]();
}

export function updateScheme(doc: SchemeDocument, patch: SchemePatch): SchemeDocument {
  return withoutUndefined({ ...doc, ...patch });
}

function updateCategories(doc: SchemeDocument, update: (categories: Category[]) => Category[]): SchemeDocument {
  return { ...doc, categories: update(doc.categories) };
}

/** Cents so that sums of 2-decimal numbers are exact; NaN (a number being typed) counts as nothing. */
function sumOf(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + (Number.isFinite(v) ? Math.round(v * 100) : 0), 0) / 100;
}

/** The category weights added up (they must come to 100). */
export function weightTotal(doc: SchemeDocument): number {
  return sumOf(doc.categories.map((category) => category.weight));
}

/** Sub-item maxima added up (they must reach the indicator's max). */
export function subItemMaxTotal(indicator: Indicator): number {
  return sumOf((indicator.items ?? []).map((item) => item.max));
}

function allIndicatorCodes(doc: SchemeDocument): string[] {
  return doc.categories.flatMap((category) => category.indicators.map((indicator) => indicator.code));
}

function newIndicator(doc: SchemeDocument, categoryCode: string, max: number): Indicator {
  const code = uniqueName(allIndicatorCodes(doc), `${categoryCode || "NEW"}.ITEM`);
  return { code, name: "新二级指标", max, sources: [], rule: defaultRule("deduction", max) };
}

/** A new category at the end, weighted with what is left of 100 (or 10), holding one indicator. */
export function addCategory(doc: SchemeDocument): SchemeDocument {
  const left = cents(100 - weightTotal(doc));
  const weight = left > 0 ? left : 10;
  const code = uniqueName(
    doc.categories.map((category) => category.code),
    "NEW",
  );
  const category: Category = { code, name: "新一级指标", weight, indicators: [newIndicator(doc, code, weight)] };
  return updateCategories(doc, (categories) => [...categories, category]);
}

export function removeCategory(doc: SchemeDocument, c: number): SchemeDocument {
  return updateCategories(doc, (categories) => removeAt(categories, c));
}

export function moveCategory(doc: SchemeDocument, c: number, by: number): SchemeDocument {
  return updateCategories(doc, (categories) => moveIn(categories, c, by));
}

export function updateCategory(doc: SchemeDocument, c: number, patch: CategoryPatch): SchemeDocument {
  return updateCategories(doc, (categories) => replaceAt(categories, c, (category) => ({ ...category, ...patch })));
}

function updateIndicators(doc: SchemeDocument, c: number, update: (indicators: Indicator[]) => Indicator[]): SchemeDocument {
  return updateCategories(doc, (categories) =>
    replaceAt(categories, c, (category) => ({ ...category, indicators: update(category.indicators) })),
  );
}

/** A new indicator at the end of category c with a deduction rule. */
export function addIndicator(doc: SchemeDocument, c: number): SchemeDocument {
  const category = doc.categories[c];
  if (category === undefined) return doc;
  return updateIndicators(doc, c, (indicators) => [...indicators, newIndicator(doc, category.code, 10)]);
}

export function removeIndicator(doc: SchemeDocument, { c, i }: IndicatorAt): SchemeDocument {
  return updateIndicators(doc, c, (indicators) => removeAt(indicators, i));
}

export function moveIndicator(doc: SchemeDocument, { c, i }: IndicatorAt, by: number): SchemeDocument {
  return updateIndicators(doc, c, (indicators) => moveIn(indicators, i, by));
}

export function updateIndicator(doc: SchemeDocument, { c, i }: IndicatorAt, patch: IndicatorPatch): SchemeDocument {
  return updateIndicators(doc, c, (indicators) => replaceAt(indicators, i, (ind) => withoutUndefined({ ...ind, ...patch })));
}

function updateItems(doc: SchemeDocument, at: IndicatorAt, update: (items: SubItem[]) => SubItem[]): SchemeDocument {
  return updateIndicators(doc, at.c, (indicators) =>
    replaceAt(indicators, at.i, (indicator) => ({ ...indicator, items: update(indicator.items ?? []) })),
  );
}

/** Replaces the rule of an indicator (s undefined) or of one of its sub-items. */
export function setRule(doc: SchemeDocument, at: RuleAt, rule: Rule): SchemeDocument {
  if (at.s === undefined) {
    return updateIndicators(doc, at.c, (indicators) => replaceAt(indicators, at.i, (indicator) => ({ ...indicator, rule })));
  }
  return updateItems(doc, at, (items) => replaceAt(items, at.s as number, (item) => ({ ...item, rule })));
}

/** The indicator or sub-item a rule belongs to. */
export function ruleOwner(doc: SchemeDocument, at: RuleAt): Indicator | SubItem | undefined {
  const indicator = doc.categories[at.c]?.indicators[at.i];
  return at.s === undefined ? indicator : indicator?.items?.[at.s];
}

/** Gives a rule another kind, with that kind's default parameters (a rule of the same kind is kept). */
export function changeRuleKind(doc: SchemeDocument, at: RuleAt, kind: RuleKind): SchemeDocument {
  const owner = ruleOwner(doc, at);
  if (owner === undefined || owner.rule?.kind === kind) return doc;
  return setRule(doc, at, defaultRule(kind, owner.max));
}

/** A single-rule indicator becomes a composite whose one sub-item carries the rule and the maximum. */
export function toComposite(doc: SchemeDocument, at: IndicatorAt): SchemeDocument {
  return updateIndicators(doc, at.c, (indicators) =>
    replaceAt(indicators, at.i, (indicator) => {
      if (indicator.items !== undefined) return indicator;
      const { rule, ...rest } = indicator;
      const item: SubItem = { key: "a", name: indicator.name, max: indicator.max, rule: rule ?? defaultRule("deduction", indicator.max) };
      return { ...rest, items: [item] };
    }),
  );
}

/** A composite becomes a single-rule indicator with its first sub-item's rule; the other sub-items go. */
export function toSingleRule(doc: SchemeDocument, at: IndicatorAt): SchemeDocument {
  return updateIndicators(doc, at.c, (indicators) =>
    replaceAt(indicators, at.i, (indicator) => {
      if (indicator.items === undefined) return indicator;
      const { items, ...rest } = indicator;
      return { ...rest, rule: items[0]?.rule ?? defaultRule("deduction", indicator.max) };
    }),
  );
}

/** A new sub-item with a binary rule, its maximum what the others leave of the indicator's max (or 1). */
export function addSubItem(doc: SchemeDocument, at: IndicatorAt): SchemeDocument {
  const indicator = doc.categories[at.c]?.indicators[at.i];
  if (indicator?.items === undefined) return doc;
  const left = cents(indicator.max - subItemMaxTotal(indicator));
  const max = left > 0 ? left : 1;
  const key = uniqueName(
    indicator.items.map((item) => item.key),
    "item",
  );
  return updateItems(doc, at, (items) => [...items, { key, name: "新子项", max, rule: defaultRule("binary", max) }]);
}

export function removeSubItem(doc: SchemeDocument, at: IndicatorAt, s: number): SchemeDocument {
  return updateItems(doc, at, (items) => removeAt(items, s));
}

export function moveSubItem(doc: SchemeDocument, at: IndicatorAt, s: number, by: number): SchemeDocument {
  return updateItems(doc, at, (items) => moveIn(items, s, by));
}

export function updateSubItem(doc: SchemeDocument, at: IndicatorAt, s: number, patch: SubItemPatch): SchemeDocument {
  return updateItems(doc, at, (items) => replaceAt(items, s, (item) => withoutUndefined({ ...item, ...patch })));
}

/** Where a problem's JSON path points: a category, an indicator and a sub-item, as far as it goes. */
export function locateProblem(path: string): { c?: number; i?: number; s?: number } {
  const match = /^categories\[(\d+)\](?:\.indicators\[(\d+)\](?:\.items\[(\d+)\])?)?/.exec(path);
  if (match === null) return {};
  const [, c, i, s] = match;
  return {
    c: Number(c),
    ...(i === undefined ? {} : { i: Number(i) }),
    ...(s === undefined ? {} : { s: Number(s) }),
  };
}

/** Every edit of the editor as data, for `useReducer`. */
export type EditorAction =
  | { type: "replace"; document: SchemeDocument }
  | { type: "scheme"; patch: SchemePatch }
  | { type: "addCategory" }
  | { type: "removeCategory"; c: number }
  | { type: "moveCategory"; c: number; by: number }
  | { type: "category"; c: number; patch: CategoryPatch }
  | { type: "addIndicator"; c: number }
  | { type: "removeIndicator"; at: IndicatorAt }
  | { type: "moveIndicator"; at: IndicatorAt; by: number }
  | { type: "indicator"; at: IndicatorAt; patch: IndicatorPatch }
  | { type: "rule"; at: RuleAt; rule: Rule }
  | { type: "ruleKind"; at: RuleAt; kind: RuleKind }
  | { type: "toComposite"; at: IndicatorAt }
  | { type: "toSingleRule"; at: IndicatorAt }
  | { type: "addSubItem"; at: IndicatorAt }
  | { type: "removeSubItem"; at: IndicatorAt; s: number }
  | { type: "moveSubItem"; at: IndicatorAt; s: number; by: number }
  | { type: "subItem"; at: IndicatorAt; s: number; patch: SubItemPatch };

type Handlers = { [T in EditorAction["type"]]: (doc: SchemeDocument, action: Extract<EditorAction, { type: T }>) => SchemeDocument };

const handlers: Handlers = {
  replace: (_doc, a) => a.document,
  scheme: (doc, a) => updateScheme(doc, a.patch),
  addCategory: (doc) => addCategory(doc),
  removeCategory: (doc, a) => removeCategory(doc, a.c),
  moveCategory: (doc, a) => moveCategory(doc, a.c, a.by),
  category: (doc, a) => updateCategory(doc, a.c, a.patch),
  addIndicator: (doc, a) => addIndicator(doc, a.c),
  removeIndicator: (doc, a) => removeIndicator(doc, a.at),
  moveIndicator: (doc, a) => moveIndicator(doc, a.at, a.by),
  indicator: (doc, a) => updateIndicator(doc, a.at, a.patch),
  rule: (doc, a) => setRule(doc, a.at, a.rule),
  ruleKind: (doc, a) => changeRuleKind(doc, a.at, a.kind),
  toComposite: (doc, a) => toComposite(doc, a.at),
  toSingleRule: (doc, a) => toSingleRule(doc, a.at),
  addSubItem: (doc, a) => addSubItem(doc, a.at),
  removeSubItem: (doc, a) => removeSubItem(doc, a.at, a.s),
  moveSubItem: (doc, a) => moveSubItem(doc, a.at, a.s, a.by),
  subItem: (doc, a) => updateSubItem(doc, a.at, a.s, a.patch),
};

/** The reducer of the editor: the document after one action. */
export function editScheme(doc: SchemeDocument, action: EditorAction): SchemeDocument {
  const handle = handlers[action.type] as (doc: SchemeDocument, action: EditorAction) => SchemeDocument;
  return handle(doc, action);
}

// Turns what the sources reported into the engine's facts (spec/workflow.md "Data collection",
// spec/scoring.md "Facts"). Pure: plain rows in, plain facts out; the monitor, the completeness view
// and scoring all call it, so records are never retyped as counts.
import { factSchemaFor, NOT_APPLICABLE, type Rule } from "@/lib/scoring";
import type { ReportingSlot, SlotMode } from "./slots";

export type FactAnswerKind = "records" | "value" | "none" | "not_applicable";

/** A source assigned to a slot; for a single-value rule exactly one is the lead. */
export type AssignedSource = { sourceOrgId: string; lead: boolean };

/** A reporting slot with the sources assigned to it in a cycle. */
export type DerivationSlot = Pick<ReportingSlot, "indicatorCode" | "subKey" | "rule" | "max" | "mode"> & {
  sources: AssignedSource[];
};

/** A FactEntry row of one unit (as read from fact_entry). */
export type EntryInput = {
  indicatorCode: string;
  subKey: string;
  sourceOrgId: string;
  answer: FactAnswerKind;
  value?: unknown;
};

/** A FactRecord row of one unit; withdrawn records (withdrawnAt set) are ignored. */
export type RecordInput = {
  indicatorCode: string;
  subKey: string;
  sourceOrgId: string;
  itemKey: string;
  withdrawnAt?: Date | string | null;
};

/** Everything reported about one unit in one cycle. */
export type UnitAnswers = { entries: readonly EntryInput[]; records: readonly RecordInput[] };

export type SlotRef = { indicatorCode: string; subKey: string };
/** A slot still waiting for these assigned sources. */
export type PendingSlot = SlotRef & { missingSourceOrgIds: string[] };
export type DerivationProblem = SlotRef & { message: string };

export type UnitFactsDerivation = {
  /** Engine facts of every indicator that is complete and consistent: facts, "N/A" or {items}. */
  facts: Record<string, unknown>;
  pending: PendingSlot[];
  problems: DerivationProblem[];
  /** Every indicator has facts. */
  complete: boolean;
};

type SlotOutcome =
  | { status: "fact"; fact: unknown }
  | { status: "not_applicable" }
  | { status: "pending"; missing: string[] }
  | { status: "problem"; message: string };

/** The source answers this slot (see SourceSlot.answers). */
export function answersSlot(slot: Pick<ReportingSlot, "mode" | "rule">, sources: AssignedSource[], orgId: string): boolean {
  const mine = sources.find((s) => s.sourceOrgId === orgId);
  if (!mine) return false;
  if (slot.mode === "records" || slot.rule.kind === "binary" || sources.length === 1) return true;
  return mine.lead;
}

/** Binds assignments to slots: an assignment with subKey "" covers every sub-item of its indicator. */
export function withAssignments(
  slots: readonly ReportingSlot[],
  assignments: readonly (SlotRef & AssignedSource)[],
): DerivationSlot[] {
  return slots.map((slot) => {
    const sources = new Map<string, AssignedSource>();
    for (const a of assignments) {
      if (a.indicatorCode !== slot.indicatorCode || (a.subKey !== "" && a.subKey !== slot.subKey)) continue;
      const known = sources.get(a.sourceOrgId);
      sources.set(a.sourceOrgId, { sourceOrgId: a.sourceOrgId, lead: a.lead || (known?.lead ?? false) });
    }
    return { indicatorCode: slot.indicatorCode, subKey: slot.subKey, rule: slot.rule, max: slot.max, mode: slot.mode, sources: [...sources.values()] };
  });
}

const sameSlot = (slot: SlotRef) => (row: SlotRef) => row.indicatorCode === slot.indicatorCode && row.subKey === slot.subKey;

type SourceAnswer = { kind: "records"; items: string[] } | { kind: "value"; value: unknown } | { kind: "none" } | { kind: "not_applicable" } | { kind: "missing" };

function answerOf(sourceOrgId: string, mode: SlotMode, entries: readonly EntryInput[], records: readonly RecordInput[]): SourceAnswer {
  const items = records.filter((r) => r.sourceOrgId === sourceOrgId).map((r) => r.itemKey);
  const entry = entries.find((e) => e.sourceOrgId === sourceOrgId);
  // Counts come from records: a source with live records has answered "records" whatever its entry says.
  if (mode === "records" && items.length > 0) return { kind: "records", items };
  if (!entry || entry.answer === "records") return { kind: "missing" };
  if (entry.answer === "value") return mode === "value" ? { kind: "value", value: entry.value } : { kind: "missing" };
  return { kind: entry.answer };
}

function recordFact(rule: Rule, items: string[]): SlotOutcome {
  switch (rule.kind) {
    case "deduction": {
      const counts: Record<string, number> = Object.fromEntries(rule.items.map((item) => [item.key, 0]));
      for (const key of items) {
        if (!(key in counts)) return { status: "problem", message: `记录的扣分项“${key}”不在指标体系中` };
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return { status: "fact", fact: { counts } };
    }
    case "award": {
      const unknown = items.find((level) => !(level in rule.levels));
      if (unknown !== undefined) return { status: "problem", message: `记录的奖励级别“${unknown}”不在指标体系中` };
      const order = Object.keys(rule.levels);
      return { status: "fact", fact: { awards: [...items].sort((a, b) => order.indexOf(a) - order.indexOf(b)) } };
    }
    case "veto":
    case "count":
      return { status: "fact", fact: { count: items.length } };
    default:
      return { status: "problem", message: `规则“${rule.kind}”不按记录填报` };
  }
}

function checkedValue(slot: DerivationSlot, value: unknown): SlotOutcome {
  const parsed = schemaOf(slot.rule, slot.max).safeParse(value);
  if (parsed.success) return { status: "fact", fact: value };
  return { status: "problem", message: `填报值无效：${parsed.error.issues.map((i) => i.message).join("；")}` };
}

/** A rule's fact schema, built once per rule and maximum (a run checks hundreds of thousands of values). */
const schemas = new WeakMap<Rule, Map<number, ReturnType<typeof factSchemaFor>>>();
function schemaOf(rule: Rule, max: number) {
  let byMax = schemas.get(rule);
  if (!byMax) schemas.set(rule, (byMax = new Map()));
  let schema = byMax.get(max);
  if (!schema) byMax.set(max, (schema = factSchemaFor(rule, max)));
  return schema;
}

/** Every assigned source answered: all N/A → N/A; N/A mixed with other answers → a conflict. */
function applicability(slot: DerivationSlot, answers: SourceAnswer[]): SlotOutcome | null {
  const na = answers.filter((a) => a.kind === "not_applicable").length;
  if (na === 0) return null;
  if (na === answers.length) return { status: "not_applicable" };
  return { status: "problem", message: "数据来源意见不一致：部分来源填报“不涉及”，部分来源填报了数据或“无”" };
}

function recordsOutcome(slot: DerivationSlot, answers: SourceAnswer[]): SlotOutcome {
  const na = applicability(slot, answers);
  if (na) return na;
  const items = answers.flatMap((a) => (a.kind === "records" ? a.items : []));
  return recordFact(slot.rule, items);
}

/** A yes/no that means a failure is failed if any source says so (then nobody else can change it). */
function binaryOutcome(slot: DerivationSlot, answers: SourceAnswer[], missing: string[]): SlotOutcome {
  const values = answers.flatMap((a) => (a.kind === "value" ? [checkedValue(slot, a.value)] : []));
  const bad = values.find((v) => v.status === "problem");
  if (bad) return bad;
  const failed = values.some((v) => v.status === "fact" && (v.fact as { met: boolean }).met === false);
  if (failed && answers.every((a) => a.kind !== "not_applicable")) return { status: "fact", fact: { met: false } };
  if (missing.length > 0) return { status: "pending", missing };
  if (answers.some((a) => a.kind === "none")) return { status: "problem", message: "判断类指标不能填报“无”，请填写“是”或“否”" };
  return applicability(slot, answers) ?? { status: "fact", fact: { met: true } };
}

function leadOutcome(slot: DerivationSlot, entries: readonly EntryInput[]): SlotOutcome {
  const leads = slot.sources.length === 1 ? slot.sources : slot.sources.filter((s) => s.lead);
  const lead = leads[0];
  if (leads.length !== 1 || !lead) return { status: "problem", message: "单值指标必须有且只有一个牵头数据来源" };
  const answer = answerOf(lead.sourceOrgId, "value", entries, []);
  if (answer.kind === "missing") return { status: "pending", missing: [lead.sourceOrgId] };
  if (answer.kind === "not_applicable") return { status: "not_applicable" };
  if (answer.kind === "none") return { status: "problem", message: "单值指标不能填报“无”，请填写数值" };
  return answer.kind === "value" ? checkedValue(slot, answer.value) : { status: "pending", missing: [lead.sourceOrgId] };
}

/** One slot of one unit, from that unit's entries and live records in this slot. */
export function deriveSlot(slot: DerivationSlot, entries: readonly EntryInput[], records: readonly RecordInput[]): SlotOutcome {
  if (slot.sources.length === 0) return { status: "problem", message: "该指标未分配数据来源单位" };
  const mine = entries.filter(sameSlot(slot));
  const live = records.filter((r) => sameSlot(slot)(r) && !r.withdrawnAt);
  if (slot.mode === "value" && slot.rule.kind !== "binary") return leadOutcome(slot, mine);
  const answers = slot.sources.map((s) => answerOf(s.sourceOrgId, slot.mode, mine, live));
  const missing = slot.sources.filter((_, i) => answers[i]?.kind === "missing").map((s) => s.sourceOrgId);
  if (slot.rule.kind === "binary") return binaryOutcome(slot, answers, missing);
  if (missing.length > 0) return { status: "pending", missing };
  return recordsOutcome(slot, answers);
}

export type { SlotOutcome };

/** The engine facts of one unit: per indicator, composite indicators as {items}, N/A as "N/A". */
export function deriveUnitFacts(slots: readonly DerivationSlot[], answers: UnitAnswers): UnitFactsDerivation {
  const facts: Record<string, unknown> = {};
  const pending: PendingSlot[] = [];
  const problems: DerivationProblem[] = [];
  const byIndicator = new Map<string, DerivationSlot[]>();
  for (const slot of slots) byIndicator.set(slot.indicatorCode, [...(byIndicator.get(slot.indicatorCode) ?? []), slot]);

  for (const [code, group] of byIndicator) {
    const outcomes = group.map((slot) => ({ slot, outcome: deriveSlot(slot, answers.entries, answers.records) }));
    let ready = true;
    for (const { slot, outcome } of outcomes) {
      const ref = { indicatorCode: slot.indicatorCode, subKey: slot.subKey };
      if (outcome.status === "pending") pending.push({ ...ref, missingSourceOrgIds: outcome.missing });
      if (outcome.status === "problem") problems.push({ ...ref, message: outcome.message });
      if (outcome.status === "pending" || outcome.status === "problem") ready = false;
    }
    if (!ready) continue;
    const composite = group.some((slot) => slot.subKey !== "");
    if (!composite) {
      const only = outcomes[0]?.outcome;
      facts[code] = only?.status === "fact" ? only.fact : NOT_APPLICABLE;
      continue;
    }
    const na = outcomes.filter((o) => o.outcome.status === "not_applicable").length;
    if (na === outcomes.length) facts[code] = NOT_APPLICABLE;
    else if (na > 0) problems.push({ indicatorCode: code, subKey: "", message: "组合指标只能整体“不涉及”：部分子项填报了“不涉及”，其余子项没有" });
    else facts[code] = { items: Object.fromEntries(outcomes.map(({ slot, outcome }) => [slot.subKey, outcome.status === "fact" ? outcome.fact : null])) };
  }
  return { facts, pending, problems, complete: pending.length === 0 && problems.length === 0 };
}

export type UnitFactsInput = { unitId: string; answers: UnitAnswers };
export type CycleFactsDerivation = {
  units: (UnitFactsDerivation & { unitId: string })[];
  /** Every unit complete: the facts can go to the engine. */
  complete: boolean;
};

/** Many units under the same slots (one scheme): splits the rows by unit and derives each. */
export function deriveCycleFacts(slots: readonly DerivationSlot[], units: readonly UnitFactsInput[]): CycleFactsDerivation {
  const results = units.map(({ unitId, answers }) => ({ unitId, ...deriveUnitFacts(slots, answers) }));
  return { units: results, complete: results.every((r) => r.complete) };
}

/** Groups flat rows (with unitId) from SQL into per-unit answers. */
export function groupByUnit(
  entries: readonly (EntryInput & { unitId: string })[],
  records: readonly (RecordInput & { unitId: string })[],
): Map<string, UnitAnswers> {
  const out = new Map<string, { entries: EntryInput[]; records: RecordInput[] }>();
  const of = (unitId: string) => {
    let answers = out.get(unitId);
    if (!answers) out.set(unitId, (answers = { entries: [], records: [] }));
    return answers;
  };
  for (const e of entries) of(e.unitId).entries.push(e);
  for (const r of records) of(r.unitId).records.push(r);
  return out;
}

/** One source's own cell (unit × slot), as its workspace shows it. */
export type CellStatus =
  | { kind: "missing" }
  | { kind: "records"; count: number }
  | { kind: "value" }
  | { kind: "none" }
  | { kind: "not_applicable" };

/** A records cell is answered by live records or an explicit none; a value cell by its value. N/A answers both. */
export function sourceCellStatus(mode: SlotMode, answer: FactAnswerKind | null | undefined, liveRecords: number): CellStatus {
  if (answer === "not_applicable") return { kind: "not_applicable" };
  if (mode === "records") {
    if (liveRecords > 0) return { kind: "records", count: liveRecords };
    return answer === "none" ? { kind: "none" } : { kind: "missing" };
  }
  return answer === "value" ? { kind: "value" } : { kind: "missing" };
}

export function cellStatusLabel(status: CellStatus): string {
  switch (status.kind) {
    case "missing":
      return "未填";
    case "records":
      return `已填记录${status.count}条`;
    case "value":
      return "已填值";
    case "none":
      return "无";
    case "not_applicable":
      return "不涉及";
  }
}

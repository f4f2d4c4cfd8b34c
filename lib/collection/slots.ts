// What a source reports for a scheme: one slot per indicator, or per sub-item of a composite
// indicator. Rules that count events take RECORDS (counts are derived, never typed); the others
// take one VALUE per unit (spec/workflow.md "Data collection"). Pure.
import { levelName, type Indicator, type Rule, type SchemeDocument } from "@/lib/scoring";

export type SlotMode = "records" | "value";

export type ReportingSlot = {
  indicatorCode: string;
  /** "" for a whole indicator, else the sub-item key of a composite indicator. */
  subKey: string;
  /** The indicator's name, or "indicator name · sub-item name". */
  name: string;
  categoryName: string;
  rule: Rule;
  max: number;
  mode: SlotMode;
  /** For records: what a record counts towards (deduction items, award levels); [] when one kind of event. */
  recordItems: { key: string; label: string }[];
  /** The scheme's default source departments (organisation short names). */
  sources: string[];
  content?: string;
  evidence?: string;
};

const RECORD_RULES = new Set<Rule["kind"]>(["deduction", "veto", "count", "award"]);

export function slotMode(rule: Rule): SlotMode {
  return RECORD_RULES.has(rule.kind) ? "records" : "value";
}

function recordItems(rule: Rule): { key: string; label: string }[] {
  if (rule.kind === "deduction") return rule.items.map((item) => ({ key: item.key, label: item.label }));
  if (rule.kind === "award") return Object.keys(rule.levels).map((level) => ({ key: level, label: levelName(level) }));
  return [];
}

function slot(indicator: Indicator, categoryName: string, rule: Rule, max: number, sub?: { key: string; name: string; sources?: string[]; content?: string; evidence?: string }): ReportingSlot {
  return {
    indicatorCode: indicator.code,
    subKey: sub?.key ?? "",
    name: sub ? `${indicator.name} · ${sub.name}` : indicator.name,
    categoryName,
    rule,
    max,
    mode: slotMode(rule),
    recordItems: recordItems(rule),
    sources: sub?.sources && sub.sources.length > 0 ? sub.sources : (indicator.sources ?? []),
    content: sub?.content ?? indicator.content,
    evidence: sub?.evidence ?? indicator.evidence,
  };
}

export function reportingSlots(scheme: SchemeDocument): ReportingSlot[] {
  const slots: ReportingSlot[] = [];
  for (const category of scheme.categories) {
    for (const indicator of category.indicators) {
      if ("items" in indicator && indicator.items) {
        for (const item of indicator.items) slots.push(slot(indicator, category.name, item.rule, item.max, item));
      } else if ("rule" in indicator && indicator.rule) {
        slots.push(slot(indicator, category.name, indicator.rule, indicator.max));
      }
    }
  }
  return slots;
}

export function slotKey(slot: { indicatorCode: string; subKey: string }): string {
  return slot.subKey ? `${slot.indicatorCode}/${slot.subKey}` : slot.indicatorCode;
}

// Collected values in words (pure): the source workspace, the unit's view and the reports use them.
import { levelName, type Rule } from "@/lib/scoring";

const num = (n: number) => String(Number(n.toPrecision(12)));

/** A stored single value in words, per rule kind: 良好 / 是 / 85% / 无案件 / 7.5分（说明）. */
export function valueText(rule: Rule, value: unknown): string {
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  switch (rule.kind) {
    case "tiered":
      return String(v.tier ?? "—");
    case "binary":
      return `${rule.question}：${v.met === true ? "是" : v.met === false ? "否" : "—"}`;
    case "ratio":
      return typeof v.value === "number" ? `${rule.label} ${num(v.value * 100)}%` : "—";
    case "rank":
      return v.value === null ? `${rule.label}：无案件` : typeof v.value === "number" ? `${rule.label}：${num(v.value)}` : "—";
    case "step":
    case "threshold":
      return typeof v.value === "number" ? `${rule.label}：${num(v.value)}` : "—";
    case "manual":
      return typeof v.score === "number" ? `${num(v.score)}分（${String(v.note ?? "")}）` : "—";
    default:
      return "—";
  }
}

export function answerText(rule: Rule, answer: string, value: unknown): string {
  if (answer === "none") return "无";
  if (answer === "not_applicable") {
    const reason = typeof value === "object" && value !== null ? (value as { reason?: unknown }).reason : undefined;
    return typeof reason === "string" ? `不涉及（${reason}）` : "不涉及";
  }
  return valueText(rule, value);
}

/** What a record counts towards: a deduction item or an award level. */
export function itemLabel(rule: Rule, itemKey: string): string | null {
  if (rule.kind === "deduction") return rule.items.find((i) => i.key === itemKey)?.label ?? itemKey;
  if (rule.kind === "award") return levelName(itemKey);
  return null;
}

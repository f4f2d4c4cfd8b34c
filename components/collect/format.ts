// Display helpers for collected data (pure, shared by the source workspace and the unit's view).
import type { CellStatus } from "@/lib/collection/derive";
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

export { fileSize } from "./upload";

/** 剩余 3 天 5 小时 / 剩余 40 分钟 / 已截止 — from the server's clock. */
export function timeLeft(end: Date, at: Date): string {
  const ms = end.getTime() - at.getTime();
  if (ms <= 0) return "已截止";
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 24) return `剩余 ${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  if (hours >= 1) return `剩余 ${hours} 小时`;
  return `剩余 ${Math.max(1, Math.floor(ms / 60_000))} 分钟`;
}

export const STATUS_STYLE: Record<CellStatus["kind"], string> = {
  missing: "bg-amber-100 text-amber-900",
  records: "bg-blue-100 text-blue-900",
  value: "bg-blue-100 text-blue-900",
  none: "bg-green-100 text-green-900",
  not_applicable: "bg-slate-200 text-slate-800",
};

export const SUBMISSION_LABELS: Record<string, string> = { draft: "未提交", submitted: "已提交", returned: "已退回" };

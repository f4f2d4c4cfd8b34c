// A "填报值" cell ↔ the engine's fact of a value rule. The fact is then checked with the engine's own
// schema (factSchemaFor), so the spreadsheet accepts exactly what the engine accepts.
import { z } from "zod";
import { D, factSchemaFor, type Rule } from "@/lib/scoring";
import { NONE_WORD, NOT_APPLICABLE_WORD } from "./layout";

const zhCN = z.locales.zhCN();

export type ValueAnswer = { answer: "value" | "not_applicable"; value: unknown } | { error: string };

/** The reason a "不涉及" needs (as the form's markNotApplicable asks for one). */
export function notApplicableReason(reason: string, where: string): { value: { reason: string } } | { error: string } {
  if (reason.length < 2) return { error: `填“${NOT_APPLICABLE_WORD}”时请在“${where}”列写明理由（至少2个字）` };
  if (reason.length > 200) return { error: `“${NOT_APPLICABLE_WORD}”的理由不能超过200个字` };
  return { value: { reason } };
}

const YES = new Set(["是", "TRUE", "Y", "YES", "√", "✓"]);
const NO = new Set(["否", "FALSE", "N", "NO", "×", "✗"]);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** "0.85", "85%", "1,234.5" → a number with the decimal meaning of the text; null when not a number. */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[,，\s]/g, "");
  const percent = t.endsWith("%") || t.endsWith("％");
  const digits = percent ? t.slice(0, -1) : t;
  if (!NUMBER.test(digits)) return null;
  const value = percent ? new D(digits).div(100) : new D(digits);
  return value.toNumber();
}

function numberFact(text: string, what: string): { value: number } | { error: string } {
  const n = parseNumber(text);
  return n === null ? { error: `${what}应填数字，不能是“${text}”` } : { value: n };
}

/** What to write in the cell for each rule kind (the template's "填报要求" column). */
export function valueHint(rule: Rule): string {
  switch (rule.kind) {
    case "binary":
      return `${rule.question}：填“是”或“否”`;
    case "tiered":
      return `选择等次：${rule.tiers.map((t) => t.label).join("、")}`;
    case "ratio":
      return `${rule.label ?? "比率"}：填0到1之间的小数或百分数（85%填0.85或85%）`;
    case "step":
    case "threshold":
      return `${rule.label ?? "指标值"}：填数字${rule.kind === "threshold" && rule.percent ? "（可填百分数）" : ""}`;
    case "rank":
      return `${rule.label ?? "排名依据"}：填数字；没有${rule.subject ?? "案件"}填“${NONE_WORD}”`;
    case "manual":
      return "填评分（数字），并在“备注”列写评分说明";
    default:
      return "按记录报送，请填在“记录”工作表";
  }
}

/** The choices of a drop-down list for the cell, or null when the cell takes free text/numbers. */
export function valueChoices(rule: Rule, wholeIndicator: boolean): string[] | null {
  const na = wholeIndicator ? [NOT_APPLICABLE_WORD] : [];
  if (rule.kind === "binary") return ["是", "否", ...na];
  if (rule.kind === "tiered") return [...rule.tiers.map((t) => t.label), ...na];
  return null;
}

function factOf(rule: Rule, text: string, note: string): { value: unknown } | { error: string } {
  switch (rule.kind) {
    case "binary": {
      const t = text.toUpperCase();
      if (YES.has(t)) return { value: { met: true } };
      if (NO.has(t)) return { value: { met: false } };
      return { error: `应填“是”或“否”，不能是“${text}”` };
    }
    case "tiered":
      return { value: { tier: text } };
    case "ratio":
    case "step":
    case "threshold": {
      const n = numberFact(text, rule.label ?? "指标值");
      return "error" in n ? n : { value: { value: n.value } };
    }
    case "rank": {
      if (text === NONE_WORD) return { value: { value: null } };
      const n = numberFact(text, rule.label ?? "排名依据");
      return "error" in n ? n : { value: { value: n.value } };
    }
    case "manual": {
      const n = numberFact(text, "评分");
      return "error" in n ? n : { value: { score: n.value, note } };
    }
    default:
      return { error: "该指标按记录报送，请填在“记录”工作表" };
  }
}

/**
 * The answer a cell gives for a value slot. "不涉及" only for a whole indicator; "无" only where the
 * rule gives it a meaning (rank: no cases), as derive.ts refuses "none" for single values.
 */
export function readValueCell(rule: Rule, max: number, wholeIndicator: boolean, text: string, note: string): ValueAnswer {
  if (text === NOT_APPLICABLE_WORD) {
    if (!wholeIndicator) return { error: "子项不能单独填“不涉及”，请整项填“不涉及”或填写数据" };
    const reason = notApplicableReason(note, "备注");
    return "error" in reason ? reason : { answer: "not_applicable", value: reason.value };
  }
  if (text === NONE_WORD && rule.kind !== "rank") return { error: "该指标是单值指标，不能填“无”，请填写数据（或“不涉及”）" };
  const fact = factOf(rule, text, note);
  if ("error" in fact) return fact;
  const parsed = factSchemaFor(rule, max).safeParse(fact.value, { error: zhCN.localeError });
  if (!parsed.success) return { error: [...new Set(parsed.error.issues.map((i) => i.message))].join("；") };
  return { answer: "value", value: fact.value };
}

export function reasonOf(value: unknown): string {
  const reason = typeof value === "object" && value !== null ? (value as { reason?: unknown }).reason : undefined;
  return typeof reason === "string" ? reason : "";
}

/** A stored answer back as the cell's text (to pre-fill the template with what is already reported). */
export function valueCellText(rule: Rule, answer: string, value: unknown): { value: string; note: string } {
  if (answer === "not_applicable") return { value: NOT_APPLICABLE_WORD, note: reasonOf(value) };
  if (answer !== "value" || typeof value !== "object" || value === null) return { value: "", note: "" };
  const v = value as Record<string, unknown>;
  switch (rule.kind) {
    case "binary":
      return { value: v.met === true ? "是" : v.met === false ? "否" : "", note: "" };
    case "tiered":
      return { value: typeof v.tier === "string" ? v.tier : "", note: "" };
    case "manual":
      return { value: typeof v.score === "number" ? String(v.score) : "", note: typeof v.note === "string" ? v.note : "" };
    case "rank":
      return { value: v.value === null ? NONE_WORD : typeof v.value === "number" ? String(v.value) : "", note: "" };
    default:
      return { value: typeof v.value === "number" ? String(v.value) : "", note: "" };
  }
}

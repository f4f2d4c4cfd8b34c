// What a unit's Word report says, as a list of styled paragraphs and tables: the single report
// (docx.ts, through the docx library) and the compiled volume (volume-xml.ts, as streamed
// WordprocessingML) both render these blocks, so a chapter of the volume cannot drift from the report
// the unit received. Every word comes from the report model; only headings and captions are fixed.
// Pure.
import { badRecordLabel, dateCn, REVIEW_FINAL_NOTE, REVIEW_HEADING, type ReportBasis, type ReportReview, type UnitReport } from "./model";
import { STYLES } from "./docx-layout";

export const PART_HEADINGS = ["一、综合评分和总体评价", "二、单项评分及说明", "三、存在问题及改进建议", "四、评价所依据的主要信息", "五、其他需要载明的事项"] as const;
export const NONE_TEXT = "无。";

const DIGITS = "零一二三四五六七八九";
/** 1 → 一, 12 → 十二, 40 → 四十 (the numbering of （一）（二）…). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** A cell's text, or the text with a column span, an alignment, or in the header's 黑体 (a category row). */
export type Cell = string | { text: string; span?: number; align?: "center" | "left"; strong?: boolean };
/** A column's header and relative width (scaled to the type area). */
export type Column = { header: string; width: number; align?: "center" | "left" };

/**
 * A paragraph in a style whose runs are `texts` (a typed line break inside a text is kept as a line
 * break; no texts is an empty paragraph), or a bordered table whose header row repeats on each page.
 */
export type Block =
  | { kind: "paragraph"; style: string; texts: readonly string[] }
  | { kind: "table"; columns: readonly Column[]; rows: readonly (readonly Cell[])[] };

const para = (style: string, ...texts: string[]): Block => ({ kind: "paragraph", style, texts });
const body = (...texts: string[]): Block => para(STYLES.body, ...texts);
const table = (columns: readonly Column[], rows: readonly (readonly Cell[])[]): Block => ({ kind: "table", columns, rows });

/** Below the title: the version and the date, then the cycle, the unit and its code, the scheme. */
export function openingBlocks(report: UnitReport, options: { marking: boolean } = { marking: true }): Block[] {
  const { unit, cycle, scheme } = report;
  const rest = report.title.startsWith(unit.name) ? report.title.slice(unit.name.length) : "";
  return [
    ...(options.marking ? [para(STYLES.marking, report.marking)] : []),
    para(STYLES.title, rest ? `${unit.name}\n${rest}` : report.title),
    para(STYLES.subtitle, `（${report.versionLabel}　${report.dateCn}）`),
    para(STYLES.plain, `评价周期：${cycle.name}`),
    para(STYLES.plain, `受评单位：${unit.name}（${unit.kindLabel}）`),
    para(STYLES.plain, `统一社会信用代码：${unit.uscc}`),
    para(STYLES.plain, `评价标准：${scheme.name}（第${scheme.version}版）`),
  ];
}

function summaryPart(report: UnitReport): Block[] {
  const weights = report.categories.reduce((sum, c) => sum + c.weight, 0);
  const rows: Cell[][] = report.categories.map((c, i) => [String(i + 1), c.name, String(c.weight), c.score]);
  rows.push([{ text: "合计", span: 2, align: "center" }, String(weights), report.summary.total]);
  if (report.summary.grade) rows.push([{ text: "评价等次", span: 2, align: "center" }, { text: report.summary.grade, span: 2, align: "center" }]);
  return [
    body(report.summary.sentence),
    table([{ header: "序号", width: 8, align: "center" }, { header: "评价类别", width: 40 }, { header: "分值", width: 16, align: "center" }, { header: "得分", width: 16, align: "center" }], rows),
    ...(report.review ? reviewSection(report.review) : []),
  ];
}

/** A revised report's 复评情况, closing part 1: each disputed indicator's scores and decision, then the totals. */
function reviewSection(review: ReportReview): Block[] {
  return [
    para(STYLES.subheading, REVIEW_HEADING),
    body(review.decisionSentence),
    table(
      [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 20 }, { header: "初评得分", width: 11, align: "center" }, { header: "复评得分", width: 11, align: "center" }, { header: "复评决定", width: 12, align: "center" }, { header: "理由", width: 40 }],
      review.items.map((i, n) => [String(n + 1), i.name, i.initialScore ?? "—", i.finalScore ?? "—", i.decisionLabel, i.decisionReason || "—"]),
    ),
    body(`${review.totalSentence}${REVIEW_FINAL_NOTE}`),
  ];
}

function indicatorPart(report: UnitReport): Block[] {
  const rows: Cell[][] = [];
  let category = "";
  let n = 0;
  for (const i of report.indicators) {
    if (i.categoryCode !== category) {
      category = i.categoryCode;
      const weight = report.categories.find((c) => c.code === i.categoryCode)?.weight;
      rows.push([{ text: `${i.categoryName}${weight === undefined ? "" : `（${weight}分）`}`, span: 5, align: "left", strong: true }]);
    }
    rows.push([String(++n), i.name, String(i.max), i.score ?? "—", i.explanation]);
    i.items.forEach((item, k) => rows.push(["", `（${k + 1}）${item.name}`, String(item.max), item.score, item.explanation]));
  }
  return [
    table(
      [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 20 }, { header: "满分", width: 8, align: "center" }, { header: "得分", width: 9, align: "center" }, { header: "说明", width: 57 }],
      rows,
    ),
  ];
}

function problemsPart(report: UnitReport): Block[] {
  if (report.problems.length === 0) return [body(NONE_TEXT)];
  return report.problems.flatMap((p, i) => [body(`（${chineseNumber(i + 1)}）`, p.problem), body("改进建议：", p.suggestion)]);
}

function reported(b: ReportBasis): string {
  const counts = new Map<string, number>();
  for (const r of b.records) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  const parts = [...b.answers.map((a) => `${a.source}：${a.text}`), ...[...counts].map(([source, n]) => `${source}：记录${n}条`)];
  return parts.length > 0 ? parts.join("；") : "—";
}

function basisPart(report: UnitReport): Block[] {
  if (report.basis.length === 0) return [body(NONE_TEXT)];
  const records = report.basis.flatMap((b) => b.records.map((r) => ({ ...r, indicator: b.name })));
  const recordRows: Cell[][] = records.map((r, i) => [
    String(i + 1), r.indicator, dateCn(r.occurredOn), r.item && !r.description.startsWith(r.item) ? `${r.item}：${r.description}` : r.description,
    r.referenceNo ?? "—", r.source, r.evidence.length > 0 ? r.evidence.join("、") : "—",
  ]);
  return [
    para(STYLES.subheading, "（一）各指标数据来源及报送情况"),
    table(
      [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 17 }, { header: "评分标准", width: 35 }, { header: "数据来源", width: 16 }, { header: "报送情况", width: 26 }],
      report.basis.map((b, i) => [String(i + 1), b.name, b.rule, b.sources.join("、") || "—", reported(b)]),
    ),
    para(STYLES.subheading, "（二）评价所依据的记录"),
    recordRows.length === 0
      ? body(NONE_TEXT)
      : table(
          [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 15 }, { header: "日期", width: 15, align: "center" }, { header: "事项", width: 26 }, { header: "文号", width: 14 }, { header: "报送单位", width: 12 }, { header: "佐证材料", width: 12 }],
          recordRows,
        ),
  ];
}

function otherPart(report: UnitReport): Block[] {
  const { badRecords, officeInformationNote, notApplicable } = report.other;
  const items = [
    ...badRecords.map((b) => `不良记录：${badRecordLabel(b.kind)}（${dateCn(b.date)}）${b.reason ? `，${b.reason.replace(/[。.]$/, "")}` : ""}。`),
    ...(officeInformationNote ? [officeInformationNote] : []),
    ...(notApplicable.length > 0 ? [`不涉及的指标：${notApplicable.map((n) => n.name).join("、")}，按评价标准的规定处理。`] : []),
  ];
  if (items.length === 0) return [body(NONE_TEXT)];
  return items.map((text, i) => body(`（${chineseNumber(i + 1)}）`, text));
}

/** The five parts of seed 000 Art. 12, each under its heading. */
export function partBlocks(report: UnitReport): Block[] {
  const parts = [summaryPart(report), indicatorPart(report), problemsPart(report), basisPart(report), otherPart(report)];
  return parts.flatMap((part, i) => [para(STYLES.heading, PART_HEADINGS[i]!), ...part]);
}

/** Two blank lines, then the issuer and the date, right-aligned. */
export function signatureBlocks(report: UnitReport): Block[] {
  return [para(STYLES.plain), para(STYLES.plain), para(STYLES.signature, report.issuer), para(STYLES.signature, report.dateCn)];
}

/** The whole report, as the unit receives it. */
export function reportBlocks(report: UnitReport): Block[] {
  return [...openingBlocks(report), ...partBlocks(report), ...signatureBlocks(report)];
}

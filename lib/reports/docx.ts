// A unit's report as a Word file (.docx), laid out like a Chinese official document (GB/T 9704; the
// page and styles are in docx-layout.ts). Every word of the result comes from the report model; only
// the headings and table captions are fixed. Pure apart from docx's Packer, so the benchmark and the
// command line can use it outside Next.js.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  LineRuleType, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from "docx";
import { badRecordLabel, dateCn, REVIEW_FINAL_NOTE, REVIEW_HEADING, type ReportBasis, type ReportReview, type UnitReport } from "./model";
import { FONT_TABLE, PAGE, STYLES, TEXT_WIDTH, reportStyles } from "./docx-layout";

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

// Characters XML 1.0 cannot carry: a stray one in a typed description would make Word refuse the file.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as runs, a typed line break kept as a line break. */
function runs(text: string): TextRun[] {
  return text.replace(INVALID_XML, "").split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

const para = (style: string, text: string) => new Paragraph({ style, children: runs(text) });
const body = (text: string) => para(STYLES.body, text);

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

/** A cell's text, or the text with a column span, an alignment, or in the header's 黑体 (a category row). */
type Cell = string | { text: string; span?: number; align?: "center" | "left"; strong?: boolean };
type Column = { header: string; width: number; align?: "center" | "left" };

function cell(value: Cell, column: Column, header: boolean, width: number): TableCell {
  const { text, span, align, strong } = typeof value === "string" ? { text: value, span: undefined, align: undefined, strong: false } : value;
  const alignment = (align ?? (header ? "center" : column.align ?? "left")) === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: span,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ style: header || strong ? STYLES.tableHeader : STYLES.tableText, alignment, children: runs(text) })],
  });
}

/** A bordered table across the type area whose header row repeats on every page, and a small gap after it. */
function table(columns: readonly Column[], rows: readonly Cell[][]): [Table, Paragraph] {
  const scale = TEXT_WIDTH / columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => Math.floor(c.width * scale));
  const row = (cells: readonly Cell[], header: boolean) => {
    let at = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((value) => {
        const span = typeof value === "string" ? 1 : value.span ?? 1;
        const width = widths.slice(at, at + span).reduce((a, b) => a + b, 0);
        const column = columns[at]!;
        at += span;
        return cell(value, column, header, width);
      }),
    });
  };
  const grid = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    rows: [row(columns.map((c) => c.header), true), ...rows.map((r) => row(r, false))],
  });
  return [grid, new Paragraph({ style: STYLES.plain, spacing: { line: 240, lineRule: LineRuleType.EXACT } })];
}

/** Below the title: the version and the date, then the cycle, the unit and its code, the scheme. */
function opening(report: UnitReport): Paragraph[] {
  const { unit, cycle, scheme } = report;
  const rest = report.title.startsWith(unit.name) ? report.title.slice(unit.name.length) : "";
  const title = rest
    ? new Paragraph({ style: STYLES.title, children: [new TextRun(unit.name), new TextRun({ text: rest, break: 1 })] })
    : para(STYLES.title, report.title);
  return [
    para(STYLES.marking, report.marking),
    title,
    para(STYLES.subtitle, `（${report.versionLabel}　${report.dateCn}）`),
    para(STYLES.plain, `评价周期：${cycle.name}`),
    para(STYLES.plain, `受评单位：${unit.name}（${unit.kindLabel}）`),
    para(STYLES.plain, `统一社会信用代码：${unit.uscc}`),
    para(STYLES.plain, `评价标准：${scheme.name}（第${scheme.version}版）`),
  ];
}

function summaryPart(report: UnitReport): (Paragraph | Table)[] {
  const weights = report.categories.reduce((sum, c) => sum + c.weight, 0);
  const rows: Cell[][] = report.categories.map((c, i) => [String(i + 1), c.name, String(c.weight), c.score]);
  rows.push([{ text: "合计", span: 2, align: "center" }, String(weights), report.summary.total]);
  if (report.summary.grade) rows.push([{ text: "评价等次", span: 2, align: "center" }, { text: report.summary.grade, span: 2, align: "center" }]);
  return [
    body(report.summary.sentence),
    ...table([{ header: "序号", width: 8, align: "center" }, { header: "评价类别", width: 40 }, { header: "分值", width: 16, align: "center" }, { header: "得分", width: 16, align: "center" }], rows),
    ...(report.review ? reviewSection(report.review) : []),
  ];
}

/** A revised report's 复评情况, closing part 1: each disputed indicator's scores and decision, then the totals. */
function reviewSection(review: ReportReview): (Paragraph | Table)[] {
  return [
    para(STYLES.subheading, REVIEW_HEADING),
    body(review.decisionSentence),
    ...table(
      [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 20 }, { header: "初评得分", width: 11, align: "center" }, { header: "复评得分", width: 11, align: "center" }, { header: "复评决定", width: 12, align: "center" }, { header: "理由", width: 40 }],
      review.items.map((i, n) => [String(n + 1), i.name, i.initialScore ?? "—", i.finalScore ?? "—", i.decisionLabel, i.decisionReason || "—"]),
    ),
    body(`${review.totalSentence}${REVIEW_FINAL_NOTE}`),
  ];
}

function indicatorPart(report: UnitReport): (Paragraph | Table)[] {
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
  return table(
    [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 20 }, { header: "满分", width: 8, align: "center" }, { header: "得分", width: 9, align: "center" }, { header: "说明", width: 57 }],
    rows,
  );
}

function problemsPart(report: UnitReport): Paragraph[] {
  if (report.problems.length === 0) return [body(NONE_TEXT)];
  return report.problems.flatMap((p, i) => [
    new Paragraph({ style: STYLES.body, children: [new TextRun(`（${chineseNumber(i + 1)}）`), ...runs(p.problem)] }),
    new Paragraph({ style: STYLES.body, children: [new TextRun("改进建议："), ...runs(p.suggestion)] }),
  ]);
}

function reported(b: ReportBasis): string {
  const counts = new Map<string, number>();
  for (const r of b.records) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  const parts = [...b.answers.map((a) => `${a.source}：${a.text}`), ...[...counts].map(([source, n]) => `${source}：记录${n}条`)];
  return parts.length > 0 ? parts.join("；") : "—";
}

function basisPart(report: UnitReport): (Paragraph | Table)[] {
  if (report.basis.length === 0) return [body(NONE_TEXT)];
  const records = report.basis.flatMap((b) => b.records.map((r) => ({ ...r, indicator: b.name })));
  const recordRows: Cell[][] = records.map((r, i) => [
    String(i + 1), r.indicator, dateCn(r.occurredOn), r.item && !r.description.startsWith(r.item) ? `${r.item}：${r.description}` : r.description,
    r.referenceNo ?? "—", r.source, r.evidence.length > 0 ? r.evidence.join("、") : "—",
  ]);
  return [
    para(STYLES.subheading, "（一）各指标数据来源及报送情况"),
    ...table(
      [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 17 }, { header: "评分标准", width: 35 }, { header: "数据来源", width: 16 }, { header: "报送情况", width: 26 }],
      report.basis.map((b, i) => [String(i + 1), b.name, b.rule, b.sources.join("、") || "—", reported(b)]),
    ),
    para(STYLES.subheading, "（二）评价所依据的记录"),
    ...(recordRows.length === 0
      ? [body(NONE_TEXT)]
      : table(
          [{ header: "序号", width: 6, align: "center" }, { header: "指标", width: 15 }, { header: "日期", width: 15, align: "center" }, { header: "事项", width: 26 }, { header: "文号", width: 14 }, { header: "报送单位", width: 12 }, { header: "佐证材料", width: 12 }],
          recordRows,
        )),
  ];
}

function otherPart(report: UnitReport): Paragraph[] {
  const { badRecords, officeInformationNote, notApplicable } = report.other;
  const items = [
    ...badRecords.map((b) => `不良记录：${badRecordLabel(b.kind)}（${dateCn(b.date)}）${b.reason ? `，${b.reason.replace(/[。.]$/, "")}` : ""}。`),
    ...(officeInformationNote ? [officeInformationNote] : []),
    ...(notApplicable.length > 0 ? [`不涉及的指标：${notApplicable.map((n) => n.name).join("、")}，按评价标准的规定处理。`] : []),
  ];
  if (items.length === 0) return [body(NONE_TEXT)];
  return items.map((text, i) => new Paragraph({ style: STYLES.body, children: [new TextRun(`（${chineseNumber(i + 1)}）`), ...runs(text)] }));
}

function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: STYLES.pageNumber, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] })] });
}

export function reportDocument(report: UnitReport): Document {
  const parts: (Paragraph | Table)[][] = [summaryPart(report), indicatorPart(report), problemsPart(report), basisPart(report), otherPart(report)];
  return new Document({
    creator: report.issuer,
    title: report.title,
    subject: `${report.cycle.name} ${report.unit.name}（${report.versionLabel}）`,
    keywords: report.marking,
    styles: reportStyles,
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: PAGE.margin },
      },
      headers: {
        first: new Header({ children: [new Paragraph({ style: STYLES.pageHeader })] }),
        default: new Header({ children: [para(STYLES.pageHeader, `${report.cycle.name}　${report.unit.name}（统一社会信用代码：${report.unit.uscc}）　${report.versionLabel}`)] }),
      },
      footers: { first: pageNumberFooter(), default: pageNumberFooter() },
      children: [
        ...opening(report),
        ...parts.flatMap((part, i): (Paragraph | Table)[] => [para(STYLES.heading, PART_HEADINGS[i]!), ...part]),
        new Paragraph({ style: STYLES.plain }),
        new Paragraph({ style: STYLES.plain }),
        para(STYLES.signature, report.issuer),
        para(STYLES.signature, report.dateCn),
      ],
    }],
  });
}

/** The report as .docx bytes. */
export async function reportToDocx(report: UnitReport): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(report), false, [FONT_TABLE]);
}

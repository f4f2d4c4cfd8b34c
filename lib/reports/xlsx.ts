// One unit's report as score tables in Excel (.xlsx): 评分汇总, (复评情况 for a revised report),
// 单项评分, 问题与建议, 依据信息.
// Every sheet opens with the marking, the title and the cycle/unit/code line, and prints with them
// in its page header. Texts are written as string cells, which a spreadsheet never evaluates; scores
// as numbers with two decimals.
import ExcelJS from "exceljs";
import { makeWorkbookXmlSafe } from "@/lib/export/inert";
import { D } from "@/lib/scoring";
import { badRecordLabel, dateCn, REVIEW_FINAL_NOTE, REVIEW_HEADING, type ReportReview, type UnitReport } from "./model";

export const REPORT_SHEETS = { summary: "评分汇总", review: REVIEW_HEADING, indicators: "单项评分", problems: "问题与建议", basis: "依据信息" } as const;

type Column = { header: string; width: number; wrap?: boolean; score?: boolean };
type Value = string | number | null;

const SCORE_FORMAT = "0.00";
/** The table's header row (after marking, title, unit line and a blank row). */
export const HEADER_ROW = 5;

const score = (value: string | null): number | null => (value === null ? null : Number(value));
/** In a page header or footer "&" starts a code. */
const printable = (text: string) => text.replace(/&/g, "&&");

function addSheet(workbook: ExcelJS.Workbook, name: string, report: UnitReport, columns: readonly Column[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    headerFooter: { oddHeader: `&L${printable(report.marking)}&C${printable(report.title)}`, oddFooter: "&C第 &P 页，共 &N 页" },
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: { ...(c.score ? { numFmt: SCORE_FORMAT } : {}), ...(c.wrap ? { alignment: { wrapText: true, vertical: "top" as const } } : {}) },
  }));
  const last = columns.length;
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: "left" | "center") => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: "middle" };
  };
  banner(1, report.marking, { bold: true, size: 12 }, "left");
  banner(2, `${report.title}（${report.versionLabel}）`, { bold: true, size: 16 }, "center");
  banner(3, `评价周期：${report.cycle.name}　受评单位：${report.unit.name}　统一社会信用代码：${report.unit.uscc}　评价标准：${report.scheme.name}　报告日期：${report.dateCn}`, { size: 10 }, "left");
  sheet.getRow(2).height = 26;
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } }));
  return sheet;
}

const addRows = (sheet: ExcelJS.Worksheet, rows: readonly Value[][]) => rows.forEach((row) => sheet.addRow(row));

function summarySheet(workbook: ExcelJS.Workbook, report: UnitReport): void {
  const sheet = addSheet(workbook, REPORT_SHEETS.summary, report, [
    { header: "序号", width: 6 }, { header: "评价类别", width: 28 }, { header: "分值", width: 10, score: true }, { header: "得分", width: 10, score: true }, { header: "失分", width: 10, score: true },
  ]);
  addRows(sheet, report.categories.map((c, i) => [i + 1, c.name, c.weight, score(c.score), new D(c.weight).minus(c.score).toNumber()]));
  const weights = report.categories.reduce((sum, c) => sum + c.weight, 0);
  const total = sheet.addRow([null, "总分", weights, score(report.summary.total), new D(weights).minus(report.summary.total).toNumber()]);
  total.font = { bold: true };
  sheet.addRow([null, "评价等次", report.summary.grade ?? "—"]);
  if (report.summary.rank) sheet.addRow([null, "排名", `${report.summary.rank.position}/${report.summary.rank.of}`]);
  sheet.addRow([]);
  sheet.addRow([null, report.summary.sentence]);
}

/** A revised report's disputed indicators: the unit's reason, both scores, the change and the decision. */
function reviewSheet(workbook: ExcelJS.Workbook, report: UnitReport, review: ReportReview): void {
  const sheet = addSheet(workbook, REPORT_SHEETS.review, report, [
    { header: "序号", width: 6 }, { header: "指标代码", width: 18 }, { header: "指标", width: 22, wrap: true }, { header: "申请理由", width: 40, wrap: true },
    { header: "初评得分", width: 10, score: true }, { header: "复评得分", width: 10, score: true }, { header: "增减", width: 8, score: true },
    { header: "复评决定", width: 10 }, { header: "理由", width: 40, wrap: true },
  ]);
  addRows(sheet, review.items.map((i, n) => [
    n + 1, i.indicatorCode, i.name, i.reason, score(i.initialScore), score(i.finalScore), i.change === null ? null : Number(i.change), i.decisionLabel, i.decisionReason,
  ]));
  const total = sheet.addRow([null, null, "总分", null, score(review.initial.total), score(review.final.total), Number(review.change)]);
  total.font = { bold: true };
  sheet.addRow([null, null, "评价等次", null, review.initial.grade ?? "—", review.final.grade ?? "—"]);
  sheet.addRow([]);
  sheet.addRow([null, null, "复评决定", review.decisionSentence]);
  sheet.addRow([null, null, "总分变化", `${review.totalSentence}${REVIEW_FINAL_NOTE}`]);
}

function indicatorsSheet(workbook: ExcelJS.Workbook, report: UnitReport): void {
  const sheet = addSheet(workbook, REPORT_SHEETS.indicators, report, [
    { header: "评价类别", width: 14 }, { header: "指标代码", width: 18 }, { header: "指标", width: 24, wrap: true }, { header: "子项", width: 18, wrap: true },
    { header: "满分", width: 8, score: true }, { header: "得分", width: 8, score: true }, { header: "失分", width: 8, score: true }, { header: "不涉及", width: 8 }, { header: "说明", width: 60, wrap: true },
  ]);
  for (const i of report.indicators) {
    sheet.addRow([i.categoryName, i.code, i.name, null, i.max, score(i.score), i.score === null ? null : Number(i.lost), i.notApplicable ? "是" : null, i.explanation]);
    for (const item of i.items) {
      sheet.addRow([i.categoryName, i.code, i.name, item.name, item.max, score(item.score), new D(item.max).minus(item.score).toNumber(), null, item.explanation]);
    }
  }
}

function problemsSheet(workbook: ExcelJS.Workbook, report: UnitReport): void {
  const sheet = addSheet(workbook, REPORT_SHEETS.problems, report, [
    { header: "序号", width: 6 }, { header: "指标代码", width: 18 }, { header: "指标", width: 22, wrap: true }, { header: "存在问题", width: 60, wrap: true }, { header: "改进建议", width: 60, wrap: true },
  ]);
  const names = new Map(report.indicators.map((i) => [i.code, i.name]));
  if (report.problems.length === 0) sheet.addRow([null, null, null, "无"]);
  addRows(sheet, report.problems.map((p, n) => [n + 1, p.indicatorCode, names.get(p.indicatorCode) ?? "", p.problem, p.suggestion]));
  const other = report.other;
  const notes = [
    ...other.badRecords.map((b) => `不良记录：${badRecordLabel(b.kind)}（${dateCn(b.date)}）${b.reason ? `，${b.reason.replace(/[。.]$/, "")}` : ""}`),
    ...(other.officeInformationNote ? [other.officeInformationNote] : []),
    ...(other.notApplicable.length > 0 ? [`不涉及的指标：${other.notApplicable.map((n) => n.name).join("、")}`] : []),
  ];
  if (notes.length > 0) {
    sheet.addRow([]);
    sheet.addRow([null, null, "其他事项", notes.join("\n")]);
  }
}

function basisSheet(workbook: ExcelJS.Workbook, report: UnitReport): void {
  const sheet = addSheet(workbook, REPORT_SHEETS.basis, report, [
    { header: "指标代码", width: 18 }, { header: "指标", width: 24, wrap: true }, { header: "评分标准", width: 40, wrap: true }, { header: "数据来源", width: 16, wrap: true },
    { header: "报送单位", width: 14 }, { header: "类型", width: 8 }, { header: "日期", width: 12 }, { header: "内容", width: 40, wrap: true }, { header: "文号", width: 18 }, { header: "佐证材料", width: 24, wrap: true },
  ]);
  for (const b of report.basis) {
    const fixed: Value[] = [b.indicatorCode, b.name, b.rule, b.sources.join("、")];
    for (const a of b.answers) sheet.addRow([...fixed, a.source, "报送值", null, a.text]);
    for (const r of b.records) {
      sheet.addRow([...fixed, r.source, "记录", r.occurredOn, r.item && !r.description.startsWith(r.item) ? `${r.item}：${r.description}` : r.description, r.referenceNo, r.evidence.join("、")]);
    }
    if (b.answers.length === 0 && b.records.length === 0) sheet.addRow([...fixed, null, null, null, "—"]);
  }
}

/** The report's score tables as .xlsx bytes. */
export async function reportToXlsx(report: UnitReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.issuer;
  workbook.title = report.title;
  workbook.subject = report.marking;
  summarySheet(workbook, report);
  if (report.review) reviewSheet(workbook, report, report.review);
  indicatorsSheet(workbook, report);
  problemsSheet(workbook, report);
  basisSheet(workbook, report);
  makeWorkbookXmlSafe(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// A unit's report as a Word file (.docx), laid out like a Chinese official document (GB/T 9704; the
// page and styles are in docx-layout.ts, the words in report-blocks.ts). Pure apart from docx's
// Packer, so the benchmark and the command line can use it outside Next.js.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell,
  LineRuleType, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from "docx";
import type { UnitReport } from "./model";
import { FONT_TABLE, PAGE, STYLES, TEXT_WIDTH, reportStyles } from "./docx-layout";
import { reportBlocks, type Block, type Cell, type Column } from "./report-blocks";
import { xmlSafe } from "@/lib/export/inert";

export { chineseNumber, NONE_TEXT, PART_HEADINGS } from "./report-blocks";

// Characters XML 1.0 cannot carry: a stray one in a typed description would make Word refuse the file.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as runs, a typed line break kept as a line break. */
function runs(text: string): TextRun[] {
  return text.replace(INVALID_XML, "").split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

const para = (style: string, text: string) => new Paragraph({ style, children: runs(text) });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

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
function table(columns: readonly Column[], rows: readonly (readonly Cell[])[]): [Table, Paragraph] {
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

function render(block: Block): (Paragraph | Table)[] {
  if (block.kind === "table") return table(block.columns, block.rows);
  return [new Paragraph({ style: block.style, children: block.texts.flatMap(runs) })];
}

function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: STYLES.pageNumber, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] })] });
}

export function reportDocument(report: UnitReport): Document {
  return new Document({
    // The docx library escapes these document properties but, unlike the body text, keeps characters XML cannot carry.
    creator: xmlSafe(report.issuer),
    title: xmlSafe(report.title),
    subject: xmlSafe(`${report.cycle.name} ${report.unit.name}（${report.versionLabel}）`),
    keywords: xmlSafe(report.marking),
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
      children: reportBlocks(report).flatMap(render),
    }],
  });
}

/** The report as .docx bytes. */
export async function reportToDocx(report: UnitReport): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(report), false, [FONT_TABLE]);
}

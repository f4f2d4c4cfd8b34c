// A small WordprocessingML writer: paragraphs, runs, bordered tables, bookmarks, fields and styles as
// strings, for documents too large for the docx library's in-memory tree (the compiled volume,
// volume.ts). Tables and paragraphs look like the single report's (docx.ts): same styles, borders,
// cell margins and widths. Pure.
import type { IParagraphStyleOptions, IStylesOptions } from "docx";
import { xmlSafe } from "@/lib/export/inert";
import { STYLES, TEXT_WIDTH } from "./docx-layout";
import type { Cell, Column } from "./report-blocks";

export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe inside an element or an attribute value; characters XML cannot carry are dropped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Text as runs, a typed line break kept as a line break (as docx.ts does). */
export function runsXml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line, i) => `<w:r>${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("");
}

export type Align = "left" | "center" | "right" | "both";
export type ParagraphOptions = {
  align?: Align;
  /** Exact line spacing in twips (the gap paragraph after a table). */
  exactLine?: number;
  pageBreakBefore?: boolean;
  /** The section this paragraph closes (w:sectPr XML). */
  section?: string;
};

/** A paragraph in `style` whose content is already XML (runs, hyperlinks, bookmarks, fields). */
export function paragraphXml(style: string, content = "", options: ParagraphOptions = {}): string {
  const props =
    `<w:pStyle w:val="${style}"/>` +
    (options.pageBreakBefore ? "<w:pageBreakBefore/>" : "") +
    (options.exactLine ? `<w:spacing w:line="${options.exactLine}" w:lineRule="exact"/>` : "") +
    (options.align ? `<w:jc w:val="${options.align}"/>` : "") +
    (options.section ?? "");
  return `<w:p><w:pPr>${props}</w:pPr>${content}</w:p>`;
}

/** A paragraph of plain texts (each becomes runs; none is an empty paragraph). */
export function textParagraphXml(style: string, texts: readonly string[] | string, options: ParagraphOptions = {}): string {
  return paragraphXml(style, (typeof texts === "string" ? [texts] : texts).map(runsXml).join(""), options);
}

/** Content wrapped in a bookmark, the target of a contents entry's hyperlink and PAGEREF. */
export function bookmarkXml(id: number, name: string, content: string): string {
  return `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(name)}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
}

/** A complex field (TOC, PAGE, PAGEREF…) with its cached result, shown until the field is updated. */
export function fieldXml(instruction: string, cached: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
    cached +
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

export function internalLinkXml(anchor: string, content: string): string {
  return `<w:hyperlink w:anchor="${escapeXml(anchor)}" w:history="1">${content}</w:hyperlink>`;
}

/** The columns' relative widths scaled to the type area, in twips (as docx.ts scales them). */
export function columnWidths(columns: readonly Column[]): number[] {
  const scale = TEXT_WIDTH / columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => Math.floor(c.width * scale));
}

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';

/** The table's properties, grid and header row (repeated on every page); rows follow, then tableEndXml. */
export function tableStartXml(columns: readonly Column[]): string {
  const widths = columnWidths(columns);
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>` +
    ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("") +
    '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="80"/>' +
    '<w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr><w:tblGrid>' +
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("") +
    "</w:tblGrid>" +
    tableRowXml(columns, columns.map((c) => c.header), true)
  );
}

/** One row; a cell may span columns, be centred, or be set in the header's 黑体 (a category row). */
export function tableRowXml(columns: readonly Column[], cells: readonly Cell[], header = false): string {
  const widths = columnWidths(columns);
  let at = 0;
  const tcs = cells.map((value) => {
    const { text, span, align, strong } = typeof value === "string" ? { text: value, span: undefined, align: undefined, strong: false } : value;
    const width = widths.slice(at, at + (span ?? 1)).reduce((a, b) => a + b, 0);
    const alignment = align ?? (header ? "center" : columns[at]?.align ?? "left");
    at += span ?? 1;
    return (
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span && span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}<w:vAlign w:val="center"/></w:tcPr>` +
      textParagraphXml(header || strong ? STYLES.tableHeader : STYLES.tableText, text, { align: alignment }) +
      "</w:tc>"
    );
  });
  return `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${tcs.join("")}</w:tr>`;
}

/** The end of a table and the small gap after it. */
export function tableEndXml(): string {
  return `</w:tbl>${paragraphXml(STYLES.plain, "", { exactLine: 240 })}`;
}

export function tableXml(columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  return tableStartXml(columns) + rows.map((r) => tableRowXml(columns, r)).join("") + tableEndXml();
}

// Styles: the report's own definitions (docx-layout.ts reportStyles) written as styles.xml, so the
// volume cannot drift from the single report. Only the properties the report uses are known here; a
// new one fails loudly instead of silently disappearing from the volume.
type RunProps = NonNullable<IParagraphStyleOptions["run"]>;
type ParaProps = NonNullable<IParagraphStyleOptions["paragraph"]>;
const RUN_KEYS = new Set(["font", "size", "language"]);
const PARA_KEYS = new Set(["alignment", "spacing", "indent", "keepNext", "keepLines", "outlineLevel", "rightTabStop"]);

function unsupported(what: string, keys: string[], known: Set<string>): void {
  const extra = keys.filter((k) => !known.has(k));
  if (extra.length > 0) throw new Error(`ooxml styles: ${what} property not supported: ${extra.join(", ")}`);
}

function runPropsXml(run: RunProps | undefined): string {
  if (!run) return "";
  unsupported("run", Object.keys(run), RUN_KEYS);
  const font = run.font;
  const fonts =
    font === undefined ? "" :
    typeof font === "string" ? `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/>` :
    "name" in font ? `<w:rFonts w:ascii="${font.name}" w:hAnsi="${font.name}" w:cs="${font.name}" w:eastAsia="${font.name}"/>` :
    `<w:rFonts${(["ascii", "hAnsi", "cs", "eastAsia", "hint"] as const).map((k) => (font[k] ? ` w:${k}="${font[k]}"` : "")).join("")}/>`;
  const size = run.size === undefined ? "" : `<w:sz w:val="${run.size}"/><w:szCs w:val="${run.size}"/>`;
  const lang = run.language ? `<w:lang${run.language.value ? ` w:val="${run.language.value}"` : ""}${run.language.eastAsia ? ` w:eastAsia="${run.language.eastAsia}"` : ""}/>` : "";
  const xml = fonts + size + lang;
  return xml ? `<w:rPr>${xml}</w:rPr>` : "";
}

function paraPropsXml(p: ParaProps | undefined): string {
  if (!p) return "";
  unsupported("paragraph", Object.keys(p), PARA_KEYS);
  const s = p.spacing;
  const attrs = (o: object | undefined) => Object.entries(o ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => ` w:${k}="${String(v)}"`).join("");
  const xml =
    (p.keepNext ? "<w:keepNext/>" : "") +
    (p.keepLines ? "<w:keepLines/>" : "") +
    (p.rightTabStop ? `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${p.rightTabStop}"/></w:tabs>` : "") +
    (s ? `<w:spacing${attrs({ line: s.line, lineRule: s.lineRule, before: s.before, after: s.after })}/>` : "") +
    (p.indent ? `<w:ind${attrs(p.indent)}/>` : "") +
    (p.alignment ? `<w:jc w:val="${p.alignment}"/>` : "") +
    (p.outlineLevel === undefined ? "" : `<w:outlineLvl w:val="${p.outlineLevel}"/>`);
  return xml ? `<w:pPr>${xml}</w:pPr>` : "";
}

/** word/styles.xml: the document defaults, a Normal style, then each paragraph style. */
export function stylesXml(options: IStylesOptions): string {
  const doc = options.default?.document;
  const styles = (options.paragraphStyles ?? []).map(
    (s) =>
      `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${escapeXml(s.name ?? s.id)}"/>` +
      (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : "") +
      (s.next ? `<w:next w:val="${s.next}"/>` : "") +
      (s.quickFormat ? "<w:qFormat/>" : "") +
      paraPropsXml(s.paragraph) +
      runPropsXml(s.run) +
      "</w:style>",
  );
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${W_NS}"><w:docDefaults><w:rPrDefault>${runPropsXml(doc?.run) || "<w:rPr/>"}</w:rPrDefault>` +
    `<w:pPrDefault>${paraPropsXml(doc?.paragraph) || "<w:pPr/>"}</w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    styles.join("") +
    "</w:styles>"
  );
}

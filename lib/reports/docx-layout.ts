// The page and the styles of the Word report, after GB/T 9704 (党政机关公文格式): A4, type area
// 156 × 225 mm, 22 lines of 三号 仿宋 per page, titles in 小标宋, headings in 黑体. Pure data.
import { AlignmentType, LineRuleType, type IFontAttributesProperties, type IStylesOptions } from "docx";

export const FONTS = {
  title: "方正小标宋简体",
  heading: "黑体",
  body: "仿宋_GB2312",
  subheading: "楷体_GB2312",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;

/** Chinese type sizes in half-points (w:sz). */
export const SIZES = { er: 44, san: 32, si: 28, xiaosi: 24, wu: 21, xiaowu: 18 } as const;

const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) },
} as const;

/** Width of the type area in twips (156 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** 28.95 pt: 22 lines fill the 225 mm type area. */
export const BODY_LINE = 579;
/** One 三号 character (16 pt) in twips, for indents. */
export const CHAR = 320;

export const STYLES = {
  marking: "ReportMarking",
  title: "ReportTitle",
  subtitle: "ReportSubtitle",
  heading: "ReportHeading",
  subheading: "ReportSubheading",
  body: "ReportBody",
  plain: "ReportPlain",
  signature: "ReportSignature",
  tableHeader: "ReportTableHeader",
  tableText: "ReportTableText",
  pageHeader: "ReportPageHeader",
  pageNumber: "ReportPageNumber",
} as const;

/** Chinese text in `eastAsia`, digits and Latin letters in the Latin font; quotes follow the Chinese font. */
function fonts(eastAsia: string, latin: string = FONTS.latin): IFontAttributesProperties {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: "eastAsia" };
}

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

export const reportStyles: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts(FONTS.body), size: SIZES.san, language: { value: "en-US", eastAsia: "zh-CN" } },
      paragraph: { spacing: exact(BODY_LINE), alignment: AlignmentType.JUSTIFIED },
    },
  },
  paragraphStyles: [
    { id: STYLES.marking, name: "报告密级标志", basedOn: "Normal", run: { font: fonts(FONTS.heading, FONTS.heading), size: SIZES.san } },
    {
      id: STYLES.title, name: "报告标题", basedOn: "Normal", next: STYLES.subtitle,
      run: { font: fonts(FONTS.title, FONTS.title), size: SIZES.er },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(700), before: BODY_LINE }, keepNext: true, keepLines: true },
    },
    { id: STYLES.subtitle, name: "报告版本和日期", basedOn: "Normal", run: { font: fonts(FONTS.subheading) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { ...exact(BODY_LINE), after: BODY_LINE } } },
    {
      id: STYLES.heading, name: "报告一级标题", basedOn: "Normal", next: STYLES.body,
      run: { font: fonts(FONTS.heading, FONTS.heading), size: SIZES.san },
      paragraph: { indent: { firstLine: 2 * CHAR }, keepNext: true, outlineLevel: 0 },
    },
    { id: STYLES.subheading, name: "报告二级标题", basedOn: "Normal", run: { font: fonts(FONTS.subheading) }, paragraph: { indent: { firstLine: 2 * CHAR }, keepNext: true, outlineLevel: 1 } },
    { id: STYLES.body, name: "报告正文", basedOn: "Normal", paragraph: { indent: { firstLine: 2 * CHAR } } },
    { id: STYLES.plain, name: "报告正文（不缩进）", basedOn: "Normal" },
    { id: STYLES.signature, name: "报告落款", basedOn: "Normal", paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR } } },
    { id: STYLES.tableHeader, name: "报告表头", basedOn: "Normal", run: { font: fonts(FONTS.heading, FONTS.heading), size: SIZES.wu }, paragraph: { alignment: AlignmentType.CENTER, spacing: single } },
    { id: STYLES.tableText, name: "报告表格文字", basedOn: "Normal", run: { size: SIZES.wu }, paragraph: { alignment: AlignmentType.LEFT, spacing: single } },
    { id: STYLES.pageHeader, name: "报告页眉", basedOn: "Normal", run: { size: SIZES.xiaowu }, paragraph: { alignment: AlignmentType.RIGHT, spacing: single } },
    { id: STYLES.pageNumber, name: "报告页码", basedOn: "Normal", run: { font: fonts(FONTS.pageNumber, FONTS.pageNumber), size: SIZES.si }, paragraph: { alignment: AlignmentType.CENTER, spacing: single } },
  ],
};

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
type FontEntry = { name: string; altName?: string; charset: string; family: string; pitch: string };
const FONT_ENTRIES: FontEntry[] = [
  { name: FONTS.body, altName: "仿宋", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONTS.subheading, altName: "楷体", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONTS.heading, altName: "SimHei", charset: "86", family: "modern", pitch: "fixed" },
  { name: FONTS.title, altName: "宋体", charset: "86", family: "auto", pitch: "variable" },
  { name: FONTS.pageNumber, altName: "SimSun", charset: "86", family: "auto", pitch: "variable" },
  { name: FONTS.latin, charset: "00", family: "roman", pitch: "variable" },
];

/**
 * The font table (word/fontTable.xml) with each Chinese font's alternative name and GB2312 charset,
 * so Word and WPS substitute a close font (方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋) where one is
 * not installed, instead of a Latin one.
 */
export const FONT_TABLE = {
  path: "word/fontTable.xml",
  data:
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">` +
    FONT_ENTRIES.map(
      (f) =>
        `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ""}` +
        `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    ).join("") +
    `</w:fonts>`,
};

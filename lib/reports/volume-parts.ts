// The compiled volume's package parts other than word/document.xml: content types, relationships,
// the styles (the single report's own, docx-layout.ts, plus the volume's cover, contents and
// headings), settings, the running header, the page-number footer, the font table and the document
// properties. Pure.
import type { IParagraphStyleOptions, IStylesOptions } from "docx";
import { dateCn } from "./model";
import { BODY_LINE, CHAR, FONT_TABLE, FONTS, SIZES, STYLES, TEXT_WIDTH, reportStyles } from "./docx-layout";
import { escapeXml, fieldXml, R_NS, runsXml, stylesXml, textParagraphXml, W_NS, XML_DECLARATION } from "./ooxml";
import { REL, VOLUME_STYLES, volumeTitle, type VolumeCover } from "./volume-xml";

const fonts = (eastAsia: string, latin: string = FONTS.latin) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: "eastAsia" });
const exact = (line: number, before = 0, after = 0) => ({ line, lineRule: "exact", before, after }) as const;
/** 一号 (26 pt) in half-points, for the cover's title. */
const YIHAO = 52;

const volumeOwnStyles: IParagraphStyleOptions[] = [
  {
    id: VOLUME_STYLES.part, name: "heading 1", basedOn: "Normal", next: STYLES.body, quickFormat: true,
    run: { font: fonts(FONTS.title, FONTS.title), size: SIZES.er },
    paragraph: { alignment: "center", spacing: exact(700, 4 * BODY_LINE, BODY_LINE), keepNext: true, keepLines: true, outlineLevel: 0 },
  },
  {
    id: VOLUME_STYLES.chapter, name: "heading 2", basedOn: "Normal", next: STYLES.body, quickFormat: true,
    run: { font: fonts(FONTS.heading, FONTS.heading), size: SIZES.san },
    paragraph: { alignment: "left", spacing: exact(BODY_LINE, 0, BODY_LINE / 2), keepNext: true, keepLines: true, outlineLevel: 1 },
  },
  {
    id: VOLUME_STYLES.coverTitle, name: "汇编封面标题", basedOn: "Normal",
    run: { font: fonts(FONTS.title, FONTS.title), size: YIHAO },
    paragraph: { alignment: "center", spacing: exact(1000), keepLines: true },
  },
  { id: VOLUME_STYLES.coverLine, name: "汇编封面文字", basedOn: "Normal", run: { font: fonts(FONTS.subheading) }, paragraph: { alignment: "center" } },
  {
    id: VOLUME_STYLES.contentsTitle, name: "汇编目录标题", basedOn: "Normal",
    run: { font: fonts(FONTS.title, FONTS.title), size: SIZES.er },
    paragraph: { alignment: "center", spacing: exact(700, 0, BODY_LINE) },
  },
  {
    id: VOLUME_STYLES.contents1, name: "toc 1", basedOn: "Normal", next: STYLES.body,
    run: { font: fonts(FONTS.heading, FONTS.heading), size: SIZES.si },
    paragraph: { alignment: "left", spacing: exact(480, 120, 0), rightTabStop: TEXT_WIDTH },
  },
  {
    id: VOLUME_STYLES.contents2, name: "toc 2", basedOn: "Normal", next: STYLES.body,
    run: { size: SIZES.xiaosi },
    paragraph: { alignment: "left", spacing: exact(400), indent: { left: 2 * (CHAR * SIZES.xiaosi) / SIZES.san }, rightTabStop: TEXT_WIDTH },
  },
];

/**
 * The report's styles with their outline levels moved down two (a part heading of a chapter is level
 * 3, so the contents, levels 1–2, list the chapters and not 5 lines per unit), and the volume's own.
 */
export const volumeStyles: IStylesOptions = {
  default: reportStyles.default,
  paragraphStyles: [
    ...(reportStyles.paragraphStyles ?? []).map((s) =>
      s.paragraph?.outlineLevel === undefined ? s : { ...s, paragraph: { ...s.paragraph, outlineLevel: s.paragraph.outlineLevel + 2 } },
    ),
    ...volumeOwnStyles,
  ],
};

const CT = "application/vnd.openxmlformats-officedocument";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${CT}.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${CT}.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${CT}.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${CT}.wordprocessingml.fontTable+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="${CT}.wordprocessingml.header+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="${CT}.wordprocessingml.footer+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`;

const PACKAGE_RELS =
  `${XML_DECLARATION}<Relationships xmlns="${REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL_TYPE}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOCUMENT_RELS =
  `${XML_DECLARATION}<Relationships xmlns="${REL_NS}">` +
  `<Relationship Id="${REL.styles}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
  `<Relationship Id="${REL.settings}" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
  `<Relationship Id="${REL.fontTable}" Type="${REL_TYPE}/fontTable" Target="fontTable.xml"/>` +
  `<Relationship Id="${REL.header}" Type="${REL_TYPE}/header" Target="header1.xml"/>` +
  `<Relationship Id="${REL.footer}" Type="${REL_TYPE}/footer" Target="footer1.xml"/></Relationships>`;

/** updateFields: Word offers to update the fields on opening, filling in the contents' page numbers. */
const SETTINGS =
  `${XML_DECLARATION}<w:settings xmlns:w="${W_NS}"><w:defaultTabStop w:val="${CHAR * 2}"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
  '<w:updateFields w:val="true"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

const FOOTER =
  `${XML_DECLARATION}<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">` +
  `<w:p><w:pPr><w:pStyle w:val="${STYLES.pageNumber}"/></w:pPr>${runsXml("— ")}${fieldXml("PAGE", "")}${runsXml(" —")}</w:p></w:ftr>`;

function headerXml(cycleName: string): string {
  return `${XML_DECLARATION}<w:hdr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${textParagraphXml(STYLES.pageHeader, volumeTitle(cycleName))}</w:hdr>`;
}

function coreXml(cover: VolumeCover): string {
  const created = new Date(`${cover.date}T00:00:00+08:00`).toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(volumeTitle(cover.cycle.name))}</dc:title><dc:subject>${escapeXml(`${cover.cycle.name}（${dateCn(cover.date)}）`)}</dc:subject>` +
    `<dc:creator>${escapeXml(cover.issuer)}</dc:creator><cp:keywords>${escapeXml(cover.marking)}</cp:keywords>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`
  );
}

const APP =
  `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>integrity-eval</Application></Properties>`;

/** Every part but word/document.xml, by its path in the package; [Content_Types].xml first. */
export function volumePackageParts(cover: VolumeCover): { before: [string, string][]; after: [string, string][] } {
  return {
    before: [["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", PACKAGE_RELS]],
    after: [
      ["word/_rels/document.xml.rels", DOCUMENT_RELS],
      ["word/styles.xml", stylesXml(volumeStyles)],
      ["word/settings.xml", SETTINGS],
      ["word/fontTable.xml", FONT_TABLE.data],
      ["word/header1.xml", headerXml(cover.cycle.name)],
      ["word/footer1.xml", FOOTER],
      ["docProps/core.xml", coreXml(cover)],
      ["docProps/app.xml", APP],
    ],
  };
}

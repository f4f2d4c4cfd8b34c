// The compiled volume's (汇编) word/document.xml, piece by piece, for volume.ts to stream: the cover,
// the contents (a real TOC field whose cached result already lists every entry), the ranking table
// of each scheme, then one chapter per unit with its final report — the same blocks, in the same
// styles, as the single Word report (report-blocks.ts). Pure.
import { dateCn, type UnitReport } from "./model";
import { PAGE, STYLES } from "./docx-layout";
import {
  bookmarkXml, escapeXml, internalLinkXml, paragraphXml, R_NS, runsXml, tableEndXml, tableRowXml, tableStartXml,
  tableXml, textParagraphXml, W_NS, XML_DECLARATION,
} from "./ooxml";
import { chineseNumber, openingBlocks, partBlocks, signatureBlocks, type Block, type Column } from "./report-blocks";

/** The volume's own paragraph styles (volume-parts.ts defines them); built-in heading names so Word's TOC and navigation find them. */
export const VOLUME_STYLES = {
  part: "Heading1",
  chapter: "Heading2",
  coverTitle: "VolumeCoverTitle",
  coverLine: "VolumeCoverLine",
  contentsTitle: "VolumeContentsTitle",
  contents1: "TOC1",
  contents2: "TOC2",
} as const;

export const VOLUME_PARTS = ["第一部分　评价结果排名", "第二部分　各单位评价报告"] as const;
export const CONTENTS_TITLE = "目　录";
export const CONTENTS_FIELD = 'TOC \\o "1-2" \\h \\z \\u';
export const RANKING_COLUMNS: readonly Column[] = [
  { header: "名次", width: 10, align: "center" },
  { header: "单位名称", width: 46 },
  { header: "单位类型", width: 16, align: "center" },
  { header: "总分", width: 14, align: "center" },
  { header: "等次", width: 14, align: "center" },
];

/** Relationship ids of word/_rels/document.xml.rels (volume-parts.ts). */
export const REL = { styles: "rId1", settings: "rId2", fontTable: "rId3", header: "rId4", footer: "rId5" } as const;

export type VolumeCover = { cycle: { name: string; year: number }; issuer: string; date: string; marking: string };
export type VolumeScheme = { key: string; title: string; units: number };
export type VolumeRankingRow = { unitId: string; schemeKey: string; position: number; name: string; kind: string; total: string; grade: string | null };

export const volumeTitle = (cycleName: string) => `${cycleName}结果汇编`;
export const schemeHeading = (scheme: VolumeScheme, index: number) => `（${chineseNumber(index + 1)}）${scheme.title}（${scheme.units}个单位）`;
export const chapterHeading = (chapterNo: number, unitName: string) => `${chapterNo}．${unitName}`;

// Bookmarks: the two parts, each scheme's ranking table, each chapter (ids kept apart by range).
const anchors = {
  part: (p: number) => ({ id: p + 1, name: `_TocVolPart${p + 1}` }),
  scheme: (s: number) => ({ id: 100 + s, name: `_TocVolScheme${s + 1}` }),
  chapter: (n: number) => ({ id: 1000 + n, name: `_TocVolUnit${n}` }),
};

function sectionXml(options: { header?: boolean; footer?: boolean; numbers?: "lowerRoman" | "decimal" }): string {
  const m = PAGE.margin;
  return (
    "<w:sectPr>" +
    (options.header ? `<w:headerReference w:type="default" r:id="${REL.header}"/>` : "") +
    (options.footer ? `<w:footerReference w:type="default" r:id="${REL.footer}"/>` : "") +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>` +
    (options.numbers ? `<w:pgNumType w:fmt="${options.numbers}" w:start="1"/>` : "") +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

export function documentStartXml(): string {
  return `${XML_DECLARATION}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>`;
}

/** The last section (the ranking tables and chapters): the running header and page numbers from 1. */
export function documentEndXml(): string {
  return `${sectionXml({ header: true, footer: true, numbers: "decimal" })}</w:body></w:document>`;
}

/** The cover, a section of its own without header or page number. */
export function coverXml(cover: VolumeCover): string {
  const blank = paragraphXml(STYLES.plain);
  const withYear = cover.cycle.name.includes(String(cover.cycle.year)) ? [] : [textParagraphXml(VOLUME_STYLES.coverLine, `（${cover.cycle.year}年度）`)];
  return (
    textParagraphXml(STYLES.marking, cover.marking) +
    blank.repeat(4) +
    textParagraphXml(VOLUME_STYLES.coverTitle, `${cover.cycle.name}\n结果汇编`) +
    withYear.join("") +
    blank.repeat(withYear.length > 0 ? 7 : 8) +
    textParagraphXml(VOLUME_STYLES.coverLine, cover.issuer) +
    textParagraphXml(VOLUME_STYLES.coverLine, dateCn(cover.date), { section: sectionXml({}) })
  );
}

export type ContentsEntry = { level: 1 | 2; text: string; anchor: string };

/** The contents' entries, in order: each part, each scheme's table, each chapter (from the ranking order). */
export const contentsEntries = {
  part: (p: number): ContentsEntry => ({ level: 1, text: VOLUME_PARTS[p]!, anchor: anchors.part(p).name }),
  scheme: (scheme: VolumeScheme, s: number): ContentsEntry => ({ level: 2, text: schemeHeading(scheme, s), anchor: anchors.scheme(s).name }),
  chapter: (chapterNo: number, unitName: string): ContentsEntry => ({ level: 2, text: chapterHeading(chapterNo, unitName), anchor: anchors.chapter(chapterNo).name }),
};

/**
 * One line of the contents, a link to its heading. The page numbers come when Word updates the
 * field (settings.xml asks for that on opening; LibreOffice: Update index); until then the cached
 * lines read as a plain list. The first line also opens the TOC field.
 */
export function contentsEntryXml(entry: ContentsEntry, first = false): string {
  const style = entry.level === 1 ? VOLUME_STYLES.contents1 : VOLUME_STYLES.contents2;
  const open = first
    ? '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' +
      `<w:r><w:instrText xml:space="preserve"> ${escapeXml(CONTENTS_FIELD)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`
    : "";
  return paragraphXml(style, open + internalLinkXml(entry.anchor, runsXml(entry.text)));
}

/** The contents page's title. */
export function contentsStartXml(): string {
  return textParagraphXml(VOLUME_STYLES.contentsTitle, CONTENTS_TITLE);
}

/**
 * Closes the TOC field; the contents are a section of their own, numbered i, ii, iii… (The section
 * break has a paragraph of its own: LibreOffice drops the footer's page number of a section that
 * ends inside the field.)
 */
export function contentsEndXml(): string {
  return (
    paragraphXml(STYLES.plain, '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
    paragraphXml(STYLES.plain, "", { section: sectionXml({ footer: true, numbers: "lowerRoman" }) })
  );
}

function headingXml(style: string, text: string, anchor: { id: number; name: string }, pageBreakBefore: boolean): string {
  return paragraphXml(style, bookmarkXml(anchor.id, anchor.name, runsXml(text)), { pageBreakBefore });
}

export function partHeadingXml(p: number): string {
  return headingXml(VOLUME_STYLES.part, VOLUME_PARTS[p]!, anchors.part(p), p > 0);
}

/** A scheme's heading and the start of its ranking table; rows follow (rankingRowXml), then tableEndXml. */
export function rankingTableStartXml(scheme: VolumeScheme, s: number): string {
  return headingXml(VOLUME_STYLES.chapter, schemeHeading(scheme, s), anchors.scheme(s), false) + tableStartXml(RANKING_COLUMNS);
}

export function rankingRowXml(row: VolumeRankingRow): string {
  return tableRowXml(RANKING_COLUMNS, [String(row.position), row.name, row.kind, row.total, row.grade ?? "—"]);
}

export { tableEndXml as rankingTableEndXml };

function blockXml(block: Block): string {
  return block.kind === "table" ? tableXml(block.columns, block.rows) : textParagraphXml(block.style, block.texts);
}

/**
 * One unit's chapter on a new page: its heading (the contents' target), then its report as the unit
 * received it, without the marking (the volume carries it on its cover).
 */
export function volumeChapterXml(report: UnitReport, chapterNo: number): string {
  const blocks = [...openingBlocks(report, { marking: false }), ...partBlocks(report), ...signatureBlocks(report)];
  return headingXml(VOLUME_STYLES.chapter, chapterHeading(chapterNo, report.unit.name), anchors.chapter(chapterNo), true) + blocks.map(blockXml).join("");
}

import { describe, expect, it } from "vitest";
import { PART_HEADINGS, reportToDocx } from "@/lib/reports/docx";
import { STYLES } from "@/lib/reports/docx-layout";
import { buildReport, REVIEW_HEADING } from "@/lib/reports/model";
import { stylesXml, W_NS } from "@/lib/reports/ooxml";
import { volumeStyles } from "@/lib/reports/volume-parts";
import { CONTENTS_FIELD, contentsEntries, contentsEntryXml, coverXml, rankingRowXml, VOLUME_STYLES, volumeChapterXml } from "@/lib/reports/volume-xml";
import { paragraphs, readDocx } from "../../support/docx";
import { findAll, parseXml, textOf } from "../../support/xml";
import { reportInput } from "./fixture";

const inBody = (xml: string) => parseXml(`<w:document xmlns:w="${W_NS}" xmlns:r="r"><w:body>${xml}</w:body></w:document>`);

describe("a unit's chapter", async () => {
  const report = buildReport(reportInput());
  const chapter = volumeChapterXml(report, 7);
  const single = await readDocx(await reportToDocx(report));

  it("is well-formed XML", () => {
    expect(() => inBody(chapter)).not.toThrow();
  });

  it("opens on a new page with its numbered heading, a level-2 heading the contents link to", () => {
    const first = findAll(inBody(chapter), "w:p")[0]!;
    expect(textOf(first)).toBe("7．鹤岗市示例局");
    expect(findAll(first, "w:pStyle")[0]?.attributes["w:val"]).toBe(VOLUME_STYLES.chapter);
    expect(findAll(first, "w:pageBreakBefore")).toHaveLength(1);
    expect(findAll(first, "w:bookmarkStart")[0]?.attributes["w:name"]).toBe(contentsEntries.chapter(7, "鹤岗市示例局").anchor);
  });

  it("is the report the unit received, word for word, after its heading and without the marking", () => {
    const text = paragraphs(chapter);
    expect(text.slice(1)).toEqual(paragraphs(single.document).filter((t) => t !== report.marking));
    expect(text).toContain(PART_HEADINGS[4]);
    expect(text.join("|")).toContain(`${report.summary.total}`);
  });

  it("uses the report's styles for every paragraph of the report", () => {
    const styleOf = (xml: string) => [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]).filter((s) => s !== STYLES.marking);
    expect(styleOf(chapter).slice(1)).toEqual(styleOf(single.document));
  });

  it("carries a revised report's 复评情况, and escapes whatever a name holds", () => {
    const revised = buildReport(reportInput({
      version: "revised",
      unit: { id: "u", name: "向阳区<市场>监督&管理局", uscc: "11230400MB1234567X", kindLabel: "县区" },
      review: { decidedAt: "2026-11-30", initialTotal: "76.00", initialGrade: "一般", items: [{ indicatorCode: "LAW.EXAM", reason: "通报已撤销", decision: "upheld", decisionReason: "予以更正", initialScore: "12.00", finalScore: "14.00" }] },
    }));
    const text = paragraphs(volumeChapterXml(revised, 1));
    expect(text[0]).toBe("1．向阳区<市场>监督&管理局");
    expect(text).toContain(REVIEW_HEADING);
    expect(() => inBody(volumeChapterXml(revised, 1))).not.toThrow();
  });
});

describe("the volume's front matter", () => {
  it("the cover names the cycle, the year when the name lacks it, the issuer, the date and the marking", () => {
    const cover = (name: string) => paragraphs(coverXml({ cycle: { name, year: 2026 }, issuer: "鹤岗市信用办", date: "2026-12-20", marking: "内部资料 注意保密" }));
    expect(cover("2026年度政务诚信评价")).toEqual(["内部资料 注意保密", "2026年度政务诚信评价结果汇编", "鹤岗市信用办", "2026年12月20日"]);
    expect(cover("政务诚信评价")).toContain("（2026年度）");
  });

  it("the first contents line opens a TOC field of levels 1–2 with hyperlinks", () => {
    const xml = contentsEntryXml(contentsEntries.part(0), true);
    expect(CONTENTS_FIELD).toMatch(/^TOC \\o "1-2" \\h/);
    expect(findAll(inBody(xml), "w:instrText")[0]?.text.trim()).toBe(CONTENTS_FIELD);
    expect(findAll(inBody(xml), "w:hyperlink")[0]?.attributes["w:anchor"]).toBe("_TocVolPart1");
    expect(contentsEntryXml(contentsEntries.chapter(3, "甲局"))).not.toContain("w:fldChar");
  });

  it("a ranking row: position, name, kind, total, grade (— when none)", () => {
    const row = rankingRowXml({ unitId: "u", schemeKey: "s", position: 3, name: "甲局", kind: "市直部门", total: "81.50", grade: null });
    expect(findAll(inBody(`<w:tbl>${row}</w:tbl>`), "w:tc").map(textOf)).toEqual(["3", "甲局", "市直部门", "81.50", "—"]);
  });
});

describe("the volume's styles", () => {
  const styles = parseXml(stylesXml(volumeStyles));
  const style = (id: string) => findAll(styles, "w:style").find((s) => s.attributes["w:styleId"] === id)!;
  const outline = (id: string) => findAll(style(id), "w:outlineLvl")[0]?.attributes["w:val"];

  it("parts and chapters are Word's built-in heading 1 and 2, so the contents and the navigation pane find them", () => {
    expect(findAll(style(VOLUME_STYLES.part), "w:name")[0]?.attributes["w:val"]).toBe("heading 1");
    expect(findAll(style(VOLUME_STYLES.chapter), "w:name")[0]?.attributes["w:val"]).toBe("heading 2");
    expect([outline(VOLUME_STYLES.part), outline(VOLUME_STYLES.chapter)]).toEqual(["0", "1"]);
  });

  it("a chapter's part headings sit below (levels 3 and 4), so the contents list units, not five lines each", () => {
    expect([outline(STYLES.heading), outline(STYLES.subheading)]).toEqual(["2", "3"]);
  });
});

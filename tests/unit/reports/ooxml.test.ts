import { describe, expect, it } from "vitest";
import { reportToDocx } from "@/lib/reports/docx";
import { reportStyles, STYLES, TEXT_WIDTH } from "@/lib/reports/docx-layout";
import { buildReport } from "@/lib/reports/model";
import { columnWidths, escapeXml, paragraphXml, runsXml, stylesXml, tableRowXml, tableXml, textParagraphXml, W_NS } from "@/lib/reports/ooxml";
import { readDocx } from "../../support/docx";
import { findAll, parseXml, textOf, type XmlElement } from "../../support/xml";
import { reportInput } from "./fixture";

const inBody = (xml: string) => parseXml(`<w:document xmlns:w="${W_NS}"><w:body>${xml}</w:body></w:document>`);

describe("escaping", () => {
  it("escapes the five XML specials, in text and in attribute values", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(textOf(inBody(textParagraphXml(STYLES.body, "<w:t>注入</w:t> & ]]>")))).toBe("<w:t>注入</w:t> & ]]>");
  });

  it("drops characters XML 1.0 cannot carry, keeps tabs, CJK extension characters and emoji", () => {
    expect(escapeXml("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF")).toBe("abcdef");
    expect(escapeXml("lone \uD800 high, lone \uDC00 low")).toBe("lone  high, lone  low");
    expect(escapeXml("\t𬌗𠀀🙂")).toBe("\t𬌗𠀀🙂");
  });

  it("parses back to the same text whatever a user typed", () => {
    const typed = "鹤岗市<某>局 & \"分局\" 'x' \u0007\r\n第二行";
    const doc = inBody(textParagraphXml(STYLES.body, typed));
    expect(textOf(doc)).toBe("鹤岗市<某>局 & \"分局\" 'x' 第二行");
  });
});

describe("runs and paragraphs", () => {
  it("keeps a typed line break as a w:br, spaces preserved", () => {
    expect(runsXml(" 一\n二 ")).toBe('<w:r><w:t xml:space="preserve"> 一</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">二 </w:t></w:r>');
  });

  it("writes paragraph properties in the schema's order", () => {
    const xml = paragraphXml("S", "", { pageBreakBefore: true, exactLine: 240, align: "center", section: "<w:sectPr/>" });
    expect(xml).toBe('<w:p><w:pPr><w:pStyle w:val="S"/><w:pageBreakBefore/><w:spacing w:line="240" w:lineRule="exact"/><w:jc w:val="center"/><w:sectPr/></w:pPr></w:p>');
  });

  it("an empty list of texts is an empty paragraph; several texts follow each other", () => {
    expect(textParagraphXml("S", [])).toBe('<w:p><w:pPr><w:pStyle w:val="S"/></w:pPr></w:p>');
    expect(textOf(inBody(textParagraphXml("S", ["（一）", "问题"])))).toBe("（一）问题");
  });
});

describe("tables", () => {
  const columns = [{ header: "序号", width: 8, align: "center" as const }, { header: "评价类别", width: 40 }, { header: "分值", width: 16, align: "center" as const }];

  it("scale the columns to the type area as the single report does", () => {
    const widths = columnWidths(columns);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(TEXT_WIDTH - widths.reduce((a, b) => a + b, 0)).toBeLessThan(columns.length);
  });

  it("repeat the header row on every page, never split a row, and span columns", () => {
    const doc = inBody(tableXml(columns, [["1", "依法行政", "40"], [{ text: "合计", span: 2, align: "center" }, "100"]]));
    const rows = findAll(doc, "w:tr");
    expect(rows.map((r) => findAll(r, "w:tc").map(textOf))).toEqual([["序号", "评价类别", "分值"], ["1", "依法行政", "40"], ["合计", "100"]]);
    expect(findAll(rows[0]!, "w:tblHeader")).toHaveLength(1);
    expect(findAll(rows[1]!, "w:tblHeader")).toHaveLength(0);
    expect(rows.every((r) => findAll(r, "w:cantSplit").length === 1)).toBe(true);
    expect(findAll(rows[2]!, "w:gridSpan")[0]?.attributes["w:val"]).toBe("2");
    const [w0, w1] = columnWidths(columns);
    expect(findAll(rows[2]!, "w:tcW")[0]?.attributes["w:w"]).toBe(String(w0! + w1!));
    expect(findAll(doc, "w:tblBorders")[0]!.children.map((b) => b.attributes["w:val"])).toEqual(Array(6).fill("single"));
  });

  it("set header cells and strong cells in the header style, others left or as the column says", () => {
    const row = inBody(`<w:tbl>${tableRowXml(columns, [{ text: "依法行政（40分）", span: 3, align: "left", strong: true }])}${tableRowXml(columns, ["1", "x", "2"])}</w:tbl>`);
    const styles = findAll(row, "w:pStyle").map((s) => s.attributes["w:val"]);
    expect(styles).toEqual([STYLES.tableHeader, STYLES.tableText, STYLES.tableText, STYLES.tableText]);
    expect(findAll(row, "w:jc").map((j) => j.attributes["w:val"])).toEqual(["left", "center", "left", "center"]);
  });
});

describe("styles", () => {
  const props = (style: XmlElement | undefined) =>
    Object.fromEntries(
      (style?.children ?? [])
        .filter((c) => c.name === "w:pPr" || c.name === "w:rPr")
        .flatMap((c) => c.children.map((p) => [`${c.name}/${p.name}`, p.attributes])),
    );
  const byId = (doc: XmlElement) => new Map(findAll(doc, "w:style").map((s) => [s.attributes["w:styleId"], s]));

  it("writes the report's styles exactly as the docx library does for the single report", async () => {
    const single = byId(parseXml((await readDocx(await reportToDocx(buildReport(reportInput())))).styles));
    const ours = byId(parseXml(stylesXml(reportStyles)));
    for (const id of Object.values(STYLES)) {
      expect(props(ours.get(id)), id).toEqual(props(single.get(id)));
      expect(ours.get(id)?.children.find((c) => c.name === "w:name")?.attributes["w:val"]).toBe(single.get(id)?.children.find((c) => c.name === "w:name")?.attributes["w:val"]);
    }
    const defaults = (doc: XmlElement) => props(findAll(doc, "w:rPrDefault")[0]);
    expect(defaults(parseXml(stylesXml(reportStyles)))).toEqual(defaults(parseXml((await readDocx(await reportToDocx(buildReport(reportInput())))).styles)));
  });

  it("refuses a style property it does not know instead of dropping it", () => {
    expect(() => stylesXml({ paragraphStyles: [{ id: "X", name: "x", run: { bold: true } }] })).toThrow(/bold/);
    expect(() => stylesXml({ paragraphStyles: [{ id: "X", name: "x", paragraph: { thematicBreak: true } }] })).toThrow(/thematicBreak/);
  });
});

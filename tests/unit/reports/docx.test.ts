import { describe, expect, it } from "vitest";
import { chineseNumber, PART_HEADINGS, reportToDocx } from "@/lib/reports/docx";
import { buildReport, OFFICE_INFORMATION_NOTE } from "@/lib/reports/model";
import { attributes, paragraphs, readDocx, styleXml } from "../../support/docx";
import { reportInput } from "./fixture";

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe("the Word report", async () => {
  const report = buildReport(reportInput());
  const bytes = await reportToDocx(report);
  const docx = await readDocx(bytes);
  const text = paragraphs(docx.document);
  const all = text.join("\n");

  it("is a zip package with the Word parts", () => {
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(docx.document).toContain("<w:body>");
  });

  it("opens with the marking, the title, the version and date, the cycle, the unit and its credit code", () => {
    expect(text.slice(0, 7)).toEqual([
      "内部资料 注意保密",
      "鹤岗市示例局2026年度政务诚信评价报告",
      "（初评　2026年11月21日）",
      "评价周期：2026年度政务诚信评价",
      "受评单位：鹤岗市示例局（市直部门）",
      "统一社会信用代码：11230400MB1234567X",
      "评价标准：报告测试评价标准（第2版）",
    ]);
  });

  it("has the five parts in order under their headings", () => {
    const at = PART_HEADINGS.map((h) => text.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("part 1: the sentence, each category's score and the total", () => {
    expect(all).toContain("鹤岗市示例局2026年度政务诚信评价初评得分78.00分，评价等次为“一般”，在5个同类单位中排第2位。");
    const table = text.slice(text.indexOf(PART_HEADINGS[0]), text.indexOf(PART_HEADINGS[1]));
    expect(table.join("|")).toContain("1|依法行政|40|34.00|2|勤政高效|60|44.00|合计|100|78.00|评价等次|一般");
  });

  it("part 2: every indicator and sub-item with its maximum, score and explanation", () => {
    const part = text.slice(text.indexOf(PART_HEADINGS[1]), text.indexOf(PART_HEADINGS[2])).join("|");
    for (const i of report.indicators) {
      expect(part).toContain(`|${i.name}|${i.max}|${i.score}|${i.explanation}|`);
      for (const [k, item] of i.items.entries()) expect(part).toContain(`|（${k + 1}）${item.name}|${item.max}|${item.score}|${item.explanation}`);
    }
    expect(part).toContain("|依法行政考核|20|14.00|考核扣分项3项，每项扣2分，扣6分，得14.00分|");
    expect(part).toContain("|满意度调查|10|10.00|不涉及，按满分计|");
  });

  it("part 3: each problem and its suggestion, numbered （一）（二）…", () => {
    const part = text.slice(text.indexOf(PART_HEADINGS[2]), text.indexOf(PART_HEADINGS[3]));
    expect(part.slice(1)).toEqual(report.problems.flatMap((p, i) => [`（${chineseNumber(i + 1)}）${p.problem}`, `改进建议：${p.suggestion}`]));
  });

  it("part 4: each slot's sources and answers, and every record with its source and evidence", () => {
    const part = text.slice(text.indexOf(PART_HEADINGS[3]), text.indexOf(PART_HEADINGS[4])).join("|");
    expect(part).toContain("|激励信息|国家级奖励得10分，省级奖励得5分，多项取最高一项|市文明办、市总工会|市总工会：无；市文明办：记录1条|");
    expect(part).toContain("|满意度调查|满意得10分，不满意得0分|市统计局|市统计局：不涉及（本年度未组织调查）|");
    expect(part).toContain("|依法行政考核|2026年9月1日|考核扣分项：执法案卷评查不合格|鹤司函〔2026〕31号|市司法局|评查结果.pdf、整改通知.docx|");
    expect(part).toContain("|激励信息|2026年5月4日|省级：获评省级文明单位|黑文明〔2026〕5号|市文明办|表彰决定.pdf|");
    expect(part).toContain("|信息公开 · 问题整改|2026年4月10日|发现问题：政策解读未同步发布|—|市政府办|—|");
  });

  it("part 5 and the sign-off: the not-applicable indicator, the issuer and the date, right-aligned", () => {
    const part = text.slice(text.indexOf(PART_HEADINGS[4]));
    expect(part).toEqual(["五、其他需要载明的事项", "（一）不涉及的指标：满意度调查，按评价标准的规定处理。", "鹤岗市社会信用体系建设工作领导小组办公室", "2026年11月21日"]);
    expect(docx.document).toMatch(/<w:pStyle w:val="ReportSignature"\/><\/w:pPr><w:r><w:t xml:space="preserve">鹤岗市社会信用体系建设工作领导小组办公室/);
    expect(styleXml(docx.styles, "ReportSignature")).toContain('<w:jc w:val="right"/>');
  });

  it("is A4 with margins top 37, bottom 35, left 28, right 26 mm", () => {
    expect(attributes(docx.document, "w:pgSz")).toMatchObject({ w: String(twips(210)), h: String(twips(297)) });
    expect(attributes(docx.document, "w:pgSz")).toMatchObject({ w: "11906", h: "16838" });
    expect(attributes(docx.document, "w:pgMar")).toMatchObject({ top: "2098", bottom: "1984", left: "1587", right: "1474" });
  });

  it("sets the body in 仿宋_GB2312 三号 (Times New Roman for Latin) with a fixed 28.95 pt line", () => {
    const defaults = docx.styles.slice(docx.styles.indexOf("<w:docDefaults>"), docx.styles.indexOf("</w:docDefaults>"));
    expect(attributes(defaults, "w:rFonts")).toMatchObject({ eastAsia: "仿宋_GB2312", ascii: "Times New Roman", hAnsi: "Times New Roman" });
    expect(attributes(defaults, "w:sz")).toEqual({ val: "32" });
    expect(attributes(defaults, "w:spacing")).toMatchObject({ line: "579", lineRule: "exact" });
  });

  it("sets the title in 方正小标宋简体 二号, falling back to 宋体/SimSun; the marking and headings in 黑体 三号", () => {
    const title = styleXml(docx.styles, "ReportTitle");
    expect(attributes(title, "w:rFonts")).toMatchObject({ eastAsia: "方正小标宋简体" });
    expect(attributes(title, "w:sz")).toEqual({ val: "44" });
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(docx.fontTable).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/>');
    expect(docx.fontTable).toContain('<w:font w:name="宋体"><w:altName w:val="SimSun"/>');
    for (const id of ["ReportMarking", "ReportHeading"]) {
      expect(attributes(styleXml(docx.styles, id), "w:rFonts")).toMatchObject({ eastAsia: "黑体" });
      expect(attributes(styleXml(docx.styles, id), "w:sz")).toEqual({ val: "32" });
    }
    expect(docx.document).toContain('<w:pStyle w:val="ReportMarking"/>');
  });

  it("sets tables in 仿宋 五号 with borders, their header row repeated on every page", () => {
    expect(attributes(styleXml(docx.styles, "ReportTableText"), "w:sz")).toEqual({ val: "21" });
    expect(docx.document.match(/<w:tbl>/g)).toHaveLength(4);
    expect(docx.document.match(/<w:tblHeader\/>/g)).toHaveLength(4);
    expect(attributes(docx.document, "w:insideH")).toMatchObject({ val: "single" });
  });

  it("numbers pages “— 1 —” in 宋体 四号, centred, and heads later pages with the cycle, unit and code", () => {
    expect(docx.footers).toHaveLength(2);
    for (const footer of docx.footers) {
      expect(footer).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
      expect(footer).toContain('<w:pStyle w:val="ReportPageNumber"/>');
    }
    const pageNumber = styleXml(docx.styles, "ReportPageNumber");
    expect(attributes(pageNumber, "w:rFonts")).toMatchObject({ eastAsia: "宋体", ascii: "宋体" });
    expect(attributes(pageNumber, "w:sz")).toEqual({ val: "28" });
    expect(pageNumber).toContain('<w:jc w:val="center"/>');
    expect(docx.headers.map((h) => paragraphs(h).join(""))).toContain("2026年度政务诚信评价　鹤岗市示例局（统一社会信用代码：11230400MB1234567X）　初评");
  });

  it("says 无 for empty parts, and carries bad records and the office-information note", async () => {
    const input = reportInput({
      badRecords: [{ kind: "late_unit", reason: "经督促仍未提交自评报告", date: "2026-10-09" }],
      evaluatedOnOfficeInformation: true,
      texts: { items: [], editedByName: "王科员", editedAt: "2026-11-20T02:00:00.000Z", resultId: "result-1", version: 1 },
      records: [],
      entries: [],
    });
    const other = paragraphs((await readDocx(await reportToDocx(buildReport(input)))).document);
    expect(other[other.indexOf(PART_HEADINGS[2]) + 1]).toBe("无。");
    expect(other[other.indexOf("（二）评价所依据的记录") + 1]).toBe("无。");
    expect(other).toContain("（一）不良记录：未按时报送自评材料（2026年10月9日），经督促仍未提交自评报告。");
    expect(other).toContain(`（二）${OFFICE_INFORMATION_NOTE}`);
  });

  it("escapes markup, drops characters XML cannot carry and keeps typed line breaks", async () => {
    const input = reportInput({ texts: { items: [{ indicatorCode: "", problem: "第一行\u0007\n第二行 <w:p> & “引号”", suggestion: "改进" }], editedByName: null, editedAt: "2026-11-20T02:00:00.000Z", resultId: "result-1", version: 1 } });
    const xml = (await readDocx(await reportToDocx(buildReport(input)))).document;
    expect(xml).not.toContain("\u0007");
    expect(xml).toContain('第一行</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">第二行 &lt;w:p&gt; &amp; “引号”');
    expect(paragraphs(xml)).toContain("（一）第一行第二行 <w:p> & “引号”");
  });
});

describe("chineseNumber", () => {
  it("writes the numbering of （一）（二）…", () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumber)).toEqual(["一", "九", "十", "十一", "二十", "二十三", "九十九"]);
  });
});

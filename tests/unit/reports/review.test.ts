import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { PART_HEADINGS, reportToDocx } from "@/lib/reports/docx";
import { buildReport, REVIEW_FINAL_NOTE, type ReportReviewInput } from "@/lib/reports/model";
import { HEADER_ROW, REPORT_SHEETS, reportToXlsx } from "@/lib/reports/xlsx";
import { cellText } from "@/lib/spreadsheet/cells";
import { paragraphs, readDocx } from "../../support/docx";
import { reportInput } from "./fixture";

/*
 * The fixture's result (78.00, 一般) is the revised one. Before the review LAW.EXAM had 12.00 (one
 * more deduction, later found void: upheld) and the total was 76.00; WORK.TARGET was disputed and
 * rejected. The items come in the request's order, not the scheme's.
 */
const review: ReportReviewInput = {
  decidedAt: "2026-11-30",
  items: [
    { indicatorCode: "WORK.TARGET", reason: "考核等次评定有误，应为优秀。", decision: "rejected", decisionReason: "理由和证明材料不充分", initialScore: "21.00", finalScore: "21.00" },
    { indicatorCode: "LAW.EXAM", reason: "其中一项扣分所依据的通报已被撤销。", decision: "upheld", decisionReason: "经核实，该项通报已撤销，予以更正", initialScore: "12.00", finalScore: "14.00" },
  ],
  initialTotal: "76.00",
  initialGrade: "一般",
};
const revisedInput = (overrides: Partial<ReportReviewInput> = {}) => reportInput({ version: "revised", date: "2026-11-30", review: { ...review, ...overrides } });

describe("a revised report (复评)", () => {
  const report = buildReport(revisedInput());

  it("is labelled 复评 and its sentence gives the revised score", () => {
    expect(report.versionLabel).toBe("复评");
    expect(report.summary.sentence).toBe("鹤岗市示例局2026年度政务诚信评价复评得分78.00分，评价等次为“一般”，在5个同类单位中排第2位。");
    expect(report.dateCn).toBe("2026年11月30日");
  });

  it("lists the disputed indicators in the scheme's order by name, with both scores, the decision and its reason", () => {
    expect(report.review?.items).toEqual([
      {
        indicatorCode: "LAW.EXAM", name: "依法行政考核", reason: "其中一项扣分所依据的通报已被撤销。",
        decision: "upheld", decisionLabel: "采纳", decisionReason: "经核实，该项通报已撤销，予以更正", initialScore: "12.00", finalScore: "14.00", change: "+2.00",
      },
      {
        indicatorCode: "WORK.TARGET", name: "目标责任考核", reason: "考核等次评定有误，应为优秀。",
        decision: "rejected", decisionLabel: "不予采纳", decisionReason: "理由和证明材料不充分", initialScore: "21.00", finalScore: "21.00", change: "0.00",
      },
    ]);
  });

  it("gives the totals before and after, their change, and the decision in words", () => {
    expect(report.review).toMatchObject({
      decidedAt: "2026-11-30",
      decidedAtCn: "2026年11月30日",
      initial: { total: "76.00", grade: "一般" },
      final: { total: "78.00", grade: "一般" },
      change: "+2.00",
      decisionSentence: "2026年11月30日，对受评单位提出异议的2项指标作出复评决定：采纳1项，不予采纳1项。",
      totalSentence: "初评总分76.00分（一般），复评总分78.00分（一般），增加2.00分。",
    });
  });

  it("says so when the total fell or stayed, and leaves out a grade the scheme has not", () => {
    const fell = buildReport(revisedInput({ initialTotal: "80.50", initialGrade: "良好" })).review!;
    expect([fell.change, fell.totalSentence]).toEqual(["-2.50", "初评总分80.50分（良好），复评总分78.00分（一般），减少2.50分。"]);
    const same = buildReport(revisedInput({ initialTotal: "78.00", initialGrade: null })).review!;
    expect([same.change, same.totalSentence]).toEqual(["0.00", "初评总分78.00分，复评总分78.00分（一般），总分不变。"]);
  });

  it("keeps an indicator the scheme does not know by its code, last, and a missing score without a change", () => {
    const odd = buildReport(revisedInput({ items: [{ indicatorCode: "GONE", reason: "原因", decision: "rejected", decisionReason: "不涉及", initialScore: null, finalScore: "1.00" }, review.items[1]!] })).review!;
    expect(odd.items.map((i) => [i.indicatorCode, i.name, i.change])).toEqual([["LAW.EXAM", "依法行政考核", "+2.00"], ["GONE", "GONE", null]]);
  });

  it("an initial report has no review", () => {
    expect(buildReport(reportInput()).review).toBeNull();
    expect(buildReport(reportInput({ review: null })).review).toBeNull();
  });
});

describe("the revised report in Word", async () => {
  const docx = await readDocx(await reportToDocx(buildReport(revisedInput())));
  const text = paragraphs(docx.document);

  it("is marked 复评 under the title and in the page header", () => {
    expect(text).toContain("（复评　2026年11月30日）");
    expect(docx.headers.join("")).toContain("复评");
    expect(text.join("\n")).toContain("复评得分78.00分");
  });

  it("closes part 1 with 复评情况: the decision, the table of disputed indicators and the totals; the five parts stay", () => {
    const at = text.indexOf("复评情况");
    expect(at).toBeGreaterThan(text.indexOf(PART_HEADINGS[0]));
    expect(at).toBeLessThan(text.indexOf(PART_HEADINGS[1]));
    expect(PART_HEADINGS.every((h) => text.includes(h))).toBe(true);
    expect(docx.document).toMatch(/<w:pStyle w:val="ReportSubheading"\/><\/w:pPr><w:r><w:t xml:space="preserve">复评情况/);
    const section = text.slice(at, text.indexOf(PART_HEADINGS[1])).join("|");
    expect(section).toBe([
      "复评情况",
      "2026年11月30日，对受评单位提出异议的2项指标作出复评决定：采纳1项，不予采纳1项。",
      "序号|指标|初评得分|复评得分|复评决定|理由",
      "1|依法行政考核|12.00|14.00|采纳|经核实，该项通报已撤销，予以更正",
      "2|目标责任考核|21.00|21.00|不予采纳|理由和证明材料不充分",
      `初评总分76.00分（一般），复评总分78.00分（一般），增加2.00分。${REVIEW_FINAL_NOTE}`,
    ].join("|"));
  });

  it("an initial report has no 复评情况", async () => {
    const initial = paragraphs((await readDocx(await reportToDocx(buildReport(reportInput())))).document);
    expect(initial).not.toContain("复评情况");
  });
});

describe("the revised report in Excel", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await reportToXlsx(buildReport(revisedInput()))).buffer);

  it("adds the sheet 复评情况 after 评分汇总, titled 复评", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["评分汇总", "复评情况", "单项评分", "问题与建议", "依据信息"]);
    expect(workbook.getWorksheet(REPORT_SHEETS.review)!.getCell("A2").value).toBe("鹤岗市示例局2026年度政务诚信评价报告（复评）");
  });

  it("复评情况: each disputed indicator's reason, scores, change and decision, then the totals and the sentences", () => {
    const sheet = workbook.getWorksheet(REPORT_SHEETS.review)!;
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, "序号", "指标代码", "指标", "申请理由", "初评得分", "复评得分", "增减", "复评决定", "理由"]);
    const rows: (string | number | null)[][] = [];
    sheet.eachRow((row, n) => {
      if (n <= HEADER_ROW) return;
      rows.push(Array.from({ length: sheet.columnCount }, (_, c) => {
        const v = row.getCell(c + 1).value;
        return typeof v === "number" ? v : v === null || v === undefined ? null : cellText(v);
      }));
    });
    expect(rows).toEqual([
      [1, "LAW.EXAM", "依法行政考核", "其中一项扣分所依据的通报已被撤销。", 12, 14, 2, "采纳", "经核实，该项通报已撤销，予以更正"],
      [2, "WORK.TARGET", "目标责任考核", "考核等次评定有误，应为优秀。", 21, 21, 0, "不予采纳", "理由和证明材料不充分"],
      [null, null, "总分", null, 76, 78, 2, null, null],
      [null, null, "评价等次", null, "一般", "一般", null, null, null],
      [null, null, "复评决定", "2026年11月30日，对受评单位提出异议的2项指标作出复评决定：采纳1项，不予采纳1项。", null, null, null, null, null],
      [null, null, "总分变化", `初评总分76.00分（一般），复评总分78.00分（一般），增加2.00分。${REVIEW_FINAL_NOTE}`, null, null, null, null, null],
    ]);
    expect(sheet.getCell(HEADER_ROW + 1, 5).numFmt).toBe("0.00");
  });
});

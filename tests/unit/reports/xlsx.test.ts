import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/reports/model";
import { HEADER_ROW, REPORT_SHEETS, reportToXlsx } from "@/lib/reports/xlsx";
import { cellText } from "@/lib/spreadsheet/cells";
import { reportInput } from "./fixture";

/** A workbook read back from the bytes (a copy: exceljs wants a plain ArrayBuffer). */
async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** The rows under the header row, as the values a person sees. */
function rowsOf(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(typeof v === "number" ? v : v === null || v === undefined ? null : cellText(v));
    }
    rows.push(values);
  });
  return rows;
}

describe("the Excel score tables", async () => {
  const report = buildReport(reportInput());
  const workbook = await load(await reportToXlsx(report));
  const sheet = (name: string) => workbook.getWorksheet(name)!;

  it("has the four sheets, each opening with the marking, the title and the unit line, its header row frozen", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["评分汇总", "单项评分", "问题与建议", "依据信息"]);
    for (const s of workbook.worksheets) {
      expect(s.getCell("A1").value).toBe("内部资料 注意保密");
      expect(s.getCell("A2").value).toBe("鹤岗市示例局2026年度政务诚信评价报告（初评）");
      expect(String(s.getCell("A3").value)).toContain("统一社会信用代码：11230400MB1234567X");
      expect(String(s.getCell("A3").value)).toContain("评价周期：2026年度政务诚信评价");
      expect(s.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
      expect(s.headerFooter.oddHeader).toContain("内部资料 注意保密");
    }
  });

  it("评分汇总: each category's weight, score and points lost, the total and the grade", () => {
    const s = sheet(REPORT_SHEETS.summary);
    expect(s.getRow(HEADER_ROW).values).toEqual([undefined, "序号", "评价类别", "分值", "得分", "失分"]);
    expect(rowsOf(s).slice(0, 5)).toEqual([
      [1, "依法行政", 40, 34, 6],
      [2, "勤政高效", 60, 44, 16],
      [null, "总分", 100, 78, 22],
      [null, "评价等次", "一般", null, null],
      [null, "排名", "2/5", null, null],
    ]);
    expect(s.getCell(HEADER_ROW + 3, 4).numFmt).toBe("0.00");
  });

  it("单项评分: every indicator and sub-item with maximum, score, points lost and explanation", () => {
    const rows = rowsOf(sheet(REPORT_SHEETS.indicators));
    expect(rows.map((r) => [r[1], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ["LAW.EXAM", null, 20, 14, 6, null],
      ["LAW.PLEDGE", null, 20, 20, 0, null],
      ["WORK.TARGET", null, 30, 21, 9, null],
      ["WORK.SURVEY", null, 10, 10, 0, "是"],
      ["WORK.AWARD", null, 10, 5, 5, null],
      ["WORK.OPEN", null, 10, 8, 2, null],
      ["WORK.OPEN", "网站公开", 5, 5, 0, null],
      ["WORK.OPEN", "问题整改", 5, 3, 2, null],
    ]);
    expect(rows[0]![8]).toBe("考核扣分项3项，每项扣2分，扣6分，得14.00分");
    expect(rows[7]![8]).toBe("发现问题2项，每项扣1分，扣2分，得3.00分");
  });

  it("问题与建议 and 依据信息: the problems, the answers and the records with their sources", () => {
    const problems = rowsOf(sheet(REPORT_SHEETS.problems));
    expect(problems.slice(0, 4).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(report.problems.map((p, i) => [i + 1, p.indicatorCode, report.indicators.find((x) => x.code === p.indicatorCode)!.name, p.problem]));
    expect(problems.at(-1)).toEqual([null, null, "其他事项", "不涉及的指标：满意度调查", null]);
    const basis = rowsOf(sheet(REPORT_SHEETS.basis));
    expect(basis.filter((r) => r[0] === "LAW.EXAM").map((r) => [r[4], r[5], r[6], r[8]])).toEqual([
      ["市司法局", "记录", "2026-03-15", null],
      ["市司法局", "记录", "2026-06-30", "鹤司函〔2026〕12号"],
      ["市司法局", "记录", "2026-09-01", "鹤司函〔2026〕31号"],
    ]);
    expect(basis.filter((r) => r[0] === "WORK.AWARD").map((r) => [r[4], r[5], r[7]])).toEqual([["市总工会", "报送值", "无"], ["市文明办", "记录", "省级：获评省级文明单位"]]);
  });

  it("says 无 when there is no problem", async () => {
    const empty = await load(await reportToXlsx(buildReport(reportInput({ texts: { items: [], editedByName: null, editedAt: "2026-11-20T00:00:00.000Z", resultId: "result-1", version: 1 } }))));
    expect(rowsOf(empty.getWorksheet(REPORT_SHEETS.problems)!)[0]).toEqual([null, null, null, "无", null]);
  });
});

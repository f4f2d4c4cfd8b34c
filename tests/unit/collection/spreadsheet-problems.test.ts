import { describe, expect, it } from "vitest";
import { buildTemplate, emptyCurrent, FactSheetFileError, readFactSheets, SHEETS, validateFactSheets } from "@/lib/collection/spreadsheet";
import { parseCalendarDate, parseNumber } from "@/lib/collection/spreadsheet";
import { loadWorkbook, rowIndex, saveWorkbook, testScope, TODAY, UNITS } from "./spreadsheet-fixture";

const [county1, county2, dept] = UNITS as [(typeof UNITS)[0], (typeof UNITS)[0], (typeof UNITS)[0]];

async function problemsOf(edit: (book: Awaited<ReturnType<typeof loadWorkbook>>) => void, current = emptyCurrent()) {
  const workbook = await loadWorkbook(await buildTemplate(testScope(), emptyCurrent(), TODAY));
  edit(workbook);
  const outcome = validateFactSheets(testScope(), await readFactSheets(await saveWorkbook(workbook), "t.xlsx"), current, { today: TODAY });
  if (outcome.ok) throw new Error("expected problems");
  return outcome;
}

describe("facts spreadsheet: every bad row is reported with its sheet, row number and reason", () => {
  it("reports each kind of bad value row", async () => {
    const cases: [string, string, string, string?][] = [
      [county1.uscc, "BIN", "也许"],
      [county1.uscc, "TIER", "很好"],
      [county1.uscc, "RATIO", "1.5"],
      [county1.uscc, "STEP", "八十"],
      [county1.uscc, "MANUAL", "9"],
      [county2.uscc, "MANUAL", "3"],
      [county2.uscc, "TIER", "无"],
      [county2.uscc, "COMBO/grade", "不涉及"],
    ];
    const outcome = await problemsOf((book) => {
      const sheet = book.getWorksheet(SHEETS.values)!;
      const at = rowIndex(sheet);
      for (const [uscc, code, value, note] of cases) {
        const row = sheet.getRow(at.get(`${uscc}|${code}`)!);
        row.getCell(6).value = value;
        if (note) row.getCell(7).value = note;
      }
      sheet.addRow(["11230400MB0000009X", "外单位", "TIER", "", "", "优秀"]);
      sheet.addRow([county1.uscc, county1.name, "NOPE", "", "", "1"]);
      sheet.addRow([dept.uscc, dept.name, "OPEN.EXAM", "", "", "1"]);
      sheet.addRow([county1.uscc, county1.name, "DED", "", "", "1"]);
      sheet.addRow([county1.uscc, county1.name, "BIN", "", "", "否"]);
      sheet.addRow([dept.uscc, dept.name, "DILIGENT.PETITION", "", "", "0.9"]);
      sheet.addRow([dept.uscc, dept.name, "DILIGENT.TARGET", "", "", "不涉及", "无"]);
      sheet.addRow(["", county1.name, "", "", "", "否"]);
    });
    const byRow = (row: number) => outcome.problems.filter((p) => p.sheet === SHEETS.values && p.row === row).map((p) => p.message).join(" / ");
    const messages = outcome.problems.map((p) => `${p.sheet}${p.row}:${p.message}`);
    expect(outcome.problems.every((p) => p.sheet === "数值" && p.row > 1)).toBe(true);
    expect(messages.some((m) => m.includes("应填“是”或“否”，不能是“也许”"))).toBe(true);
    expect(messages.some((m) => m.includes("等次必须是以下之一：优秀、良好、一般"))).toBe(true);
    expect(messages.some((m) => m.includes("应填数字，不能是“八十”"))).toBe(true);
    expect(messages.some((m) => m.includes("评分必须在0到5分之间"))).toBe(true);
    expect(messages.some((m) => m.includes("人工评分必须填写评分说明"))).toBe(true);
    expect(messages.some((m) => m.includes("不能填“无”"))).toBe(true);
    expect(messages.some((m) => m.includes("子项不能单独填“不涉及”"))).toBe(true);
    expect(messages.some((m) => m.includes("“11230400MB0000009X”不是本周期由本单位报送数据的受评单位"))).toBe(true);
    expect(messages.some((m) => m.includes("指标代码“NOPE”不在该单位适用的指标体系中"))).toBe(true);
    expect(messages.some((m) => m.includes("指标“OPEN.EXAM”未分配给本单位报送"))).toBe(true);
    expect(messages.some((m) => m.includes("按记录报送"))).toBe(true);
    expect(messages.some((m) => /已在第\d+行填写/.test(m))).toBe(true);
    expect(messages.some((m) => m.includes("请填写受评单位的统一社会信用代码"))).toBe(true);
    expect(messages.some((m) => m.includes("“DILIGENT.PETITION”为单值指标，由牵头数据来源单位填报"))).toBe(true);
    expect(messages.some((m) => m.includes("请在“备注”列写明理由（至少2个字）"))).toBe(true);
    expect(outcome.badRows).toBe(cases.length + 8);
    const ratioRow = rowIndex((await loadWorkbook(await buildTemplate(testScope(), emptyCurrent(), TODAY))).getWorksheet(SHEETS.values)!).get(`${county1.uscc}|RATIO`)!;
    expect(byRow(ratioRow)).toMatch(/0.*1/);
  });

  it("reports each kind of bad record row", async () => {
    let base = 0;
    const outcome = await problemsOf((book) => {
      const sheet = book.getWorksheet(SHEETS.records)!;
      base = sheet.rowCount;
      const add = (cells: (string | null)[]) => sheet.addRow([county1.uscc, county1.name, ...cells]);
      add(["DED", "", "", "2026-03-01", "没选事项"]); // base+1: item required (two items)
      add(["DED", "", "特别问题", "2026-03-01", "未知事项"]); // +2
      add(["VETO", "", "失信", "2026-03-01", "不区分事项"]); // +3
      add(["VETO", "", "", "2026-02-30", "无效日期"]); // +4
      add(["VETO", "", "", "2025-12-31", "上一年度"]); // +5
      add(["VETO", "", "", "2026-12-01", "未来"]); // +6
      add(["VETO", "", "", "2026-03-01", ""]); // +7 description required
      add(["COUNT", "", "无", "2026-03-01"]); // +8
      add(["AWARD", "", "", "2026-03-01", "国家级奖励?"]); // +9 two levels → choose
      add(["AWARD", "", "省级", "2026-03-01", "重复", "X1"]); // +10
      add(["AWARD", "", "provincial", "2026-03-01", "重复", "X1"]); // +11 identical to +10
      add(["COUNT", "", "", "2026-03-01", "活动"]); // +12 fine
      add(["COUNT", "", "无"]); // +13 contradicts +12
      add(["TIER", "", "", "2026-03-01", "数值指标"]); // +14
      add(["COMBO/findings", "", "不涉及"]); // +15
      add(["VETO", "", "", "", "没有日期"]); // +16
      add(["VETO", "", "", "2026-03-01", "x".repeat(501)]); // +17
      add(["VETO", "", "不涉及"]); // +18 reason required
      add(["VETO", "", "不涉及", null, "县里没有此类事项"]); // +19 fine
    }, (() => {
      const current = emptyCurrent();
      current.liveRecords.set(`${county1.id}|DED`, 2);
      return current;
    })());
    const rows = new Map<number, string>();
    for (const p of outcome.problems) rows.set(p.row - base, `${rows.get(p.row - base) ?? ""}${p.column}:${p.message};`);
    expect(outcome.problems.every((p) => p.sheet === "记录")).toBe(true);
    expect(rows.get(1)).toContain("请选择事项：重大问题、一般问题");
    expect(rows.get(2)).toContain("事项“特别问题”不是该指标的事项");
    expect(rows.get(3)).toContain("该指标不区分事项");
    expect(rows.get(4)).toContain("日期“2026-02-30”无效");
    expect(rows.get(5)).toContain("不在评价年度（2026年）内");
    expect(rows.get(6)).toContain("晚于今天");
    expect(rows.get(7)).toContain("请填写事件描述");
    expect(rows.get(8)).toContain("不能再填写日期");
    expect(rows.get(9)).toContain("请选择事项：国家级、省级");
    expect(rows.has(10)).toBe(false);
    expect(rows.get(11)).toContain(`与第${base + 10}行完全相同`);
    expect(rows.has(12)).toBe(false);
    expect(rows.get(13)).toContain(`在第${base + 12}行填写了记录，不能再填“无”`);
    expect(rows.get(14)).toContain("按数值报送");
    expect(rows.get(15)).toContain("子项不能单独填“不涉及”");
    expect(rows.get(16)).toContain("请填写日期");
    expect(rows.get(17)).toContain("不能超过500字");
    expect(rows.get(18)).toContain("请在“事件描述”列写明理由");
    expect(rows.has(19)).toBe(false);
    expect(outcome.badRows).toBe(16);
  });

  it("refuses 无 where records are already stored", async () => {
    const current = emptyCurrent();
    current.liveRecords.set(`${county1.id}|DED`, 2);
    const outcome = await problemsOf((book) => {
      const sheet = book.getWorksheet(SHEETS.records)!;
      sheet.getRow(rowIndex(sheet).get(`${county1.uscc}|DED`)!).getCell(5).value = "无";
    }, current);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.message).toContain("已报送2条记录，不能填“无”");
  });

  it("refuses files that are not the template", async () => {
    await expect(readFactSheets(new Uint8Array(), "a.xlsx")).rejects.toThrow("文件是空的");
    await expect(readFactSheets(new TextEncoder().encode("a,b\n1,2"), "a.csv")).rejects.toThrow(FactSheetFileError);
    const workbook = await loadWorkbook(await buildTemplate(testScope(), emptyCurrent(), TODAY));
    workbook.getWorksheet(SHEETS.values)!.getRow(1).getCell(6).value = "值";
    await expect(readFactSheets(await saveWorkbook(workbook), "a.xlsx")).rejects.toThrow("第1行应为表头");
    workbook.removeWorksheet(workbook.getWorksheet(SHEETS.records)!.id);
    await expect(readFactSheets(await saveWorkbook(workbook), "a.xlsx")).rejects.toThrow("两个工作表");
  });

  it("reads numbers and dates as people type them", () => {
    expect(parseNumber("85%")).toBe(0.85);
    expect(parseNumber("85.1%")).toBe(0.851);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("-1")).toBe(-1);
    expect(parseNumber("1e3")).toBeNull();
    expect(parseCalendarDate("2026/3/5")).toBe("2026-03-05");
    expect(parseCalendarDate("2026年3月5日")).toBe("2026-03-05");
    expect(parseCalendarDate("20260305")).toBe("2026-03-05");
    expect(parseCalendarDate("2026-02-29")).toBeNull();
  });
});

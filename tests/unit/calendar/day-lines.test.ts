import { describe, expect, it } from "vitest";
import { addDays, calendarDate, datesOfYear, daysInMonth, formatCalendarDateCn, weekday, weekdayName } from "@/lib/calendar/dates";
import { formatDayLines, parseDayLines } from "@/lib/calendar/day-lines";
import { yearGrid } from "@/lib/calendar/grid";
import { OFFICIAL_YEARS } from "@/lib/calendar/official-days";
import { saveCalendarYearSchema } from "@/lib/calendar/schema";
import { officialDays } from "@/lib/calendar/working-days";

// Test data for 2027, shaped like a notice (not the real 2027 arrangement).
const LINES_2027 = ["2027-01-01 元旦 休", "", "# 春节", "2027-02-08 春节 休", "2027-02-20　春节　班", "2027-02-09 休", "  2027-02-21 春节 班  "].join("\r\n");

describe("date arithmetic on YYYY-MM-DD", () => {
  it("moves across months, years and leap days whatever the process's zone", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30"); // across the US change to summer time
    expect(addDays("2026-10-31", 2)).toBe("2026-11-02"); // and back
  });

  it("knows weekdays, month lengths and names", () => {
    expect(weekday("2025-10-01")).toBe(3);
    expect(weekdayName("2026-02-14")).toBe("星期六");
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(datesOfYear(2024)).toHaveLength(366);
    expect(calendarDate(2026, 2, 3)).toBe("2026-02-03");
    expect(formatCalendarDateCn("2026-02-03")).toBe("2026年2月3日");
    expect(() => addDays("2026-02-30", 1)).toThrow("不是有效的日期");
  });
});

describe("the admin's lines", () => {
  it("reads dates, names and 休/班, skipping blank and # lines, any line ending and full-width spaces", () => {
    expect(parseDayLines(LINES_2027, 2027)).toEqual({
      days: [
        { date: "2027-01-01", kind: "holiday", name: "元旦" },
        { date: "2027-02-08", kind: "holiday", name: "春节" },
        { date: "2027-02-09", kind: "holiday", name: null },
        { date: "2027-02-20", kind: "workday", name: "春节" },
        { date: "2027-02-21", kind: "workday", name: "春节" },
      ],
      problems: [],
    });
  });

  it("reports every bad line with its number", () => {
    const text = [
      "2027-01-01 元旦 休",
      "2027-13-01 春节 休",
      "2026-12-31 元旦 休",
      "2027-02-08 春节 放假",
      "2027-02-06 春节 休",
      "2027-02-10 春节 班",
      "2027-01-01 元旦 休",
      `2027-02-11 ${"节".repeat(41)} 休`,
      "2027-02-12",
    ].join("\n");
    expect(parseDayLines(text, 2027)).toEqual({
      days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }],
      problems: [
        "第2行：日期“2027-13-01”无效，应写作 YYYY-MM-DD，如 2027-02-08",
        "第3行：日期 2026-12-31 不属于2027年",
        "第4行：行末应为“休”（放假）或“班”（调休上班），现为“放假”",
        "第5行：2027-02-06 是星期六，本就休息，只需登记周一至周五的放假日",
        "第6行：2027-02-10 是星期三，本就上班，只需登记周六、周日的调休上班日",
        "第7行：日期 2027-01-01 与第1行重复",
        "第8行：节日名称不能超过40个字",
        "第9行：行末应为“休”（放假）或“班”（调休上班），现为“”",
      ],
    });
  });

  it("writes stored days back as lines that read the same (every built-in year)", () => {
    for (const entry of OFFICIAL_YEARS) {
      const days = officialDays(entry);
      expect(parseDayLines(formatDayLines(days), entry.year)).toEqual({ days, problems: [] });
    }
    expect(formatDayLines([{ date: "2027-02-09", kind: "holiday", name: null }, { date: "2027-01-01", kind: "holiday", name: "元旦" }])).toBe(
      "2027-01-01 元旦 休\n2027-02-09 休",
    );
  });
});

describe("the year form's schema", () => {
  const fieldErrors = (input: Record<string, unknown>) => {
    const parsed = saveCalendarYearSchema.safeParse(input);
    if (parsed.success) return {};
    const out: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (out[issue.path.join(".")] ??= []).push(issue.message);
    return out;
  };

  it("parses a draft without a notice or days, and a year with its days", () => {
    expect(saveCalendarYearSchema.parse({ year: "2027", status: "draft" })).toEqual({ year: 2027, status: "draft", source: null, days: [], lock: "" });
    const parsed = saveCalendarYearSchema.parse({ year: "2027", status: "official", source: " 某通知 ", days: LINES_2027, lock: "2026-11-21T00:00:00.000Z" });
    expect(parsed).toMatchObject({ year: 2027, status: "official", source: "某通知", lock: "2026-11-21T00:00:00.000Z" });
    expect(parsed.days).toHaveLength(5);
  });

  it("asks an official year for its notice and at least one day off, and lists every bad line", () => {
    expect(fieldErrors({ year: "2027", status: "official", days: "2027-02-20 春节 班" })).toEqual({
      source: [expect.stringContaining("正式年度须注明依据的通知")],
      days: ["正式年度至少应有一个放假日"],
    });
    expect(fieldErrors({ year: "2027", status: "draft", days: "x\n2027-02-08 春节 休\ny" })).toEqual({
      days: ["第1行：日期“x”无效，应写作 YYYY-MM-DD，如 2027-02-08", "第3行：日期“y”无效，应写作 YYYY-MM-DD，如 2027-02-08"],
    });
  });

  it("refuses a year out of range and a missing status", () => {
    expect(fieldErrors({ year: "1999", status: "draft" })).toEqual({ year: ["年度应在2000–2100之间"] });
    expect(fieldErrors({ year: "2027" })).toEqual({ status: ["请选择状态"] });
  });
});

describe("the month grids of a year page", () => {
  const grid = yearGrid(2026, officialDays(OFFICIAL_YEARS.find((y) => y.year === 2026)!));

  it("lays out twelve months in Monday-first weeks", () => {
    expect(grid.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const { weeks } of grid) for (const week of weeks) expect(week).toHaveLength(7);
    const january = grid[0]!.weeks[0]!;
    expect(january.slice(0, 3)).toEqual([null, null, null]); // 2026-01-01 is a Thursday
    expect(january[3]).toEqual({ date: "2026-01-01", day: 1, type: "holiday", name: "元旦" });
  });

  it("classifies working days, weekends, holidays and adjusted working days", () => {
    const cells = grid.flatMap((m) => m.weeks.flat()).filter((c) => c !== null);
    const type = (date: string) => cells.find((c) => c.date === date)?.type;
    expect(cells).toHaveLength(365);
    expect([type("2026-01-04"), type("2026-01-05"), type("2026-01-10"), type("2026-02-16")]).toEqual(["adjusted", "working", "weekend", "holiday"]);
  });
});

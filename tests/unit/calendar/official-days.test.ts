import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
// chinese-days is a devDependency: the seed's source, imported here (and by the generator) only.
import chineseDays from "chinese-days/dist/chinese-days.json";
import { describe, expect, it } from "vitest";
import { addDays, datesOfYear, isWeekend } from "@/lib/calendar/dates";
import { OFFICIAL_YEARS } from "@/lib/calendar/official-days";
import { builtInCalendar, isWorkingDay, officialDays } from "@/lib/calendar/working-days";

const root = path.resolve(__dirname, "../../..");
const calendar = builtInCalendar();
const holidays: Record<string, string> = chineseDays.holidays;
const workdays: Record<string, string> = chineseDays.workdays;

function allDates(): string[] {
  const dates: string[] = [];
  for (let date = "2004-01-01"; date <= "2026-12-31"; date = addDays(date, 1)) dates.push(date);
  return dates;
}

describe("the built-in calendar against chinese-days 1.5.7", () => {
  it("holds every year 2004–2026 once, official, with its notice", () => {
    expect(OFFICIAL_YEARS.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect([...calendar.years.values()].every((y) => y.status === "official")).toBe(true);
    for (const entry of OFFICIAL_YEARS) expect(entry.source).toContain(`国务院办公厅关于${entry.year}年部分节假日安排的通知`);
  });

  it("agrees with the package's data on every date of 2004–2026", () => {
    const dates = allDates();
    expect(dates).toHaveLength(8401);
    const disagreements = dates.filter((date) => {
      const packageSays = Boolean(workdays[date]) || (!isWeekend(date) && !holidays[date]);
      return isWorkingDay(calendar, date) !== packageSays;
    });
    expect(disagreements).toEqual([]);
  });

  it("agrees with the package's own isWorkday on every date, run where that function is reliable (Beijing time)", () => {
    // The package's functions read dates in the process's zone and go wrong west of UTC; its data does not.
    const script = `const cd = require("chinese-days"); let out = "";
      for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86400000) out += cd.isWorkday(new Date(t).toISOString().slice(0, 10)) ? "1" : "0";
      process.stdout.write(out);`;
    const run = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, TZ: "Asia/Shanghai", NODE_OPTIONS: "" } });
    expect(run.stderr).toBe("");
    const ours = allDates().map((date) => (isWorkingDay(calendar, date) ? "1" : "0")).join("");
    expect(run.stdout).toBe(ours);
  });

  it("keeps only the exceptions: days off on weekdays, adjusted working days on weekends", () => {
    for (const entry of OFFICIAL_YEARS) {
      for (const day of officialDays(entry)) {
        expect(isWeekend(day.date), `${day.date} ${day.kind}`).toBe(day.kind === "workday");
        expect(day.name).toMatch(/^(元旦|春节|清明节|劳动节|端午节|中秋节|国庆节|中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日)$/);
      }
    }
  });

  it("is never imported at run time: only this test and the generator use chinese-days", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    expect(pkg.dependencies?.["chinese-days"]).toBeUndefined();
    expect(pkg.devDependencies?.["chinese-days"]).toBe("1.5.7");
    const importing: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|tsx|js|mjs)$/.test(name) && /(from\s+|require\(|import\()\s*["']chinese-days/.test(readFileSync(file, "utf8"))) importing.push(path.relative(root, file));
      }
    };
    for (const dir of ["app", "components", "lib", "scripts"]) walk(path.join(root, dir));
    expect(importing).toEqual([]);
  });
});

// Written by hand from the notices' text, independently of the package.
type Notice = { off: [string, string][]; worked: string[] };

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
const NOTICE_2025: Notice = {
  off: [
    ["2025-01-01", "2025-01-01"], // 元旦：1月1日（周三）放假1天，不调休
    ["2025-01-28", "2025-02-04"], // 春节：1月28日（除夕、周二）至2月4日（正月初七、周二），共8天
    ["2025-04-04", "2025-04-06"], // 清明节：4月4日（周五）至6日（周日），共3天
    ["2025-05-01", "2025-05-05"], // 劳动节：5月1日（周四）至5日（周一），共5天
    ["2025-05-31", "2025-06-02"], // 端午节：5月31日（周六）至6月2日（周一），共3天
    ["2025-10-01", "2025-10-08"], // 国庆节、中秋节：10月1日（周三）至8日（周三），共8天
  ],
  worked: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
};

/** 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）. */
const NOTICE_2026: Notice = {
  off: [
    ["2026-01-01", "2026-01-03"], // 元旦：1月1日（周四）至3日（周六），共3天；1月4日（周日）上班
    ["2026-02-15", "2026-02-23"], // 春节：2月15日（腊月二十八、周日）至23日（正月初七、周一），共9天
    ["2026-04-04", "2026-04-06"], // 清明节：4月4日（周六）至6日（周一），共3天
    ["2026-05-01", "2026-05-05"], // 劳动节：5月1日（周五）至5日（周二），共5天；5月9日（周六）上班
    ["2026-06-19", "2026-06-21"], // 端午节：6月19日（周五）至21日（周日），共3天
    ["2026-09-25", "2026-09-27"], // 中秋节：9月25日（周五）至27日（周日），共3天
    ["2026-10-01", "2026-10-07"], // 国庆节：10月1日（周四）至7日（周三），共7天
  ],
  worked: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
};

describe.each([
  [2025, NOTICE_2025, "国办发明电〔2024〕12号", 248],
  [2026, NOTICE_2026, "国办发明电〔2025〕7号", 248],
] as const)("%i against the State Council notice", (year, notice, number, workingDays) => {
  const entry = OFFICIAL_YEARS.find((y) => y.year === year)!;
  const off = new Set(notice.off.flatMap(([from, to]) => {
    const dates: string[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
    return dates;
  }));

  it("cites the notice by its number", () => {
    expect(entry.source).toBe(`国务院办公厅关于${year}年部分节假日安排的通知（${number}）`);
  });

  it("has exactly the notice's days off on weekdays and its adjusted working days", () => {
    const days = officialDays(entry);
    expect(days.filter((d) => d.kind === "holiday").map((d) => d.date)).toEqual([...off].filter((d) => !isWeekend(d)).sort());
    expect(days.filter((d) => d.kind === "workday").map((d) => d.date)).toEqual(notice.worked);
  });

  it("decides every date of the year as the notice does", () => {
    for (const date of datesOfYear(year)) {
      const expected = notice.worked.includes(date) || (!isWeekend(date) && !off.has(date));
      expect(isWorkingDay(calendar, date), date).toBe(expected);
    }
    expect(datesOfYear(year).filter((date) => isWorkingDay(calendar, date))).toHaveLength(workingDays);
  });
});

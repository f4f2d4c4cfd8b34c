import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { loadCalendar } from "@/lib/calendar/load";
import { deleteCalendarYear, saveCalendarYear } from "@/lib/calendar/mutations";
import { OFFICIAL_YEARS } from "@/lib/calendar/official-days";
import { addWorkingDays, builtInCalendar, feedbackDeadline, officialDays } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let admin: Actor;
let office: Actor;

// Test data shaped like a notice, not the real 2027 arrangement.
const LINES_2027 = "2027-01-01 元旦 休\n2027-02-08 春节 休\n2027-02-09 春节 休\n2027-02-20 春节 班";

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await t.prisma.organisation.create({
    data: { name: "鹤岗市信用办", kind: "municipal_department", uscc: "11230400MB0000001X", roles: ["office"] },
  });
  const actor = async (username: string, displayName: string, roles: Actor["roles"]): Promise<Actor> => {
    const user = await t.prisma.user.create({ data: { username, displayName, organisationId: org.id, roles, passwordHash: "x", mustChangePassword: false } });
    return { id: user.id, username, displayName, roles, organisationId: org.id, organisationName: org.name, mustChangePassword: false };
  };
  admin = await actor("root", "管理员甲", ["admin"]);
  office = await actor("office1", "信用办 王丽", ["office"]);
});
afterAll(() => t.drop());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function year2027() {
  return t.prisma.calendarYear.findUnique({ where: { year: 2027 }, include: { days: { orderBy: { date: "asc" } } } });
}

describe("the built-in official calendar", () => {
  it("installs 2004–2026 once, with every day, audited; a second run installs nothing", async () => {
    expect(await ensureOfficialCalendar(t.prisma)).toEqual({ installed: OFFICIAL_YEARS.map((y) => y.year) });
    expect(await ensureOfficialCalendar(t.prisma)).toEqual({ installed: [] });
    expect(await t.prisma.calendarYear.count({ where: { status: "official" } })).toBe(23);
    expect(await t.prisma.calendarDay.count()).toBe(OFFICIAL_YEARS.flatMap(officialDays).length);
    const y2026 = await t.prisma.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
    expect(y2026.source).toBe("国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）");
    expect(await t.prisma.auditLog.count({ where: { action: "calendar.official_installed" } })).toBe(1);
  });

  it("loads back exactly the built-in calendar, deciding deadlines the same way", async () => {
    const loaded = await loadCalendar(t.prisma);
    const builtIn = builtInCalendar();
    expect(loaded.years).toEqual(builtIn.years);
    expect(loaded.days).toEqual(builtIn.days);
    const deadline = feedbackDeadline(loaded, new Date("2025-09-30T17:30:00Z"));
    expect(deadline).toEqual({ ok: true, date: "2025-10-14", endsAt: new Date("2025-10-14T23:59:59.999+08:00") });
    expect(addWorkingDays(loaded, "2026-12-28", 5)).toEqual({ ok: false, missingYear: 2027, draft: false });
  });

  it("leaves a year an admin changed alone", async () => {
    await t.prisma.calendarDay.delete({ where: { date: "2004-01-01" } });
    expect(await ensureOfficialCalendar(t.prisma)).toEqual({ installed: [] });
    expect(await t.prisma.calendarDay.count({ where: { date: "2004-01-01" } })).toBe(0);
    await t.prisma.calendarDay.create({ data: { date: "2004-01-01", year: 2004, kind: "holiday", name: "元旦" } });
  });
});

describe("an admin adds next year", () => {
  let lock = "";

  it("saves 2027 as a draft, audited; a draft still stops the count", async () => {
    const saved = await saveCalendarYear(admin, { year: "2027", status: "draft", source: "", days: LINES_2027 }, "10.0.0.1");
    expect(saved).toMatchObject({ year: 2027, created: true });
    lock = saved.lock;
    const row = await year2027();
    expect(row).toMatchObject({ status: "draft", source: null, updatedById: admin.id });
    expect(row?.days.map((d) => [d.date, d.kind, d.name])).toEqual([
      ["2027-01-01", "holiday", "元旦"],
      ["2027-02-08", "holiday", "春节"],
      ["2027-02-09", "holiday", "春节"],
      ["2027-02-20", "workday", "春节"],
    ]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "calendar.year_saved" } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "calendar_year", entityId: "2027", ip: "10.0.0.1", before: null });
    expect(audit.after).toEqual({ status: "draft", source: null, days: ["2027-01-01 元旦 休", "2027-02-08 春节 休", "2027-02-09 春节 休", "2027-02-20 春节 班"] });
    expect(addWorkingDays(await loadCalendar(t.prisma), "2026-12-28", 5)).toEqual({ ok: false, missingYear: 2027, draft: true });
  });

  it("refuses bad lines, reporting each with its line number, and changes nothing", async () => {
    const before = await year2027();
    const audits = await t.prisma.auditLog.count();
    const error = await refusal(
      saveCalendarYear(admin, { year: "2027", status: "official", source: "", days: "2027-01-01 元旦 休\n2027-02-30 春节 休\n\n2027-02-13 春节 休\n2027-02-14 春节 班", lock }),
    );
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors).toEqual({
      days: ["第2行：日期“2027-02-30”无效，应写作 YYYY-MM-DD，如 2027-02-08", "第4行：2027-02-13 是星期六，本就休息，只需登记周一至周五的放假日"],
      source: [expect.stringContaining("正式年度须注明依据的通知")],
    });
    expect(await year2027()).toEqual(before);
    expect(await t.prisma.auditLog.count()).toBe(audits);
  });

  it("refuses a second creation of the year and a save on a stale copy", async () => {
    const again = await refusal(saveCalendarYear(admin, { year: "2027", status: "draft", days: "" }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "工作日历中已有2027年，请到该年度页面修改" });
    const stale = await refusal(saveCalendarYear(admin, { year: "2027", status: "draft", days: "", lock: "2020-01-01T00:00:00.000Z" }));
    expect(stale.code).toBe("STALE");
    expect((await year2027())?.days).toHaveLength(4);
  });

  it("replaces the days and makes the year official; deadlines then run into 2027", async () => {
    const source = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）";
    const saved = await saveCalendarYear(admin, { year: "2027", status: "official", source, days: `${LINES_2027}\n2027-01-04 元旦 休`, lock });
    expect(saved).toMatchObject({ year: 2027, created: false });
    expect(saved.lock).not.toBe(lock);
    lock = saved.lock;
    expect(await year2027()).toMatchObject({ status: "official", source });
    expect((await year2027())?.days.map((d) => d.date)).toEqual(["2027-01-01", "2027-01-04", "2027-02-08", "2027-02-09", "2027-02-20"]);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "calendar.year_saved" }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ status: "draft", days: expect.arrayContaining(["2027-02-20 春节 班"]) });
    expect(audit.after).toMatchObject({ status: "official", source, days: expect.arrayContaining(["2027-01-04 元旦 休"]) });
    // 12-29, 12-30, 12-31, then 2027: 01-01 and 01-04 off → 01-05, 01-06.
    expect(addWorkingDays(await loadCalendar(t.prisma), "2026-12-28", 5)).toEqual({ ok: true, date: "2027-01-06" });
  });

  it("never deletes an official year; deletes a draft with its days, audited", async () => {
    const official = await refusal(deleteCalendarYear(admin, { year: "2027", lock }));
    expect(official.code).toBe("CONFLICT");
    lock = (await saveCalendarYear(admin, { year: "2027", status: "draft", days: LINES_2027, lock })).lock;
    expect((await refusal(deleteCalendarYear(admin, { year: "2027", lock: "2020-01-01T00:00:00.000Z" }))).code).toBe("STALE");
    expect(await deleteCalendarYear(admin, { year: 2027, lock }, "10.0.0.1")).toEqual({ year: 2027 });
    expect(await year2027()).toBeNull();
    expect(await t.prisma.calendarDay.count({ where: { year: 2027 } })).toBe(0);
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "calendar.year_deleted" } });
    expect(audit).toMatchObject({ actorId: admin.id, entityId: "2027", before: { status: "draft" } });
    expect((await refusal(deleteCalendarYear(admin, { year: "2027", lock }))).code).toBe("NOT_FOUND");
  });
});

describe("anyone but an admin", () => {
  it("is refused as if the calendar did not exist, and nothing is written", async () => {
    const audits = await t.prisma.auditLog.count();
    expect((await refusal(saveCalendarYear(office, { year: "2028", status: "draft", days: "" }))).code).toBe("NOT_FOUND");
    expect((await refusal(deleteCalendarYear(office, { year: "2026", lock: "x" }))).code).toBe("NOT_FOUND");
    expect(await t.prisma.calendarYear.findUnique({ where: { year: 2028 } })).toBeNull();
    expect(await t.prisma.calendarYear.count()).toBe(23);
    expect(await t.prisma.auditLog.count()).toBe(audits);
  });
});

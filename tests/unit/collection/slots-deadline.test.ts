import { describe, expect, it } from "vitest";
import { beijingDate, defaultDeadlines, endOfBeijingDay, isCalendarDate, isPastDeadline } from "@/lib/collection/deadline";
import { reportingSlots, slotKey } from "@/lib/collection/slots";
import { getBuiltInScheme } from "@/lib/scoring";

describe("reporting slots", () => {
  it("gives hegang-2022 one slot per indicator, records for counted events and values otherwise", () => {
    const slots = reportingSlots(getBuiltInScheme("hegang-2022")!);
    expect(slots).toHaveLength(12);
    const byCode = Object.fromEntries(slots.map((s) => [s.indicatorCode, s]));
    expect(byCode["LAW.EXAM"]).toMatchObject({ mode: "records", recordItems: [{ key: "items", label: "考核扣分项" }], sources: ["市司法局"] });
    expect(byCode["LAW.DISHONEST"]).toMatchObject({ mode: "records", recordItems: [] });
    expect(byCode["PERFORM.AWARD"]?.recordItems.map((i) => i.label)).toEqual(["国家级", "省级", "市级"]);
    expect(byCode["PERFORM.COMPLAINT"]?.sources).toEqual(["市营商局", "市司法局"]);
    for (const code of ["OPEN.PLEDGE", "DILIGENT.TARGET", "DILIGENT.PETITION", "KEEP.DEBT"]) expect(byCode[code]?.mode).toBe("value");
  });

  it("splits a composite indicator into one slot per sub-item", () => {
    const slots = reportingSlots(getBuiltInScheme("huaian-2021")!);
    const subSlots = slots.filter((s) => s.subKey !== "");
    expect(subSlots.length).toBeGreaterThan(10);
    expect(new Set(slots.map(slotKey)).size).toBe(slots.length);
    expect(subSlots[0]?.name).toContain(" · ");
  });
});

describe("deadlines in Beijing time (tests run in Los Angeles)", () => {
  it("ends a deadline at 23:59:59.999 +08:00", () => {
    expect(endOfBeijingDay("2026-12-01").toISOString()).toBe("2026-12-01T15:59:59.999Z");
    expect(isPastDeadline("2026-12-01", new Date("2026-12-01T15:59:59.999Z"))).toBe(false);
    expect(isPastDeadline("2026-12-01", new Date("2026-12-01T16:00:00.000Z"))).toBe(true);
  });

  it("reads the Beijing date of an instant", () => {
    expect(beijingDate(new Date("2026-11-30T17:30:00Z"))).toBe("2026-12-01"); // 01:30 in Beijing
  });

  it("rejects impossible dates and defaults to 1 December and 1 May", () => {
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(() => endOfBeijingDay("2026-13-01")).toThrow("不是有效的日期");
    expect(defaultDeadlines(2026)).toEqual({ collectionDeadline: "2026-12-01", commitmentsDeadline: "2026-05-01" });
  });
});

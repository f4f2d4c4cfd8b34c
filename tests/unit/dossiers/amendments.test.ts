import { describe, expect, it } from "vitest";
import { amendmentSubject, effectiveFigures, subjectLabel, trendOf } from "@/lib/dossiers/amendments";

const at = (iso: string) => new Date(iso);

describe("amendments", () => {
  it("stores the subject and names it", () => {
    expect(amendmentSubject("indicator", "LAW.EXAM")).toBe("indicator:LAW.EXAM");
    expect(amendmentSubject("total")).toBe("total");
    expect(subjectLabel("indicator:LAW.EXAM", new Map([["LAW.EXAM", "依法行政考核"]]))).toBe("单项指标得分：依法行政考核（LAW.EXAM）");
    expect(subjectLabel("indicator:X")).toBe("单项指标得分：X");
    expect(subjectLabel("grade")).toBe("评价等次");
  });

  it("the figures stand as the latest amendment of each says; the archived ones otherwise", () => {
    const entry = { total: "78.00", grade: "一般" };
    expect(effectiveFigures(entry, [])).toEqual({ total: "78.00", grade: "一般", totalAmended: false, gradeAmended: false });
    const amendments = [
      { subject: "total", after: "81", createdAt: at("2027-02-01T00:00:00Z") },
      { subject: "total", after: "80.5", createdAt: at("2027-01-01T00:00:00Z") },
      { subject: "grade", after: "良好", createdAt: at("2027-02-01T00:00:00Z") },
      { subject: "text", after: "……", createdAt: at("2027-03-01T00:00:00Z") },
    ];
    expect(effectiveFigures(entry, amendments)).toEqual({ total: "81.00", grade: "良好", totalAmended: true, gradeAmended: true });
  });

  it("the trend runs oldest year first with the amended totals", () => {
    const entries = [
      { year: 2026, total: "78.00", grade: "一般", amendments: [{ subject: "total", after: "82.00", createdAt: at("2027-01-01T00:00:00Z") }] },
      { year: 2024, total: "70.50", grade: "一般", amendments: [] },
      { year: 2025, total: "91.25", grade: "优秀", amendments: [] },
    ];
    expect(trendOf(entries)).toEqual([
      { year: 2024, total: 70.5, grade: "一般", amended: false },
      { year: 2025, total: 91.25, grade: "优秀", amended: false },
      { year: 2026, total: 82, grade: "一般", amended: true },
    ]);
  });
});

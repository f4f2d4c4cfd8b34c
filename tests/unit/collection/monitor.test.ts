import { describe, expect, it } from "vitest";
import { withAssignments, type EntryInput, type UnitAnswers } from "@/lib/collection/derive";
import { provisionalScores } from "@/lib/collection/monitor";
import { reportingSlots } from "@/lib/collection/slots";
import { getBuiltInScheme, schemeDocumentSchema, scoreUnits, type SchemeDocument } from "@/lib/scoring";
import { kitchenSinkScheme } from "../../support/monitor-factory";

const bind = (scheme: SchemeDocument, sources: (code: string) => string[]) =>
  withAssignments(
    reportingSlots(scheme),
    scheme.categories.flatMap((c) => c.indicators.flatMap((i) => sources(i.code).map((s, n) => ({ indicatorCode: i.code, subKey: "", sourceOrgId: s, lead: n === 0 })))),
  );

const value = (indicatorCode: string, v: unknown, sourceOrgId = "s1"): EntryInput => ({ indicatorCode, subKey: "", sourceOrgId, answer: "value", value: v });
const none = (indicatorCode: string, sourceOrgId = "s1"): EntryInput => ({ indicatorCode, subKey: "", sourceOrgId, answer: "none" });
const record = (indicatorCode: string, itemKey: string, sourceOrgId = "s1") => ({ indicatorCode, subKey: "", sourceOrgId, itemKey });
const names = (id: string) => ({ s1: "市司法局", s2: "市营商局" })[id] ?? id;

describe("provisional scores", () => {
  const hegang = getBuiltInScheme("hegang-2022")!;
  const bound = bind(hegang, (code) => (code === "PERFORM.COMPLAINT" ? ["s1", "s2"] : ["s1"]));

  it("scores only complete indicators with the engine and lists the rest as pending with their sources", () => {
    const answers: UnitAnswers = { entries: [none("LAW.EXAM"), value("DILIGENT.TARGET", { tier: "良好" }), none("PERFORM.COMPLAINT")], records: [record("LAW.DISHONEST", "")] };
    const result = provisionalScores(hegang, bound, [{ id: "u1", answers }], names).get("u1")!;
    const states = Object.fromEntries(result.indicators.map((i) => [i.code, i]));
    expect(states["LAW.EXAM"]).toMatchObject({ status: "scored", score: "10.00" });
    expect(states["LAW.DISHONEST"]).toMatchObject({ status: "scored", score: "0.00", explanation: "被列为失信被执行人1次，一票否决，得0.00分" });
    expect(states["DILIGENT.TARGET"]).toMatchObject({ status: "scored", score: "7.00" });
    expect(states["PERFORM.COMPLAINT"]).toEqual({ code: "PERFORM.COMPLAINT", name: "政务投诉信息", max: 5, status: "pending", missing: ["市营商局"] });
    expect(result).toMatchObject({ provisional: "17.00", reportedMax: "30.00", final: null, pending: 9 });
  });

  it("gives the engine's total and grade once everything is reported", () => {
    const entries = hegang.categories.flatMap((c) => c.indicators).flatMap((i): EntryInput[] => {
      if (i.rule?.kind === "binary") return [value(i.code, { met: true })];
      if (i.rule?.kind === "tiered") return [value(i.code, { tier: "优秀" })];
      if (i.rule?.kind === "ratio") return [value(i.code, { value: 0.5 })];
      return i.code === "PERFORM.COMPLAINT" ? [none(i.code), none(i.code, "s2")] : [none(i.code)];
    });
    const result = provisionalScores(hegang, bound, [{ id: "u1", answers: { entries, records: [record("CLEAN.DISCIPLINE", "staff")] } }], names).get("u1")!;
    expect(result.pending).toBe(0);
    // 100 − 5 (staff disciplined) − 2.50 (petitions 50%) − 10 (no award).
    expect(result.final).toEqual({ total: "82.50", grade: "良好" });
    expect(result.provisional).toBe("82.50");
    expect(result.reportedMax).toBe("100.00");
  });

  it("weights reported scores as the total does, and leaves rank indicators for the close", () => {
    const weighted: SchemeDocument = schemeDocumentSchema.parse({
      ...kitchenSinkScheme,
      categories: [
        { code: "A", name: "甲", weight: 60, indicators: kitchenSinkScheme.categories[0]!.indicators.filter((i) => ["BIN", "TIER"].includes(i.code)) },
        { code: "B", name: "乙", weight: 40, indicators: kitchenSinkScheme.categories[0]!.indicators.filter((i) => ["RANK", "MANUAL"].includes(i.code)) },
      ],
    });
    const b = bind(weighted, () => ["s1"]);
    const answers: UnitAnswers = { entries: [value("BIN", { met: true }), value("RANK", { value: 3 }), value("MANUAL", { score: 4, note: "良" })], records: [] };
    const result = provisionalScores(weighted, b, [{ id: "u1", answers }], names).get("u1")!;
    // A: BIN 5 of 15 × 60/15 = 20.00 (max 20.00); B: MANUAL 4 of 8 × 40/8 = 20.00 (max 25.00).
    expect(result).toMatchObject({ provisional: "40.00", reportedMax: "45.00", final: null });
    expect(result.indicators.find((i) => i.code === "RANK")?.status).toBe("deferred");
    expect(result.indicators.find((i) => i.code === "TIER")?.status).toBe("pending");
    const engine = scoreUnits(weighted, [{ code: "u", facts: { BIN: { met: true }, TIER: { tier: "一般" }, RANK: { value: 3 }, MANUAL: { score: 4, note: "良" } } }]);
    expect(engine.ok && engine.results[0]!.indicators.find((i) => i.code === "BIN")?.score).toBe("5.00");
  });

  it("reports a source's contradictory answers as a problem, not a score", () => {
    const b = bind(hegang, (code) => (code === "PERFORM.COMPLAINT" ? ["s1", "s2"] : ["s1"]));
    const answers: UnitAnswers = { entries: [{ indicatorCode: "PERFORM.COMPLAINT", subKey: "", sourceOrgId: "s1", answer: "not_applicable" }, none("PERFORM.COMPLAINT", "s2")], records: [] };
    const result = provisionalScores(hegang, b, [{ id: "u1", answers }], names).get("u1")!;
    expect(result.indicators.find((i) => i.code === "PERFORM.COMPLAINT")).toMatchObject({ status: "problem" });
    expect(result.provisional).toBeNull();
  });
});

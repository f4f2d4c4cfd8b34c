import { describe, expect, it } from "vitest";
import { getBuiltInScheme, resultsDocumentSchema, scoreFactsDocument } from "@/lib/scoring";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";
import { HEGANG_SAMPLE_FACTS } from "./helpers";

const facts = HEGANG_SAMPLE_FACTS;
const document = {
  format: "integrity-facts/v1",
  scheme: "hegang-2022",
  units: [
    { code: "11230100MB1234567X", name: "鹤岗市信访局", facts },
    { code: "B", facts: { ...facts, "OPEN.PLEDGE": { met: false } } },
  ],
};

describe("scoreFactsDocument", () => {
  it("prints a results document with 2-decimal strings, in the order of the facts", () => {
    const outcome = scoreFactsDocument(JSON.parse(JSON.stringify(document)), undefined, getBuiltInScheme);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const results = JSON.parse(JSON.stringify(outcome.document)) as unknown;
    expect(resultsDocumentSchema.parse(results)).toEqual(results);
    expect(outcome.document).toMatchObject({ format: "integrity-results/v1", scheme: "hegang-2022", schemeVersion: 1 });
    const [first, second] = outcome.document.units;
    expect(first).toMatchObject({ code: "11230100MB1234567X", name: "鹤岗市信访局", total: "89.25", grade: "良好", rank: 1 });
    expect(second).toMatchObject({ code: "B", total: "84.25", grade: "良好", rank: 2 });
    expect(first?.categories[0]).toEqual({ code: "LAW", score: "18.00", weight: 20 });
    expect(first?.indicators[0]).toEqual({
      code: "LAW.EXAM",
      score: "8.00",
      max: 10,
      notApplicable: false,
      explanation: "考核扣分项2项，每项扣1分，扣2分，得8.00分",
    });
    const scores = outcome.document.units.flatMap((u) => [u.total, ...u.categories.map((c) => c.score), ...u.indicators.map((i) => i.score)]);
    for (const score of scores) expect(score).toMatch(/^\d+\.\d{2}$/);
  });

  it("accepts the scheme inline", () => {
    const outcome = scoreFactsDocument({ ...document, scheme: hegang2022 });
    expect(outcome.ok && outcome.document.units[0]?.total).toBe("89.25");
  });

  it("uses the given scheme over the document's", () => {
    const outcome = scoreFactsDocument({ ...document, scheme: "something-else" }, hegang2022);
    expect(outcome.ok).toBe(true);
  });

  it("refuses an unknown scheme code, an invalid inline scheme and a malformed document", () => {
    const unknown = scoreFactsDocument({ ...document, scheme: "nope" }, undefined, getBuiltInScheme);
    expect(unknown.ok ? [] : unknown.problems).toEqual([{ path: "scheme", message: "未知的方案代码“nope”" }]);
    const inline = scoreFactsDocument({ ...document, scheme: { ...hegang2022, version: 0 } });
    expect(inline.ok ? [] : inline.problems.map((p) => p.path)).toEqual(["scheme.version"]);
    const malformed = scoreFactsDocument({ format: "x", units: [{ facts: [] }] });
    expect(malformed.ok ? [] : malformed.problems.map((p) => p.path)).toEqual([
      "format",
      "scheme",
      "units[0].code",
      "units[0].facts",
    ]);
  });
});

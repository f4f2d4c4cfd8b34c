import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, round2, scoreUnits, type SchemeDocument, type UnitFacts, type UnitResult } from "@/lib/scoring";
import { quotient2, roundProduct } from "@/lib/scoring/decimal";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";
import { hegangUnits } from "./arbitraries";
import { indicator } from "./helpers";

const score = (scheme: SchemeDocument, units: UnitFacts[]): UnitResult[] => {
  const outcome = scoreUnits(scheme, units);
  if (!outcome.ok) throw new Error(outcome.problems[0]?.message);
  return outcome.results;
};
const byCode = (results: UnitResult[]) => new Map(results.map((r) => [r.code, r]));

/** hegang-2022 with a rank rule added, so that order independence covers ranking too. */
const withRank: SchemeDocument = {
  ...hegang2022,
  categories: hegang2022.categories.map((category, c) =>
    c === 0
      ? {
          ...category,
          weight: 20,
          indicators: [...category.indicators, indicator("LAW.REVIEW", 2, { kind: "rank", full: 2, top: 1.8, better: "lower" })],
        }
      : category,
  ),
};

describe("properties of scoring", () => {
  it("keeps every score within [0, max], categories within their weight and totals within [0, 100]", () => {
    fc.assert(
      fc.property(hegangUnits(1, 8), (units) => {
        for (const result of score(hegang2022, units)) {
          for (const i of result.indicators) {
            expect(Number(i.score)).toBeGreaterThanOrEqual(0);
            expect(Number(i.score)).toBeLessThanOrEqual(i.max);
          }
          for (const c of result.categories) expect(Number(c.score)).toBeLessThanOrEqual(c.weight);
          expect(Number(result.total)).toBeGreaterThanOrEqual(0);
          expect(Number(result.total)).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never raises a score for more negative records", () => {
    const negative = ["LAW.EXAM", "OPEN.DOUBLE", "KEEP.ARREARS", "PERFORM.COMPLAINT", "CLEAN.DISCIPLINE"] as const;
    fc.assert(
      fc.property(hegangUnits(1, 1), fc.constantFrom(...negative), fc.nat({ max: 5 }), ([unit], code, extra) => {
        if (unit === undefined) return;
        const fact = unit.facts[code];
        if (typeof fact !== "object" || fact === null || !("counts" in fact)) return;
        const counts = fact.counts as Record<string, number>;
        const key = Object.keys(counts)[0] ?? "leadership";
        const worse = { ...unit, facts: { ...unit.facts, [code]: { counts: { ...counts, [key]: (counts[key] ?? 0) + extra } } } };
        const [before] = score(hegang2022, [unit]);
        const [after] = score(hegang2022, [worse]);
        expect(Number(after?.total)).toBeLessThanOrEqual(Number(before?.total));
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of the units (rank rules included)", () => {
    const units = hegangUnits(2, 12).chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.array(fc.oneof(fc.constant(null), fc.constant("N/A" as const), fc.nat({ max: 5 }).map((n) => n / 10)), {
          minLength: list.length,
          maxLength: list.length,
        }),
        fc.shuffledSubarray(list.map((_, i) => i), { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(units, ([list, reviews, order]) => {
        const ranked = list.map((unit, i) => {
          const review = reviews[i];
          return { ...unit, facts: { ...unit.facts, "LAW.REVIEW": review === "N/A" ? review : { value: review ?? null } } };
        });
        const forwards = byCode(score(withRank, ranked));
        const shuffled = byCode(score(withRank, order.map((i) => ranked[i] as UnitFacts)));
        for (const [code, result] of forwards) expect(shuffled.get(code)).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(hegangUnits(1, 6), (units) => {
        expect(JSON.stringify(score(hegang2022, units))).toBe(JSON.stringify(score(hegang2022, structuredClone(units))));
      }),
      { numRuns: 100 },
    );
  });
});

describe("exact arithmetic shortcuts", () => {
  it("roundProduct agrees with Decimal half-up rounding", () => {
    const b = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.nat({ max: 100_000 }).map((k) => k / 100_000),
      fc.nat({ max: 2000 }).map((k) => k / 200),
      fc.double({ min: 0, max: 1e4, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), b, (a, value) => {
        const exact = new D(a).times(value).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
        const fast = roundProduct(a, value);
        if (fast !== undefined) expect(fast).toBe(exact);
      }),
      { numRuns: 5000 },
    );
  });

  it("quotient2 rounds the exact quotient half-up", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), (n, d) => {
        // n / d to 2 decimals: compare 100 n / d with integer arithmetic
        const q = Math.floor((100 * n) / d);
        const rest = 100 * n - q * d;
        const expected = (2 * rest >= d ? q + 1 : q) / 100;
        expect(quotient2(new D(n), new D(d)).toNumber()).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("round2 rounds half away from zero", () => {
    expect(round2(new D("4.995")).toFixed(2)).toBe("5.00");
    expect(round2(new D("2.345")).toFixed(2)).toBe("2.35");
    expect(round2(new D("1.005")).toFixed(2)).toBe("1.01");
    expect(round2(new D("-1.005")).toFixed(2)).toBe("-1.01");
  });
});

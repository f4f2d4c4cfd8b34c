import fc from "fast-check";

/** Random valid facts for hegang-2022 (counts small, rates any number in [0, 1]). */
const count = fc.nat({ max: 15 });
const orNA = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant("N/A" as const) }, { weight: 9, arbitrary: arb });

export const hegangFacts = fc.record({
  "LAW.EXAM": orNA(fc.record({ counts: fc.record({ items: count }) })),
  "LAW.DISHONEST": orNA(fc.record({ count: fc.nat({ max: 3 }) })),
  "OPEN.EXAM": orNA(fc.record({ counts: fc.record({ findings: count }, { requiredKeys: [] }) })),
  "OPEN.DOUBLE": orNA(fc.record({ counts: fc.record({ findings: count }) })),
  "OPEN.PLEDGE": orNA(fc.record({ met: fc.boolean() })),
  "DILIGENT.TARGET": orNA(fc.record({ tier: fc.constantFrom("优秀", "良好", "一般", "未达标") })),
  "DILIGENT.PETITION": orNA(
    fc.record({ value: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 1000 }).map((k) => k / 1000)) }),
  ),
  "KEEP.DEBT": orNA(fc.record({ met: fc.boolean() })),
  "KEEP.ARREARS": orNA(fc.record({ counts: fc.record({ verified: count }) })),
  "PERFORM.COMPLAINT": orNA(fc.record({ counts: fc.record({ verified: count }) })),
  "PERFORM.AWARD": orNA(fc.record({ awards: fc.array(fc.constantFrom("national", "provincial", "municipal"), { maxLength: 4 }) })),
  "CLEAN.DISCIPLINE": orNA(fc.record({ counts: fc.record({ leadership: fc.nat({ max: 2 }), staff: fc.nat({ max: 3 }) }) })),
});


export const hegangUnits = (min: number, max: number) =>
  fc.uniqueArray(
    fc.record({ code: fc.stringMatching(/^[A-Z0-9]{4,8}$/), facts: hegangFacts }),
    { minLength: min, maxLength: max, selector: (unit) => unit.code },
  );

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getBuiltInScheme, resultsDocumentSchema, scoreFactsDocument, validateScheme, type Problem } from "@/lib/scoring";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";
import { hegangUnits } from "./arbitraries";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces the value at a random place of a JSON tree, or deletes it. */
function mutate(doc: Json, picks: number[], replacement: Json | undefined): Json {
  if (picks.length === 0 || doc === null || typeof doc !== "object") return replacement ?? null;
  const [pick = 0, ...rest] = picks;
  const keys = Array.isArray(doc) ? doc.map((_, i) => i) : Object.keys(doc);
  if (keys.length === 0) return doc;
  const key = keys[pick % keys.length] ?? 0;
  if (Array.isArray(doc)) {
    const copy = [...doc];
    copy[Number(key)] = mutate(copy[Number(key)] ?? null, rest, replacement);
    return copy;
  }
  const copy = { ...doc };
  const child = copy[String(key)];
  if (rest.length === 0 && replacement === undefined) delete copy[String(key)];
  else copy[String(key)] = mutate(child ?? null, rest, replacement);
  return copy;
}

const jsonish: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>("N/A", -1, 0.5, 1.5, 1e21, "", [], {}, { counts: { items: -1 } }, { value: 2 }, { tier: "优秀" }),
);

function expectOutcome(outcome: ReturnType<typeof scoreFactsDocument>): void {
  if (outcome.ok) {
    expect(resultsDocumentSchema.safeParse(JSON.parse(JSON.stringify(outcome.document))).success).toBe(true);
  } else {
    expect(outcome.problems.length).toBeGreaterThan(0);
    for (const problem of outcome.problems as Problem[]) {
      expect(typeof problem.path).toBe("string");
      expect(problem.message.length).toBeGreaterThan(0);
    }
  }
}

describe("fuzz: any document yields results or listed problems, never an exception", () => {
  it("random JSON-ish documents (5,000)", () => {
    const document = fc.oneof(
      jsonish,
      fc.record({ format: fc.constant("integrity-facts/v1"), scheme: fc.oneof(fc.constant("hegang-2022"), jsonish), units: jsonish }),
      fc.record({
        format: fc.constant("integrity-facts/v1"),
        scheme: fc.constant("hegang-2022"),
        units: fc.array(fc.record({ code: fc.oneof(fc.string(), jsonish), facts: fc.dictionary(fc.string(), jsonish) })),
      }),
    );
    fc.assert(
      fc.property(document, (doc) => expectOutcome(scoreFactsDocument(doc, undefined, getBuiltInScheme))),
      { numRuns: 5000 },
    );
  });

  it("mutated valid documents, scheme inline or by code (5,000)", () => {
    const valid = hegangUnits(1, 4).map((units) => ({
      format: "integrity-facts/v1",
      scheme: "hegang-2022",
      units,
    }));
    const mutation = fc.tuple(
      valid,
      fc.boolean(),
      fc.array(fc.nat(), { minLength: 0, maxLength: 7 }),
      fc.option(jsonish, { nil: undefined }),
    );
    fc.assert(
      fc.property(mutation, ([doc, inline, picks, replacement]) => {
        const input = (inline ? { ...doc, scheme: hegang2022 } : doc) as unknown as Json;
        const mutated = mutate(input, picks, replacement);
        expectOutcome(scoreFactsDocument(mutated, undefined, getBuiltInScheme));
        if (inline && typeof mutated === "object" && mutated !== null && !Array.isArray(mutated)) {
          const { errors, warnings } = validateScheme(mutated.scheme);
          expect(Array.isArray(errors) && Array.isArray(warnings)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

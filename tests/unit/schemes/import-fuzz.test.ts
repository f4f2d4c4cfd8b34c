import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtInSchemes, parseScheme, schemeDocumentSchema } from "@/lib/scoring";
import { parseJsonText } from "@/lib/schemes/json";
import { problemsToFieldErrors } from "@/lib/schemes/problems";
import { fuzzRuns, hostileText, isChineseMessage, mutateText, textEdits } from "../../support/fuzz";

/*
 * spec/quality.md "bad input": a scheme document imported from a file goes through parseJsonText
 * and parseScheme (lib/schemes/mutations.ts importScheme); whatever the file holds, the answer is
 * the scheme, a Chinese syntax error with its line and column, or every problem with its JSON path.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Outcome = "syntax" | "problems" | "valid";

function importOutcome(text: string): Outcome {
  const json = parseJsonText(text);
  if (!json.ok) {
    expect(json.message).toMatch(/^文件不是有效的 JSON：第\d+行第\d+列附近有误$/);
    return "syntax";
  }
  const parsed = parseScheme(json.value);
  if (parsed.ok) {
    expect(schemeDocumentSchema.safeParse(parsed.scheme).success).toBe(true);
    return "valid";
  }
  expect(parsed.errors.length).toBeGreaterThan(0);
  expect(parsed.errors.filter((p) => typeof p.path !== "string" || !isChineseMessage(p.message))).toEqual([]);
  expect(Object.values(problemsToFieldErrors(parsed.errors)).flat()).toHaveLength(parsed.errors.length);
  return "problems";
}

const SCHEMES = builtInSchemes.map((s) => JSON.parse(JSON.stringify(s)) as Json);
const TEXTS = SCHEMES.map((s) => JSON.stringify(s, null, 2));

const deep = (depth: number, leaf: Json, wrap: (inner: Json) => Json): Json => {
  let out = leaf;
  for (let i = 0; i < depth; i++) out = wrap(out);
  return out;
};

const jsonish: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom<Json>(-1, 0, 0.005, 100.001, 1e308, -0, "N/A", [], {}, { __proto__: { polluted: true } } as Json, { constructor: { prototype: 1 } }, { kind: "award", levels: { __proto__: 5, toString: 3 } }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => deep(n, "x", (inner) => [inner])) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => deep(n, 1, (inner) => ({ a: inner }))) },
);

/** Replaces the value at a random place of a JSON tree with `replacement`, or deletes it. */
function mutate(doc: Json, picks: readonly number[], replacement: Json | undefined): Json {
  if (picks.length === 0 || doc === null || typeof doc !== "object") return replacement ?? null;
  const [pick = 0, ...rest] = picks;
  if (Array.isArray(doc)) {
    if (doc.length === 0) return doc;
    const copy = [...doc];
    const at = pick % copy.length;
    if (rest.length === 0 && replacement === undefined) copy.splice(at, 1);
    else copy[at] = mutate(copy[at]!, rest, replacement);
    return copy;
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) return doc;
  const key = keys[pick % keys.length]!;
  const copy = { ...doc };
  if (rest.length === 0 && replacement === undefined) delete copy[key];
  else copy[key] = mutate(copy[key]!, rest, replacement);
  return copy;
}

describe("scheme import fuzz: the scheme, a located syntax error or listed problems, nothing else", { timeout: 20_000 }, () => {
  it("random text (3,000)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), fc.json({ maxDepth: 4 }), hostileText), (text) => {
        importOutcome(text);
      }),
      fuzzRuns(3000),
    );
  });

  it("built-in schemes as text, truncated and garbled (1,500)", () => {
    const seen = { syntax: 0, problems: 0, valid: 0 };
    fc.assert(
      fc.property(fc.nat(TEXTS.length - 1), textEdits, (which, edits) => {
        seen[importOutcome(mutateText(TEXTS[which]!, edits))]++;
      }),
      fuzzRuns(1500),
    );
    expect(seen.syntax).toBeGreaterThan(100);
  });

  it("built-in schemes with values replaced or removed anywhere: hostile text, deep nesting, prototype keys (3,000)", () => {
    const seen = { syntax: 0, problems: 0, valid: 0 };
    fc.assert(
      fc.property(fc.nat(SCHEMES.length - 1), fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.option(jsonish, { nil: undefined })), { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const doc = mutations.reduce<Json>((d, [picks, replacement]) => mutate(d, picks, replacement), SCHEMES[which]!);
        seen[importOutcome(JSON.stringify(doc))]++;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      fuzzRuns(3000),
    );
    expect(seen.problems).toBeGreaterThan(1000);
    expect(seen.valid).toBeGreaterThan(0);
  });

  it("deep, huge and unclosed documents", () => {
    expect(importOutcome("[".repeat(100_000) + "]".repeat(100_000))).toBe("problems");
    expect(importOutcome("[".repeat(100_000))).toBe("syntax");
    expect(importOutcome(`{"a":${"{\"a\":".repeat(50_000)}1${"}".repeat(50_000)}}`)).toBe("problems");
    const nested = JSON.stringify({ ...(SCHEMES[0] as object), categories: "@" }).replace('"@"', `${"[".repeat(50_000)}${"]".repeat(50_000)}`);
    expect(importOutcome(nested)).toBe("problems");
    expect(importOutcome(JSON.stringify({ ...(SCHEMES[0] as object), name: "长".repeat(1_000_000) }))).not.toBe("syntax");
    const many = { ...(SCHEMES[0] as { categories: Json[] }) };
    many.categories = Array.from({ length: 2000 }, (_, i) => ({ ...(many.categories[0] as object), code: `C${i}` }));
    expect(importOutcome(JSON.stringify(many))).toBe("problems");
    expect(importOutcome(`${TEXTS[0]!.slice(0, 5000)}\u0000${TEXTS[0]!.slice(5000)}`)).toBe("syntax");
  });
});

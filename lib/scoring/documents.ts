import { scoreUnits } from "./engine";
import { issuesToProblems, problemAt, safeParseZh } from "./problems";
import {
  factsDocumentSchema,
  type Problem,
  type ResultsDocument,
  type SchemeDocument,
} from "./schema";
import { getBuiltInScheme } from "./templates";
import { parseScheme } from "./validate-scheme";

export type SchemeResolver = (code: string) => SchemeDocument | undefined;

export type DocumentOutcome = { ok: true; document: ResultsDocument } | { ok: false; problems: Problem[] };

type SchemeChoice = { ok: true; scheme: SchemeDocument } | { ok: false; problems: Problem[] };

function chooseScheme(given: unknown, override: SchemeDocument | undefined, resolve: SchemeResolver): SchemeChoice {
  if (override !== undefined) return { ok: true, scheme: override };
  if (typeof given === "string") {
    const scheme = resolve(given);
    return scheme === undefined
      ? { ok: false, problems: [problemAt({ path: "scheme" }, `未知的方案代码“${given}”`)] }
      : { ok: true, scheme };
  }
  const parsed = parseScheme(given);
  if (parsed.ok) return { ok: true, scheme: parsed.scheme };
  const problems = parsed.errors.map((p) => ({ ...p, path: underScheme(p.path) }));
  return { ok: false, problems };
}

function underScheme(path: string): string {
  if (path === "$") return "scheme";
  return path.startsWith("[") ? `scheme${path}` : `scheme.${path}`;
}

/**
 * Scores a facts document (integrity-facts/v1) into a results document
 * (integrity-results/v1). The scheme is `scheme` when given, else the facts
 * document's inline scheme, else the one `resolve` finds for its code
 * (by default the built-in templates).
 */
export function scoreFactsDocument(
  doc: unknown,
  scheme?: SchemeDocument,
  resolve: SchemeResolver = getBuiltInScheme,
): DocumentOutcome {
  const parsed = safeParseZh(factsDocumentSchema, doc);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error, { path: "" }) };
  const choice = chooseScheme(parsed.data.scheme, scheme, resolve);
  if (!choice.ok) return choice;
  const outcome = scoreUnits(choice.scheme, parsed.data.units);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    document: {
      format: "integrity-results/v1",
      scheme: choice.scheme.code,
      schemeVersion: choice.scheme.version,
      units: outcome.results,
    },
  };
}

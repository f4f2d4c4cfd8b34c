"use client";

import { createContext, useContext } from "react";
import type { Problem } from "@/lib/scoring";

/*
 * The draft's validateScheme result, indexed by JSON path, so every field shows the messages of
 * its own path (the engine's zod schemas and cross-field checks) and a rule form the rest.
 */

export type ProblemIndex = { errors: Map<string, string[]>; warnings: Map<string, string[]> };

export function indexProblems(errors: readonly Problem[], warnings: readonly Problem[]): ProblemIndex {
  const byPath = (problems: readonly Problem[]) => {
    const map = new Map<string, string[]>();
    for (const problem of problems) map.set(problem.path, [...(map.get(problem.path) ?? []), problem.message]);
    return map;
  };
  return { errors: byPath(errors), warnings: byPath(warnings) };
}

const ProblemsContext = createContext<ProblemIndex>({ errors: new Map(), warnings: new Map() });

export const ProblemsProvider = ProblemsContext.Provider;

export function useProblems(): ProblemIndex {
  return useContext(ProblemsContext);
}

/** The error messages of exactly this path. */
export function useFieldErrors(path: string): string[] | undefined {
  return useContext(ProblemsContext).errors.get(path);
}

/** A DOM id for a JSON path (ids of the editor's fields, so problems can jump to them). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]/g, (ch) => `_${ch.charCodeAt(0).toString(36)}`)}`;
}

/** Entries of `map` whose path is `prefix` or lies under it, and which `claimed` does not take. */
export function problemsUnder(map: Map<string, string[]>, prefix: string, claimed: (relative: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const [path, messages] of map) {
    if (path !== prefix && !path.startsWith(`${prefix}.`) && !path.startsWith(`${prefix}[`)) continue;
    if (!claimed(path.slice(prefix.length))) out.push(...messages);
  }
  return out;
}

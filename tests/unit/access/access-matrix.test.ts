import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessMatrixMarkdown } from "@/tests/e2e/support/access-doc";
import { ACTIONS, actionKey, PAGES, ROUTES, routeKey, SCOPE_CASES } from "@/tests/e2e/support/access-table";
import { appPages, appRoutes, sourceActions } from "@/tests/e2e/support/app-surface";

// The access matrix without a server: the table covers what app/ has (the e2e spec checks the build
// and makes the calls), and docs/access-matrix.md is the table's current rendering.

const root = path.resolve(__dirname, "../../..");
const missing = (have: string[], named: string[]) => ({ notInTable: have.filter((x) => !named.includes(x)), notInApp: named.filter((x) => !have.includes(x)) });
const none = { notInTable: [], notInApp: [] };

describe("the access table (tests/e2e/support/access-table.ts)", () => {
  it("names every page of app/ and nothing else", () => {
    expect(missing(appPages(root), PAGES.map((p) => p.path))).toEqual(none);
  });

  it("names every exported method of every route handler and nothing else", () => {
    expect(missing(appRoutes(root), ROUTES.map(routeKey))).toEqual(none);
  });

  it("names every export of every \"use server\" file and nothing else", () => {
    expect(missing(sourceActions(root), ACTIONS.map(actionKey))).toEqual(none);
  });

  it("has one row per page, route and action, and scope cases that name rows of it", () => {
    const keys = [...PAGES.map((p) => p.path), ...ROUTES.map(routeKey), ...ACTIONS.map(actionKey)];
    expect(new Set(keys).size).toBe(keys.length);
    const targets = SCOPE_CASES.map((c) => ("page" in c ? c.page : "route" in c ? c.route : c.action));
    expect(targets.filter((t) => !keys.includes(t))).toEqual([]);
  });
});

describe("docs/access-matrix.md", () => {
  it("is what `npm run docs:access` renders from the table", () => {
    const written = readFileSync(path.join(root, "docs/access-matrix.md"), "utf8");
    expect(written === accessMatrixMarkdown(), "docs/access-matrix.md is out of date: run `npm run docs:access`").toBe(true);
  });
});

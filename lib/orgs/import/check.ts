import "server-only";
import { db } from "@/lib/db/client";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import {
  checkUnitList,
  parseUnitList,
  UNIT_LIST_PROBLEM_CODES,
  UNIT_LIST_PROBLEM_LABELS,
  UnitListFileError,
  type UnitListCheck,
  type UnitListTable,
} from "@/lib/orgs/unit-list";
import { loadExistingForUnitList } from "./data";
import { planItemView, planUnitImport, type UnitImportPlan } from "./plan";
import type { FileInfo, UnitListCheckOutcome } from "./types";

/** How many problems / preview rows go to the browser; the counts always cover all of them. */
export const SHOWN_PROBLEMS = 1000;
export const SHOWN_ITEMS = 2000;

/** Bytes → rows; a file that is not a readable CSV/XLSX is refused with its Chinese reason. */
export async function readUnitList(bytes: Uint8Array, fileName: string): Promise<UnitListTable> {
  try {
    return await parseUnitList(bytes, fileName);
  } catch (error) {
    if (error instanceof UnitListFileError) throw new AppError("INVALID", error.message, { file: [error.message] });
    throw error;
  }
}

export type CheckedList = { check: UnitListCheck; plan: UnitImportPlan | null };

/**
 * The list checked against the system (the organisations it mentions, read in one query) and, when
 * nothing is wrong, the plan. Used for the preview and again inside the import's transaction.
 */
export async function checkAndPlan(client: PrismaClient | Tx, table: UnitListTable): Promise<CheckedList> {
  const rows = checkUnitList(table).rows;
  const existing = await loadExistingForUnitList(client, rows);
  const check = checkUnitList(table, { existing });
  return { check, plan: check.problems.length === 0 ? planUnitImport(check, existing) : null };
}

function fileInfo(table: UnitListTable, fileName: string, rows: number): FileInfo {
  return { fileName, format: table.format, ...(table.encoding ? { encoding: table.encoding } : {}), rows };
}

/** The import page's first step: every problem by row, or the preview of what would change. */
export async function previewUnitList(bytes: Uint8Array, fileName: string, client: PrismaClient = db()): Promise<UnitListCheckOutcome> {
  const table = await readUnitList(bytes, fileName);
  const { check, plan } = await checkAndPlan(client, table);
  const info = fileInfo(table, fileName, check.rows.length);
  if (!plan) {
    const counts = UNIT_LIST_PROBLEM_CODES.map((code) => ({
      code,
      label: UNIT_LIST_PROBLEM_LABELS[code],
      count: check.problems.filter((p) => p.code === code).length,
    })).filter((c) => c.count > 0);
    return {
      ...info,
      status: "problems",
      valid: check.valid,
      problems: check.problems.slice(0, SHOWN_PROBLEMS),
      omitted: Math.max(0, check.problems.length - SHOWN_PROBLEMS),
      counts,
    };
  }
  return {
    ...info,
    status: "preview",
    counts: plan.counts,
    items: plan.items.slice(0, SHOWN_ITEMS).map(planItemView),
    omitted: Math.max(0, plan.items.length - SHOWN_ITEMS),
    fingerprint: plan.fingerprint,
  };
}

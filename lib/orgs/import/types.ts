// What the import page receives from its server actions: plain, serializable data (no Prisma).
import type { UnitListProblem, UnitListProblemCode } from "@/lib/orgs/unit-list/schema";

export type PlanAction = "create" | "update" | "unchanged";

export interface PlanChangeView {
  label: string;
  before: string | null;
  after: string | null;
}

export interface PlanItemView {
  row: number;
  uscc: string;
  name: string;
  kindLabel: string;
  action: PlanAction;
  /** The parent after the import (a unit of the file or one already in the system). */
  parentName: string | null;
  /** Depth in the file's own hierarchy (0 = top, or a parent outside the file). */
  depth: number;
  changes: PlanChangeView[];
}

export interface FileInfo {
  fileName: string;
  format: "csv" | "xlsx";
  encoding?: "utf-8" | "utf-16le" | "gb18030";
  rows: number;
}

export type UnitListCheckOutcome =
  | (FileInfo & {
      status: "problems";
      valid: number;
      problems: UnitListProblem[];
      /** Problems not sent (only the first ones are shown); counts below cover all of them. */
      omitted: number;
      counts: { code: UnitListProblemCode; label: string; count: number }[];
    })
  | (FileInfo & {
      status: "preview";
      counts: Record<PlanAction, number>;
      items: PlanItemView[];
      omitted: number;
      fingerprint: string;
    });

export interface UnitImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  accounts: number;
  /** The initial passwords as an .xlsx, base64; given once and never stored. */
  credentialsXlsx: string | null;
  credentialsFileName: string | null;
}

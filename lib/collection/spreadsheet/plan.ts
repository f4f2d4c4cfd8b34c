// What a validated spreadsheet would write, and the problems that stop it. Pure types and helpers.
import type { SheetRow } from "@/lib/orgs/unit-list";
import type { ReportingSlot } from "../slots";
import { slotKey } from "../slots";
import type { ScopeUnit, SourceScope } from "./scope";
import { findSlot } from "./scope";

export type SheetName = "数值" | "记录";

export type ImportProblem = { sheet: SheetName; row: number; column: string; message: string };

export type PlannedEntry = {
  unitId: string;
  indicatorCode: string;
  subKey: string;
  answer: "records" | "value" | "none" | "not_applicable";
  value: unknown;
};

export type PlannedRecord = {
  row: number;
  unitId: string;
  indicatorCode: string;
  subKey: string;
  itemKey: string;
  occurredOn: string;
  description: string;
  referenceNo: string | null;
};

export type ImportPlan = { entries: PlannedEntry[]; records: PlannedRecord[] };

/** What is already stored for this source, keyed by cellKey(unitId, slot). */
export type CurrentAnswers = {
  entries: Map<string, { answer: string; value: unknown }>;
  liveRecords: Map<string, number>;
};

export function cellKey(unitId: string, slot: { indicatorCode: string; subKey: string }): string {
  return `${unitId}|${slotKey(slot)}`;
}

export function emptyCurrent(): CurrentAnswers {
  return { entries: new Map(), liveRecords: new Map() };
}

/** Resolves a row's unit and slot, or reports why not. */
export function locateRow(
  scope: SourceScope,
  unitsByCode: Map<string, ScopeUnit>,
  row: SheetRow,
  columns: { uscc: number; slot: number },
  report: (column: string, message: string) => void,
): { unit: ScopeUnit; slot: ReportingSlot } | null {
  const code = (row.cells[columns.uscc] ?? "").toUpperCase();
  const slotCode = row.cells[columns.slot] ?? "";
  let ok = true;
  if (code === "") {
    report("统一社会信用代码", "请填写受评单位的统一社会信用代码");
    ok = false;
  }
  if (slotCode === "") {
    report("指标代码", "请填写指标代码");
    ok = false;
  }
  if (!ok) return null;
  const unit = unitsByCode.get(code);
  if (!unit) {
    report("统一社会信用代码", `“${code}”不是本周期由本单位报送数据的受评单位`);
    return null;
  }
  const found = findSlot(scope, unit.unitKind, slotCode);
  if ("error" in found) {
    report("指标代码", found.error);
    return null;
  }
  return { unit, slot: found.slot };
}

export function unitsByCode(scope: SourceScope): Map<string, ScopeUnit> {
  return new Map(scope.units.map((u) => [u.uscc.toUpperCase(), u]));
}

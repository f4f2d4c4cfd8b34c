// The "数值" sheet: one row per unit × value slot.
import type { SheetRow } from "@/lib/orgs/unit-list";
import { MAX_NOTE, SHEETS, VALUE_COLUMNS, valueColumn } from "./layout";
import { cellKey, locateRow, type ImportProblem, type PlannedEntry } from "./plan";
import type { ScopeUnit, SourceScope } from "./scope";
import { readValueCell } from "./value-cell";

const COL = { uscc: valueColumn("uscc"), slot: valueColumn("slot"), value: valueColumn("value"), note: valueColumn("note") };
const HEADER = Object.fromEntries(VALUE_COLUMNS.map((c) => [c.key, c.header])) as Record<(typeof VALUE_COLUMNS)[number]["key"], string>;

export function validateValueRows(scope: SourceScope, units: Map<string, ScopeUnit>, rows: readonly SheetRow[], problems: ImportProblem[]): PlannedEntry[] {
  const entries: PlannedEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const report = (column: string, message: string) => problems.push({ sheet: SHEETS.values, row: row.row, column, message });
    const text = row.cells[COL.value] ?? "";
    const note = row.cells[COL.note] ?? "";
    const located = locateRow(scope, units, row, COL, report);
    if (!located) continue;
    const { unit, slot } = located;
    if (slot.mode !== "value") {
      report(HEADER.slot, "该指标按记录报送（记录数由记录自动计算），请填在“记录”工作表");
      continue;
    }
    if (text === "") {
      if (slot.rule.kind === "manual" && note !== "") report(HEADER.value, "填写了评分说明，但没有填写评分");
      continue;
    }
    const key = cellKey(unit.id, slot);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report(HEADER.slot, `同一单位、同一指标已在第${earlier}行填写，每个单位每个指标只能填一行`);
      continue;
    }
    seen.set(key, row.row);
    if (note.length > MAX_NOTE) {
      report(HEADER.note, `备注不能超过${MAX_NOTE}字`);
      continue;
    }
    const answer = readValueCell(slot.rule, slot.max, slot.subKey === "", text, note);
    if ("error" in answer) {
      report(HEADER.value, answer.error);
      continue;
    }
    entries.push({ unitId: unit.id, indicatorCode: slot.indicatorCode, subKey: slot.subKey, answer: answer.answer, value: answer.value });
  }
  return entries;
}

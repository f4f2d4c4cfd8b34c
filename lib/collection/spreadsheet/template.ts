// The XLSX template of one source in one cycle: its units × its assigned slots, pre-filled with what
// is already reported (so a download, edit and re-import changes only what was edited). Cells are
// written as string values, which a spreadsheet never evaluates, so stored text round-trips unchanged.
import ExcelJS from "exceljs";
import { makeWorkbookXmlSafe } from "@/lib/export/inert";
import { writeGuide } from "./guide";
import { NONE_WORD, NOT_APPLICABLE_WORD, RECORD_COLUMNS, SHEETS, VALUE_COLUMNS } from "./layout";
import { cellKey, type CurrentAnswers } from "./plan";
import type { ScopeUnit, SourceScope } from "./scope";
import { itemChoices } from "./validate-records";
import { reasonOf, valueCellText, valueChoices, valueHint } from "./value-cell";
import { slotKey, type ReportingSlot } from "../slots";

const FIXED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };

/** Drop-down lists live in a very hidden sheet, one column per distinct list (inline lists max 255 chars). */
class ChoiceLists {
  private readonly columns = new Map<string, string>();
  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  rangeOf(choices: readonly string[]): string {
    const key = choices.join("\u0000");
    let range = this.columns.get(key);
    if (!range) {
      const col = this.columns.size + 1;
      choices.forEach((choice, i) => (this.sheet.getCell(i + 1, col).value = choice));
      const letter = this.sheet.getColumn(col).letter;
      range = `'${SHEETS.lists}'!$${letter}$1:$${letter}$${choices.length}`;
      this.columns.set(key, range);
    }
    return range;
  }
}

function listValidation(range: string, prompt: string): ExcelJS.DataValidation {
  return { type: "list", allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle: "warning", errorTitle: "不在选项中", error: prompt };
}

function styleHeader(sheet: ExcelJS.Worksheet, columns: readonly { header: string; width: number }[], fixed: number): void {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  sheet.getColumn(1).numFmt = "@";
  for (let c = 1; c <= fixed; c++) sheet.getColumn(c).fill = FIXED_FILL;
}

type Pair = { unit: ScopeUnit; slot: ReportingSlot };

/** Grouped by slot (one kind of answer down the column), units in the scope's order. */
function pairs(scope: SourceScope, mode: ReportingSlot["mode"]): Pair[] {
  const bySlot = new Map<string, Pair[]>();
  for (const unit of scope.units) {
    for (const slot of scope.slots[unit.unitKind] ?? []) {
      if (slot.mode !== mode) continue;
      const key = slotKey(slot);
      bySlot.set(key, [...(bySlot.get(key) ?? []), { unit, slot }]);
    }
  }
  return [...bySlot.values()].flat();
}

function writeValues(sheet: ExcelJS.Worksheet, scope: SourceScope, current: CurrentAnswers, lists: ChoiceLists): void {
  styleHeader(sheet, VALUE_COLUMNS, 5);
  for (const { unit, slot } of pairs(scope, "value")) {
    const stored = current.entries.get(cellKey(unit.id, slot));
    const filled = stored ? valueCellText(slot.rule, stored.answer, stored.value) : { value: "", note: "" };
    const row = sheet.addRow([unit.uscc, unit.name, slotKey(slot), slot.name, valueHint(slot.rule), filled.value, filled.note]);
    const choices = valueChoices(slot.rule, slot.subKey === "");
    if (choices) row.getCell(6).dataValidation = listValidation(lists.rangeOf(choices), `请从下拉列表中选择：${choices.join("、")}`);
  }
}

function writeRecords(sheet: ExcelJS.Worksheet, scope: SourceScope, current: CurrentAnswers, lists: ChoiceLists): void {
  styleHeader(sheet, RECORD_COLUMNS, 4);
  sheet.getColumn(6).numFmt = "yyyy-mm-dd";
  sheet.getColumn(8).numFmt = "@";
  for (const { unit, slot } of pairs(scope, "records")) {
    const key = cellKey(unit.id, slot);
    const stored = current.entries.get(key);
    const item = stored?.answer === "none" ? NONE_WORD : stored?.answer === "not_applicable" ? NOT_APPLICABLE_WORD : "";
    const reason = stored?.answer === "not_applicable" ? reasonOf(stored.value) : null;
    const row = sheet.addRow([unit.uscc, unit.name, slotKey(slot), slot.name, item, null, reason, null, current.liveRecords.get(key) ?? 0]);
    const choices = [...itemChoices(slot).map((c) => c.label), NONE_WORD, ...(slot.subKey === "" ? [NOT_APPLICABLE_WORD] : [])];
    row.getCell(5).dataValidation = listValidation(lists.rangeOf(choices), `请从下拉列表中选择：${choices.join("、")}`);
  }
}

/** The filled-in template as .xlsx bytes. */
export async function buildTemplate(scope: SourceScope, current: CurrentAnswers, generatedAt: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "政务诚信评价平台";
  const guide = workbook.addWorksheet(SHEETS.guide);
  const values = workbook.addWorksheet(SHEETS.values, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  const records = workbook.addWorksheet(SHEETS.records, { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  const listSheet = workbook.addWorksheet(SHEETS.lists, { state: "veryHidden" });
  const lists = new ChoiceLists(listSheet);
  writeGuide(guide, scope, generatedAt);
  writeValues(values, scope, current, lists);
  writeRecords(records, scope, current, lists);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  makeWorkbookXmlSafe(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

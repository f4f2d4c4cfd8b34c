import { recordDateProblem } from "@/lib/collection/record-dates";
// The "记录" sheet: one row per event, or "无"/"不涉及" for a unit × records slot.
import { levelName } from "@/lib/scoring";
import type { SheetRow } from "@/lib/orgs/unit-list";
import type { ReportingSlot } from "../slots";
import { parseCalendarDate } from "./dates";
import { MAX_DESCRIPTION, MAX_REFERENCE, NONE_WORD, NOT_APPLICABLE_WORD, RECORD_COLUMNS, recordColumn, SHEETS } from "./layout";
import { notApplicableReason } from "./value-cell";
import { cellKey, locateRow, type CurrentAnswers, type ImportProblem, type PlannedEntry, type PlannedRecord } from "./plan";
import type { ScopeUnit, SourceScope } from "./scope";

const COL = {
  uscc: recordColumn("uscc"),
  slot: recordColumn("slot"),
  item: recordColumn("item"),
  date: recordColumn("date"),
  description: recordColumn("description"),
  reference: recordColumn("reference"),
};
const HEADER = Object.fromEntries(RECORD_COLUMNS.map((c) => [c.key, c.header])) as Record<(typeof RECORD_COLUMNS)[number]["key"], string>;

/** The words accepted for each item of a slot: its label and its key (award levels: 国家级 and national). */
export function itemChoices(slot: ReportingSlot): { key: string; label: string }[] {
  return slot.recordItems.map((item) => ({ key: item.key, label: slot.rule.kind === "award" ? levelName(item.key) : item.label }));
}

function itemKeyOf(slot: ReportingSlot, text: string): { key: string } | { error: string } {
  const choices = itemChoices(slot);
  if (choices.length === 0) return text === "" ? { key: "" } : { error: `该指标不区分事项，“事项”列请留空（或填“${NONE_WORD}”）` };
  if (text === "") return choices.length === 1 ? { key: choices[0]!.key } : { error: `请选择事项：${choices.map((c) => c.label).join("、")}` };
  const found = choices.find((c) => c.label === text || c.key === text);
  return found ? { key: found.key } : { error: `事项“${text}”不是该指标的事项，应为：${choices.map((c) => c.label).join("、")}` };
}

type Marker = { row: number; answer: "none" | "not_applicable"; value: unknown; unitId: string; slot: ReportingSlot };

function marker(item: string, date: string, description: string, reference: string, slot: ReportingSlot): { answer: Marker["answer"]; value: unknown } | { error: string } {
  if (date !== "" || reference !== "") return { error: `填“${item}”的行不能再填写日期或文号` };
  if (item === NONE_WORD) return description === "" ? { answer: "none", value: null } : { error: `填“${NONE_WORD}”的行不能再填写事件描述` };
  if (slot.subKey !== "") return { error: "子项不能单独填“不涉及”，请填“无”或填写记录" };
  const reason = notApplicableReason(description, "事件描述");
  return "error" in reason ? reason : { answer: "not_applicable", value: reason.value };
}

export type RecordRowsOutcome = { records: PlannedRecord[]; markers: Marker[] };

export function validateRecordRows(
  scope: SourceScope,
  units: Map<string, ScopeUnit>,
  rows: readonly SheetRow[],
  today: string,
  problems: ImportProblem[],
): RecordRowsOutcome {
  const records: PlannedRecord[] = [];
  const markers: Marker[] = [];
  const signatures = new Map<string, number>();
  for (const row of rows) {
    const report = (column: string, message: string) => problems.push({ sheet: SHEETS.records, row: row.row, column, message });
    const cell = (i: number) => row.cells[i] ?? "";
    const [item, date, description, reference] = [cell(COL.item), cell(COL.date), cell(COL.description), cell(COL.reference)];
    if (item === "" && date === "" && description === "" && reference === "") continue; // a pre-filled row left blank
    const located = locateRow(scope, units, row, COL, report);
    if (!located) continue;
    const { unit, slot } = located;
    if (slot.mode !== "records") {
      report(HEADER.slot, "该指标按数值报送，请填在“数值”工作表");
      continue;
    }
    if (item === NONE_WORD || item === NOT_APPLICABLE_WORD) {
      const m = marker(item, date, description, reference, slot);
      if ("error" in m) report(HEADER.item, m.error);
      else markers.push({ row: row.row, ...m, unitId: unit.id, slot });
      continue;
    }
    const before = problems.length;
    const itemKey = itemKeyOf(slot, item);
    if ("error" in itemKey) report(HEADER.item, itemKey.error);
    const occurredOn = date === "" ? null : parseCalendarDate(date);
    if (date === "") report(HEADER.date, "请填写日期");
    else if (!occurredOn) report(HEADER.date, `日期“${date}”无效，请按 ${scope.year}-03-15 的格式填写`);
    else {
      const problem = recordDateProblem(occurredOn, scope.year, scope.collectionDeadline, today);
      if (problem) report(HEADER.date, problem);
    }
    if (description === "") report(HEADER.description, "请填写事件描述");
    else if (description.length < 2) report(HEADER.description, "事件描述至少2个字");
    else if (description.length > MAX_DESCRIPTION) report(HEADER.description, `事件描述不能超过${MAX_DESCRIPTION}字`);
    if (reference.length > MAX_REFERENCE) report(HEADER.reference, `文号/编号不能超过${MAX_REFERENCE}字`);
    if (problems.length > before || "error" in itemKey || !occurredOn) continue;
    const signature = [unit.id, slot.indicatorCode, slot.subKey, itemKey.key, occurredOn, description, reference].join("\u0000");
    const same = signatures.get(signature);
    if (same !== undefined) {
      report(HEADER.description, `与第${same}行完全相同；如确为两件事，请用文号或描述区分`);
      continue;
    }
    signatures.set(signature, row.row);
    records.push({ row: row.row, unitId: unit.id, indicatorCode: slot.indicatorCode, subKey: slot.subKey, itemKey: itemKey.key, occurredOn, description, referenceNo: reference || null });
  }
  return { records, markers };
}

/**
 * "无"/"不涉及" rows against the records of the same unit and slot (in the file or already stored),
 * and the entries the records and markers make.
 */
export function recordEntries(outcome: RecordRowsOutcome, current: CurrentAnswers, problems: ImportProblem[]): PlannedEntry[] {
  const withRecords = new Map<string, PlannedRecord>();
  for (const r of outcome.records) if (!withRecords.has(cellKey(r.unitId, r))) withRecords.set(cellKey(r.unitId, r), r);
  const entries = new Map<string, PlannedEntry>();
  for (const [key, r] of withRecords) {
    entries.set(key, { unitId: r.unitId, indicatorCode: r.indicatorCode, subKey: r.subKey, answer: "records", value: null });
  }
  const marked = new Map<string, Marker>();
  for (const m of outcome.markers) {
    const key = cellKey(m.unitId, m.slot);
    const report = (message: string) => problems.push({ sheet: SHEETS.records, row: m.row, column: HEADER.item, message });
    const word = m.answer === "none" ? NONE_WORD : NOT_APPLICABLE_WORD;
    const inFile = withRecords.get(key)?.row;
    const stored = current.liveRecords.get(key) ?? 0;
    const earlier = marked.get(key);
    if (inFile !== undefined) report(`同一单位、同一指标在第${inFile}行填写了记录，不能再填“${word}”`);
    else if (stored > 0) report(`该单位该指标已报送${stored}条记录，不能填“${word}”；如需更正，请在网页上撤回记录`);
    else if (earlier && earlier.answer !== m.answer) report(`与第${earlier.row}行矛盾：同一单位、同一指标不能既填“无”又填“不涉及”`);
    else if (!earlier) {
      marked.set(key, m);
      entries.set(key, { unitId: m.unitId, indicatorCode: m.slot.indicatorCode, subKey: m.slot.subKey, answer: m.answer, value: m.value });
    }
  }
  return [...entries.values()];
}

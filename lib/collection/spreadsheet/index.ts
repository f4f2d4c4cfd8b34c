// The facts spreadsheet of a source (issue 6 item 3): template, reading and validation. Pure: no
// database; lib/collection/spreadsheet/data.ts loads the scope and lib/collection/import.ts applies.
export { MAX_IMPORT_BYTES, MAX_ROWS, NONE_WORD, NOT_APPLICABLE_WORD, RECORD_COLUMNS, SHEETS, VALUE_COLUMNS } from "./layout";
export { buildScope, findSlot, type ScopeSlotInput, type ScopeUnit, type SourceScope } from "./scope";
export { cellKey, emptyCurrent, type CurrentAnswers, type ImportPlan, type ImportProblem, type PlannedEntry, type PlannedRecord, type SheetName } from "./plan";
export { FactSheetFileError, readFactSheets, type FactSheets } from "./read";
export { buildTemplate } from "./template";
export { validateFactSheets, type ImportCounts, type ImportValidation, type ValidateOptions } from "./validate";
export { parseNumber, readValueCell, valueCellText } from "./value-cell";
export { parseCalendarDate } from "./dates";

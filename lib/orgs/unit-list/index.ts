// The unit list (单位名单) of issue 4: CSV/XLSX → rows → every problem of every row. Pure: no
// database, no file system; the CLI and the import page feed it bytes and existing organisations.
export { columnLetter, locateHeader, normalizeHeader } from "./header";
export { resolveParents, type ParentLink } from "./parents";
export { decodeText, detectFormat, parseCsv, parseUnitList, parseXlsx, UnitListFileError, type SheetRow, type UnitListTable } from "./parse";
export { formatRows, nameKey, type ExistingOrgRef, type UnitListRow } from "./rows";
export {
  UNIT_LIST_COLUMNS,
  UNIT_LIST_PROBLEM_CODES,
  UNIT_LIST_PROBLEM_LABELS,
  unitCheckReportSchema,
  unitListProblemSchema,
  unitRowSchema,
  type UnitCheckReport,
  type UnitListColumnKey,
  type UnitListProblem,
  type UnitListProblemCode,
} from "./schema";
export { checkUnitList, unitCheckReport, type CheckOptions, type UnitListCheck } from "./validate";

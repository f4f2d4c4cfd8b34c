import type { SheetRow } from "./parse";
import { UNIT_LIST_COLUMNS, type UnitListColumnKey, type UnitListProblem } from "./schema";

/** How many rows above the header a sheet may have (a title, a date line). */
const HEADER_SEARCH_ROWS = 10;

export interface HeaderMap {
  headerRow: number;
  /** Column key → 0-based cell index. */
  columns: Map<UnitListColumnKey, number>;
  /** Cell indexes whose header is empty (content below them is reported). */
  unnamed: (cellIndex: number) => boolean;
}

/** A, B, …, Z, AA, … for a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Full-width → half-width, no spaces, no required-marks: "统一社会信用代码 *" → "统一社会信用代码". */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\((必填|选填|可选)\)$/, "")
    .replace(/^\*|\*$/g, "");
}

const KEY_BY_HEADER = new Map<string, UnitListColumnKey>(
  UNIT_LIST_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normalizeHeader(h), c.key] as const)),
);

export function columnKeyOf(headerText: string): UnitListColumnKey | undefined {
  return KEY_BY_HEADER.get(normalizeHeader(headerText));
}

export function headerOf(key: UnitListColumnKey): string {
  return UNIT_LIST_COLUMNS.find((c) => c.key === key)!.header;
}

const ALL_HEADERS = UNIT_LIST_COLUMNS.map((c) => c.header).join("、");

/**
 * The header is the first row (of the first ten) naming 单位名称 or 统一社会信用代码; rows above it
 * (a title line) are skipped. Every header problem is reported on the header's own row.
 */
export function locateHeader(rows: readonly SheetRow[]): { header?: HeaderMap; dataRows: SheetRow[]; problems: UnitListProblem[] } {
  const index = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.some((c) => ["name", "uscc"].includes(columnKeyOf(c) ?? "")));
  if (index < 0) {
    const message = `找不到表头：前${HEADER_SEARCH_ROWS}行中没有“单位名称”或“统一社会信用代码”列（应有的列：${ALL_HEADERS}）`;
    return { dataRows: [], problems: [{ row: rows[0]?.row ?? 1, column: "", code: "header_missing", message }] };
  }
  const headerRow = rows[index]!;
  const problems: UnitListProblem[] = [];
  const columns = new Map<UnitListColumnKey, number>();
  headerRow.cells.forEach((text, i) => {
    if (text.trim() === "") return;
    const key = columnKeyOf(text);
    if (key === undefined) {
      problems.push({
        row: headerRow.row,
        column: text.trim(),
        code: "column_unknown",
        message: `无法识别第${columnLetter(i)}列“${text.trim()}”，该列内容不会导入；请删除该列或改用规定的列名（${ALL_HEADERS}）`,
      });
      return;
    }
    const seen = columns.get(key);
    if (seen !== undefined) {
      problems.push({
        row: headerRow.row,
        column: headerOf(key),
        code: "column_duplicate",
        message: `“${headerOf(key)}”列出现了两次（第${columnLetter(seen)}列和第${columnLetter(i)}列），请只保留一列`,
      });
      return;
    }
    columns.set(key, i);
  });
  for (const column of UNIT_LIST_COLUMNS) {
    if (column.required && !columns.has(column.key)) {
      problems.push({ row: headerRow.row, column: column.header, code: "column_missing", message: `缺少必需的列“${column.header}”` });
    }
  }
  const unnamed = (i: number) => (headerRow.cells[i] ?? "").trim() === "";
  return { header: { headerRow: headerRow.row, columns, unnamed }, dataRows: rows.slice(index + 1), problems };
}

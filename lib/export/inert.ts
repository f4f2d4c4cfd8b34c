// Text leaving the app in a spreadsheet or a CSV file (spec/quality.md "Security"). Pure; the client's
// CSV download uses it too.
import type ExcelJS from "exceljs";

/** Characters XML 1.0 cannot carry: one stray control character in a typed text makes Excel or Word refuse the file. */
export const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** What a spreadsheet would start a formula (or DDE command) with when the text is typed or opened as CSV. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text written inert: a leading apostrophe, which Excel and WPS show as "text", in front of
 * anything that would run as a formula (CSV/formula injection), and no character XML cannot carry.
 */
export function inertCell(value: string | number | Date | null): string | number | Date | null {
  if (typeof value !== "string") return value;
  const text = xmlSafe(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field (RFC 4180): inert, and always quoted. */
export function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(inertCell(value));
  return `"${text.replace(/"/g, '""')}"`;
}

function safeValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === "string") return xmlSafe(value);
  if (value && typeof value === "object" && "richText" in value) {
    return { ...value, richText: value.richText.map((run) => ({ ...run, text: xmlSafe(run.text) })) };
  }
  return value;
}

/**
 * Drops the characters XML cannot carry from every text of a workbook built in memory (cells,
 * sheet names, page headers, document properties), just before it is written. Text cells stay text
 * cells: exceljs writes a string as a string, never as a formula.
 */
export function makeWorkbookXmlSafe(workbook: ExcelJS.Workbook): void {
  for (const key of ["creator", "lastModifiedBy", "title", "subject", "keywords", "category", "description", "company", "manager"] as const) {
    const text = workbook[key];
    if (typeof text === "string") workbook[key] = xmlSafe(text);
  }
  for (const sheet of workbook.worksheets) {
    sheet.name = xmlSafe(sheet.name) || "Sheet";
    const hf = sheet.headerFooter;
    for (const key of ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"] as const) {
      const text = hf[key];
      if (typeof text === "string") hf[key] = xmlSafe(text);
    }
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const safe = safeValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      });
    });
  }
}

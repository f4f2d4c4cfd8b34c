import type ExcelJS from "exceljs";

type CellValue = ExcelJS.CellValue;

/**
 * A cell as the text a person sees: formulas by their result, rich text joined, a date typed in a
 * cell as its calendar date (Excel stores it as UTC midnight), and an integer too long for a
 * double (an 18-digit credit code typed as a number) as Excel shows it, so validation can say so.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential().toUpperCase();
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" ? text : cellText((text ?? null) as CellValue);
  }
  if ("error" in value) return String(value.error);
  return "";
}

import ExcelJS from "exceljs";
import { parseCsv } from "@/lib/orgs/unit-list";

/** A GBK encoder built from the platform's own GB18030 decoder (no extra dependency). */
let gbkTable: Map<string, number[]> | undefined;
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** The same table as an .xlsx (every cell text), as Excel would save the CSV opened and re-saved. */
export async function csvToXlsx(csv: string, options: { titleRow?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("单位名单");
  if (options.titleRow) sheet.addRow([options.titleRow]);
  for (const { cells } of parseCsv(csv.replace(/^\uFEFF/, "")).rows) sheet.addRow(cells);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

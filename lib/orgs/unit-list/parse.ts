import ExcelJS from "exceljs";
import { cellText } from "@/lib/spreadsheet/cells";
import { MAX_UNZIPPED_BYTES, unzipsBeyond } from "@/lib/spreadsheet/zip-guard";
import type { UnitListProblem } from "./schema";

/** One spreadsheet row as a person sees it: `row` is its number in Excel (the first row is 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface UnitListTable {
  format: "csv" | "xlsx";
  /** For CSV: the text encoding that was detected. */
  encoding?: "utf-8" | "utf-16le" | "gb18030";
  rows: SheetRow[];
  /** Problems of the file itself (a CSV quote never closed). */
  problems: UnitListProblem[];
}

/** A file that cannot be read as a unit list at all (wrong type, corrupt workbook). */
export class UnitListFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnitListFileError";
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The content decides (magic bytes); the extension only refines the message. */
export function detectFormat(bytes: Uint8Array, fileName: string): "csv" | "xlsx" {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, OLE) || ext === "xls") {
    throw new UnitListFileError("不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后再上传");
  }
  if (ext === "xlsx") throw new UnitListFileError("文件扩展名是 .xlsx，但内容不是 Excel 工作簿，文件可能已损坏");
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    throw new UnitListFileError("文件不是 CSV 文本，也不是 .xlsx 工作簿，请上传 .csv 或 .xlsx 文件");
  }
  return "csv";
}

/**
 * UTF-8 (with or without BOM), UTF-16LE with BOM (Excel's "Unicode text"), and otherwise GB18030:
 * Excel on a Chinese Windows saves "CSV (逗号分隔)" in the ANSI code page, i.e. GBK, which GB18030
 * contains. Bytes that are valid UTF-8 are read as UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "utf-16le" | "gb18030" } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** Comma, or tab when the first line has tabs and no commas (Excel's "Unicode text"). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  return firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
}

/**
 * RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks; records end with
 * CRLF, LF or CR. A record's number is the row Excel shows for it (a quoted line break stays in
 * one row).
 */
export function parseCsv(text: string): { rows: SheetRow[]; problems: UnitListProblem[] } {
  const delimiter = delimiterOf(text);
  const rows: SheetRow[] = [];
  const problems: UnitListProblem[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let quoteRow = 0;
  const endRecord = () => {
    cells.push(field);
    rows.push({ row: rows.length + 1, cells });
    cells = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteRow = rows.length + 1;
    } else if (ch === delimiter) {
      cells.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else field += ch;
  }
  if (quoted) {
    problems.push({ row: quoteRow, column: "", code: "csv_malformed", message: `第${quoteRow}行有未闭合的双引号，其后的内容都被当作同一个单元格` });
  }
  if (field !== "" || cells.length > 0 || quoted) endRecord();
  return { rows, problems };
}

/** The first worksheet of an .xlsx, every row numbered as in Excel (empty rows kept as gaps). */
export async function parseXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  if (unzipsBeyond(bytes)) {
    throw new UnitListFileError(`该 Excel 工作簿解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，不是正常的单位名单，请检查文件后重新保存再上传`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer (JSZip reads either); a copy keeps the view's bounds.
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch {
    throw new UnitListFileError("无法读取该 Excel 工作簿，文件可能已损坏或受密码保护");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnitListFileError("Excel 工作簿中没有工作表");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return rows;
}

/** CSV or XLSX bytes → the rows of the sheet; throws UnitListFileError when unreadable. */
export async function parseUnitList(bytes: Uint8Array, fileName: string): Promise<UnitListTable> {
  if (bytes.length === 0) throw new UnitListFileError("文件是空的");
  if (detectFormat(bytes, fileName) === "xlsx") return { format: "xlsx", rows: await parseXlsx(bytes), problems: [] };
  const { text, encoding } = decodeText(bytes);
  const { rows, problems } = parseCsv(text);
  return { format: "csv", encoding, rows, problems };
}

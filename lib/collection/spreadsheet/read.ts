// Reads a filled template: the "数值" and "记录" sheets as rows of cell texts, numbered as in Excel.
import ExcelJS from "exceljs";
import { cellText } from "@/lib/spreadsheet/cells";
import { MAX_UNZIPPED_BYTES, unzipsBeyond } from "@/lib/spreadsheet/zip-guard";
import { detectFormat, UnitListFileError, type SheetRow } from "@/lib/orgs/unit-list";
import { MAX_ROWS, RECORD_COLUMNS, SHEETS, VALUE_COLUMNS } from "./layout";

export type FactSheets = { values: SheetRow[]; records: SheetRow[] };

/** A file that cannot be read as a facts spreadsheet at all (not .xlsx, no such sheets, too long). */
export class FactSheetFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FactSheetFileError";
  }
}


function rowsOf(sheet: ExcelJS.Worksheet, width: number): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = new Array<string>(width).fill("");
    for (let col = 1; col <= width; col++) cells[col - 1] = cellText(row.getCell(col).value).trim();
    if (cells.some((c) => c !== "")) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function checkHeader(sheetName: string, header: SheetRow | undefined, columns: readonly { header: string }[]): void {
  const wanted = columns.map((c) => c.header);
  const got = header?.row === 1 ? header.cells : [];
  const wrong = wanted.filter((h, i) => got[i] !== h);
  if (wrong.length > 0) {
    throw new FactSheetFileError(`工作表“${sheetName}”的第1行应为表头：${wanted.join("、")}；请使用本系统下载的模板，不要增删或移动列`);
  }
}

/** The two data sheets of a template (without their header rows); throws FactSheetFileError. */
export async function readFactSheets(bytes: Uint8Array, fileName: string): Promise<FactSheets> {
  if (bytes.length === 0) throw new FactSheetFileError("文件是空的");
  let format: string;
  try {
    format = detectFormat(bytes, fileName);
  } catch (error) {
    throw new FactSheetFileError(error instanceof UnitListFileError ? error.message : "无法识别文件类型");
  }
  if (format !== "xlsx") throw new FactSheetFileError("请上传从本系统下载并填写的 Excel 模板（.xlsx）");
  if (unzipsBeyond(bytes)) {
    throw new FactSheetFileError(`该 Excel 工作簿解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，不是正常的数据报送模板，请检查文件后重新保存再上传`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  } catch {
    throw new FactSheetFileError("无法读取该 Excel 工作簿，文件可能已损坏或受密码保护");
  }
  const valuesSheet = workbook.getWorksheet(SHEETS.values);
  const recordsSheet = workbook.getWorksheet(SHEETS.records);
  if (!valuesSheet || !recordsSheet) {
    throw new FactSheetFileError(`工作簿中应有“${SHEETS.values}”和“${SHEETS.records}”两个工作表；请使用本系统下载的模板`);
  }
  const values = rowsOf(valuesSheet, VALUE_COLUMNS.length);
  const records = rowsOf(recordsSheet, RECORD_COLUMNS.length);
  checkHeader(SHEETS.values, values[0], VALUE_COLUMNS);
  checkHeader(SHEETS.records, records[0], RECORD_COLUMNS);
  const data = { values: values.slice(1), records: records.slice(1) };
  if (data.values.length + data.records.length > MAX_ROWS) {
    throw new FactSheetFileError(`文件有 ${data.values.length + data.records.length} 行数据，超过每次 ${MAX_ROWS} 行的上限，请分批导入`);
  }
  return data;
}

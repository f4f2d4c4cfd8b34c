import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { contentDisposition } from "@/lib/files/policy";
import { inertCell } from "./inert";

export type Column<Row> = { header: string; width?: number; value: (row: Row) => string | number | Date | null };

export { inertCell };

/**
 * Streams an .xlsx of any length: rows are committed batch by batch, so memory stays flat for
 * exports of a whole province.
 */
export function streamXlsx<Row>(sheetName: string, columns: Column<Row>[], batches: AsyncIterable<Row[]>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const row of batch) {
          sheet.addRow(columns.map((c) => inertCell(c.value(row)))).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export function xlsxResponse(stream: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(filename, "export.xlsx"),
      "Cache-Control": "no-store",
    },
  });
}

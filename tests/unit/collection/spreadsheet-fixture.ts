// Shared by the spreadsheet unit tests: a source's scope over two unit kinds and helpers to fill a template.
import ExcelJS from "exceljs";
import { buildScope, type SourceScope } from "@/lib/collection/spreadsheet";
import { reportingSlots } from "@/lib/collection/slots";
import { getBuiltInScheme } from "@/lib/scoring";
import { kitchenSinkScheme } from "../../support/monitor-factory";

export const TODAY = "2026-11-21";

export const UNITS = [
  { id: "u-county-1", uscc: "11230400MB0000001A", name: "甲县", unitKind: "county" as const },
  { id: "u-county-2", uscc: "11230400MB0000002B", name: "乙县", unitKind: "county" as const },
  { id: "u-dept-1", uscc: "11230400MB0000003C", name: "市发改委", unitKind: "municipal_department" as const },
];

/**
 * The source reports every kitchen-sink indicator for counties and LAW.EXAM + DILIGENT.TARGET for
 * departments; DILIGENT.PETITION is assigned to it too, but another source leads it.
 */
export function testScope(): SourceScope {
  const kitchen = reportingSlots(kitchenSinkScheme);
  const hegang = reportingSlots(getBuiltInScheme("hegang-2022")!);
  const pick = (code: string, answers = true) => ({ slot: hegang.find((s) => s.indicatorCode === code)!, unitKinds: ["municipal_department" as const], answers });
  return buildScope(
    { cycleId: "c1", year: 2026, cycleName: "2026年度政务诚信评价", collectionDeadline: "2026-12-01", sourceOrgId: "s1", sourceName: "市司法局" },
    [...kitchen.map((slot) => ({ slot, unitKinds: ["county" as const], answers: true })), pick("LAW.EXAM"), pick("DILIGENT.TARGET"), pick("DILIGENT.PETITION", false)],
    { county: kitchen, municipal_department: hegang },
    UNITS,
  );
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Row numbers of a sheet by "uscc|slot" (columns A and C). */
export function rowIndex(sheet: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  sheet.eachRow((row, n) => {
    if (n > 1) out.set(`${row.getCell(1).text}|${row.getCell(3).text}`, n);
  });
  return out;
}

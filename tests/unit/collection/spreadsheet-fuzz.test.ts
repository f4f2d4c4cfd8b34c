import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slotKey } from "@/lib/collection/slots";
import { buildTemplate, emptyCurrent, FactSheetFileError, readFactSheets, RECORD_COLUMNS, validateFactSheets, VALUE_COLUMNS, type FactSheets } from "@/lib/collection/spreadsheet";
import type { SheetRow } from "@/lib/orgs/unit-list";
import { byteEdits, fuzzRuns, hostileText, isChineseMessage, mutateBytes, mutatePackage, packageEdits } from "../../support/fuzz";
import { testScope, TODAY, UNITS } from "./spreadsheet-fixture";

/*
 * spec/quality.md "bad input": whatever a source uploads as its facts spreadsheet, the importer
 * answers with its own refusal (FactSheetFileError: not a workbook, wrong sheets or headers, too
 * many rows) or with every problem by sheet, row and column, in Chinese; never anything else.
 */

const scope = testScope();
const SLOTS = [...new Set(Object.values(scope.allSlots).flatMap((slots) => slots.map(slotKey)))];

type Outcome = "refused" | "problems" | "valid";

function validated(sheets: FactSheets, blankRecordsAsNone: boolean): Outcome {
  const outcome = validateFactSheets(scope, sheets, emptyCurrent(), { today: TODAY, blankRecordsAsNone });
  if (outcome.ok) {
    expect(outcome.rows).toBe(sheets.values.length + sheets.records.length);
    return "valid";
  }
  const bad = outcome.problems.filter((p) => !(["数值", "记录"].includes(p.sheet) && Number.isInteger(p.row) && p.row >= 1 && typeof p.column === "string" && isChineseMessage(p.message)));
  expect(bad).toEqual([]);
  expect(outcome.problems.length).toBeGreaterThan(0);
  return "problems";
}

async function importOutcome(bytes: Uint8Array, fileName = "模板.xlsx", blankRecordsAsNone = false): Promise<Outcome> {
  let sheets: FactSheets;
  try {
    sheets = await readFactSheets(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(FactSheetFileError);
    expect(isChineseMessage((error as Error).message), (error as Error).message).toBe(true);
    return "refused";
  }
  return validated(sheets, blankRecordsAsNone);
}

/** Cells that are often right (a real unit, slot, date or answer) and often hostile. */
const cell = (right: string[]) => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...right) }, { weight: 1, arbitrary: hostileText });
const valueRow = fc.tuple(
  cell(UNITS.map((u) => u.uscc)),
  cell(UNITS.map((u) => u.name)),
  cell(SLOTS),
  hostileText,
  hostileText,
  cell(["是", "否", "优秀", "良好", "一般", "无", "不涉及", "0.95", "95%", "3", "良好（", "4.5"]),
  cell(["", "说明", "本年度未组织"]),
);
const recordRow = fc.tuple(
  cell(UNITS.map((u) => u.uscc)),
  cell(UNITS.map((u) => u.name)),
  cell(SLOTS),
  hostileText,
  cell(["", "考核扣分项", "省级", "国家级", "发现问题"]),
  cell(["2026-03-02", "2026/3/2", "2026年3月2日", "46083", "2027-01-01", "2026-02-30", ""]),
  cell(["规范性文件未按期备案", ""]),
  cell(["鹤司函〔2026〕12号", ""]),
  hostileText,
);
const rowsOf = (tuples: string[][]): SheetRow[] => tuples.map((cells, i) => ({ row: i + 2, cells }));

describe("facts spreadsheet fuzz: a file error or every problem by sheet, row and column, nothing else", { timeout: 20_000 }, () => {
  it("random bytes under any name (2,000)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom("模板.xlsx", "模板.csv", "模板.xls", "模板"), fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]), async (bytes, name, magic) => {
        expect(await importOutcome(Uint8Array.from([...magic, ...bytes]), name)).toBe("refused");
      }),
      fuzzRuns(2000),
    );
  });

  it("sheets of hostile and half-right rows, straight to validation (4,000)", () => {
    const seen = { refused: 0, problems: 0, valid: 0 };
    fc.assert(
      fc.property(fc.array(valueRow, { maxLength: 12 }), fc.array(recordRow, { maxLength: 12 }), fc.boolean(), (values, records, blank) => {
        seen[validated({ values: rowsOf(values), records: rowsOf(records) }, blank)]++;
      }),
      fuzzRuns(4000),
    );
    expect(seen.problems).toBeGreaterThan(1000);
    expect(seen.valid).toBeGreaterThan(0);
  });

  it("truncated and byte-garbled templates (600)", async () => {
    const template = await buildTemplate(scope, emptyCurrent(), TODAY);
    await fc.assert(
      fc.asyncProperty(byteEdits, async (edits) => {
        await importOutcome(mutateBytes(template, edits));
      }),
      fuzzRuns(600),
    );
  });

  it("templates whose XML is edited: every cell type, formulas, bad indexes, renamed sheets, missing parts (300)", async () => {
    const template = await buildTemplate(scope, emptyCurrent(), TODAY);
    const seen = { refused: 0, problems: 0, valid: 0 };
    await fc.assert(
      fc.asyncProperty(packageEdits, fc.boolean(), async (edits, blank) => {
        seen[await importOutcome(await mutatePackage(template, edits), "模板.xlsx", blank)]++;
      }),
      fuzzRuns(300),
    );
    expect(seen.problems + seen.valid).toBeGreaterThan(50);
  });

  it("megabyte cells and the column layout's edges", async () => {
    const huge = "长".repeat(1_000_000);
    const values = rowsOf([[UNITS[0]!.uscc, huge, SLOTS[0]!, huge, huge, huge, huge]]);
    const records = rowsOf([[UNITS[0]!.uscc, huge, SLOTS[0]!, huge, huge, huge, huge, huge, huge], Array(RECORD_COLUMNS.length).fill("")]);
    expect(validated({ values, records }, false)).toBe("problems");
    expect(validated({ values: rowsOf([Array(VALUE_COLUMNS.length + 5).fill("=1+1")]), records: [] }, true)).toBe("problems");
  });
});

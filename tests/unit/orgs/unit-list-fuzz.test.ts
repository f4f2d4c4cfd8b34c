import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkUnitList, parseUnitList, unitCheckReport, unitCheckReportSchema, UnitListFileError } from "@/lib/orgs/unit-list";
import { byteEdits, fuzzRuns, hostileText, isChineseMessage, mutateBytes, mutatePackage, mutateText, packageEdits, textEdits } from "../../support/fuzz";
import { csvToXlsx, encodeGbk } from "./unit-list-helpers";

/*
 * spec/quality.md "bad input": whatever bytes arrive as a unit list, the importer answers with its own
 * refusal (UnitListFileError, a Chinese sentence) or with its report (every problem by row and
 * column, in Chinese); never anything else. Seeded (support/fuzz.ts), so a failure reproduces.
 */

const CLEAN = readFileSync("tests/fixtures/clean-units.csv", "utf8");
const SEED = readFileSync("tests/fixtures/seed-000-units.csv", "utf8");
const NAMES = ["名单.csv", "名单.xlsx", "名单.xls", "名单", "名单.CSV", "../../etc/passwd", "a.xlsx.exe"] as const;

type Outcome = "refused" | "problems" | "valid";
const tally = () => ({ refused: 0, problems: 0, valid: 0 }) as Record<Outcome, number>;

async function importOutcome(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  let table;
  try {
    table = await parseUnitList(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(UnitListFileError);
    expect(isChineseMessage((error as Error).message), (error as Error).message).toBe(true);
    return "refused";
  }
  const report = unitCheckReport(checkUnitList(table));
  expect(unitCheckReportSchema.safeParse(report).success).toBe(true);
  expect(report.problems.filter((p) => !isChineseMessage(p.message))).toEqual([]);
  return report.problems.length > 0 ? "problems" : "valid";
}

const encodings = [
  (text: string) => new TextEncoder().encode(text),
  (text: string) => new TextEncoder().encode(`\uFEFF${text}`),
  (text: string) => Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]),
  (text: string) => {
    try {
      return encodeGbk(text);
    } catch {
      return new TextEncoder().encode(text);
    }
  },
];

describe("unit list fuzz: a file error or a report of listed problems, nothing else", { timeout: 20_000 }, () => {
  it("random bytes under any name (3,000)", async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...NAMES), fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0xff, 0xfe], [0xef, 0xbb, 0xbf]), async (bytes, name, magic) => {
        seen[await importOutcome(Uint8Array.from([...magic, ...bytes]), name)]++;
      }),
      fuzzRuns(3000),
    );
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.problems).toBeGreaterThan(0);
  });

  it("garbled CSV text: hostile cells, quotes, control characters, formulas, in every encoding (2,000)", async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(CLEAN, SEED), textEdits, fc.nat(encodings.length - 1), async (base, edits, encoding) => {
        seen[await importOutcome(encodings[encoding]!(mutateText(base, edits)), "名单.csv")]++;
      }),
      fuzzRuns(2000),
    );
    expect(seen.problems).toBeGreaterThan(1000);
  });

  it("tables of hostile cells, written as CSV (1,000)", async () => {
    const table = fc.array(fc.array(hostileText, { maxLength: 9 }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.boolean(), table, async (withHeader, rows) => {
        const lines = [...(withHeader ? [CLEAN.split(/\r?\n/)[0]!] : []), ...rows.map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(","))];
        await importOutcome(new TextEncoder().encode(lines.join("\r\n")), "名单.csv");
      }),
      fuzzRuns(1000),
    );
  });

  it("truncated and byte-garbled workbooks (800)", async () => {
    const workbooks = [await csvToXlsx(CLEAN), await csvToXlsx(SEED, { titleRow: "鹤岗市受评单位名单" })];
    await fc.assert(
      fc.asyncProperty(fc.nat(1), byteEdits, async (which, edits) => {
        await importOutcome(mutateBytes(workbooks[which]!, edits), "名单.xlsx");
      }),
      fuzzRuns(800),
    );
  });

  it("workbooks whose XML is edited: every cell type, formulas, bad indexes, huge references, renamed or missing parts (500)", async () => {
    const workbook = await csvToXlsx(CLEAN);
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(packageEdits, async (edits) => {
        seen[await importOutcome(await mutatePackage(workbook, edits), "名单.xlsx")]++;
      }),
      fuzzRuns(500),
    );
    expect(seen.problems + seen.valid).toBeGreaterThan(100);
  });

  it("huge cells and many columns", async () => {
    const header = CLEAN.split(/\r?\n/)[0]!;
    const huge = `${header}\r\n1,${"长".repeat(1_000_000)},11230400MB0000001A\r\n2,${",".repeat(20_000)}\r\n`;
    expect(await importOutcome(new TextEncoder().encode(huge), "名单.csv")).toBe("problems");
    expect(await importOutcome(await csvToXlsx(`${header}\r\n1,"${"长".repeat(32_767)}",11230400MB0000001A`), "名单.xlsx")).toBe("problems");
  });
});

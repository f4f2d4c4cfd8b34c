import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildTemplate, emptyCurrent, readFactSheets, SHEETS } from "@/lib/collection/spreadsheet";
import { csvField, inertCell } from "@/lib/export/inert";
import { streamXlsx, type Column } from "@/lib/export/xlsx";
import { credentialsWorkbook } from "@/lib/orgs/import/credentials-xlsx";
import { reportToDocx } from "@/lib/reports/docx";
import { buildReport } from "@/lib/reports/model";
import { volumeChapterXml } from "@/lib/reports/volume-xml";
import { W_NS } from "@/lib/reports/ooxml";
import { reportToXlsx } from "@/lib/reports/xlsx";
import { cellText } from "@/lib/spreadsheet/cells";
import { paragraphs, readDocx } from "../../support/docx";
import { CONTROL, CONTROL_CLEANED, FORMULAS, MARKUP } from "../../support/hostile";
import { parseXml } from "../../support/xml";
import { reportInput } from "../reports/fixture";
import { testScope, TODAY } from "../collection/spreadsheet-fixture";

/*
 * Whatever users typed leaves the app as text: in Word it is escaped and literal, in Excel a string
 * cell (never a formula, and inert where a spreadsheet would otherwise run it), and a stray control
 * character never makes a file Word or Excel refuses.
 */

const HOSTILE = [...MARKUP, ...FORMULAS, CONTROL];

/** Every XML part of an OOXML package parses as well-formed XML; the parts by name. */
async function xmlParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    expect(() => parseXml(xml), name).not.toThrow();
    parts.set(name, xml);
  }
  return parts;
}

/** No formula anywhere, and every cell's text as a person sees it. */
async function workbookTexts(bytes: Uint8Array): Promise<string[]> {
  const parts = await xmlParts(bytes);
  for (const [name, xml] of parts) if (name.startsWith("xl/worksheets/")) expect(xml, name).not.toMatch(/<f[\s>]/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(typeof cell.value === "object" && cell.value !== null && "formula" in cell.value).toBe(false);
        texts.push(cellText(cell.value));
      }),
    );
  }
  return texts;
}

function hostileReport() {
  const [script, img, svg] = MARKUP;
  return buildReport(
    reportInput({
      version: "revised",
      unit: { id: "unit-1", name: `${script}局${CONTROL}`, uscc: "11230400MB1234567X", kindLabel: "市直部门" },
      records: reportInput().records.map((r, i) => ({ ...r, description: HOSTILE[i % HOSTILE.length]!, referenceNo: img, evidence: [`${svg}.pdf`] })),
      texts: { items: HOSTILE.map((text, i) => ({ indicatorCode: i % 2 ? "LAW.EXAM" : "", problem: text, suggestion: `${svg}${CONTROL}` })), editedByName: script, editedAt: "2026-11-21", resultId: "result-1", version: 1 },
      review: {
        decidedAt: "2026-11-30",
        initialTotal: "76.00",
        initialGrade: "一般",
        items: [{ indicatorCode: "LAW.EXAM", reason: `${img}=1+1`, decision: "rejected", decisionReason: `${script}${CONTROL}`, initialScore: "14.00", finalScore: "14.00" }],
      },
    }),
  );
}

describe("Word: the report, the dossier copy and the volume chapter", async () => {
  const report = hostileReport();
  const bytes = await reportToDocx(report);
  const docx = await readDocx(bytes);
  // The docx library drops the control characters; a lone surrogate comes out as U+FFFD.
  const text = paragraphs(docx.document).join("\n").replace(/\uFFFD/g, "");

  it("are well-formed, with markup escaped: no element is ever made from a user's text", async () => {
    await xmlParts(bytes);
    for (const tag of ["<script", "<img", "<svg"]) expect(docx.document).not.toContain(tag);
    expect(docx.document).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const chapter = volumeChapterXml(report, 1);
    expect(() => parseXml(`<w:document xmlns:w="${W_NS}" xmlns:r="r"><w:body>${chapter}</w:body></w:document>`)).not.toThrow();
    for (const tag of ["<script", "<img", "<svg"]) expect(chapter).not.toContain(tag);
  });

  it("show every text literally, control characters dropped", () => {
    for (const markup of MARKUP) expect(text).toContain(markup);
    expect(text).toContain('=HYPERLINK("http://evil.example","点击查看")');
    expect(text).toContain("=cmd|' /C calc'!A0");
    expect(text).toContain(`${MARKUP[0]}局${CONTROL_CLEANED}`);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe("Excel: the report's score tables", async () => {
  const bytes = new Uint8Array(await reportToXlsx(hostileReport()));
  const texts = await workbookTexts(bytes);

  it("are well-formed and formula-free, every text a string cell, shown literally", () => {
    const all = texts.join("\n");
    for (const markup of MARKUP) expect(all).toContain(markup);
    for (const formula of FORMULAS.filter((f) => !/^[\t\r]/.test(f))) expect(texts).toContain(formula);
    expect(texts).toContain(`${MARKUP[2]}${CONTROL_CLEANED}`);
    expect(all).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe("Excel: list exports (streamed)", () => {
  it("write formulas as inert text and drop control characters", async () => {
    const columns: Column<string>[] = [{ header: "单位名称", value: (s) => s }, { header: "数值", value: () => -5 }];
    const chunks: Uint8Array[] = [];
    const reader = streamXlsx("单位名单", columns, (async function* () { yield HOSTILE; })()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    const texts = await workbookTexts(new Uint8Array(Buffer.concat(chunks)));
    for (const markup of MARKUP) expect(texts).toContain(markup);
    expect(texts).toContain("'=1+1");
    expect(texts).toContain("'-2+3");
    expect(texts).toContain("'@SUM(A1)");
    expect(texts).toContain("'\t=1");
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","点击查看")`);
    expect(texts).toContain(CONTROL_CLEANED);
    expect(texts).toContain("-5");
  });
});

describe("Excel: the facts template and the initial passwords", () => {
  it("the template carries hostile unit names and stored reasons as text, and reads back unchanged", async () => {
    const scope = testScope();
    scope.units[0]!.name = `=1+1${MARKUP[0]}`;
    scope.units[1]!.name = `乙县${CONTROL}`;
    const bytes = await buildTemplate(scope, emptyCurrent(), TODAY);
    const texts = await workbookTexts(bytes);
    expect(texts).toContain(`=1+1${MARKUP[0]}`);
    expect(texts).toContain(`乙县${CONTROL_CLEANED}`);
    const sheets = await readFactSheets(bytes, "模板.xlsx");
    expect(sheets.values.some((r) => r.cells[1] === `=1+1${MARKUP[0]}`)).toBe(true);
    expect(SHEETS.values).toBe("数值");
  });

  it("the initial-password workbook makes a hostile organisation name inert", async () => {
    const bytes = await credentialsWorkbook([{ organisationName: `=cmd|' /C calc'!A0${CONTROL}`, uscc: "11230400MB0000001A", username: "u1", password: "p" }, { organisationName: MARKUP[1], uscc: "11230400MB0000002B", username: "u2", password: "p" }]);
    const texts = await workbookTexts(bytes);
    expect(texts).toContain(`'=cmd|' /C calc'!A0${CONTROL_CLEANED}`);
    expect(texts).toContain(MARKUP[1]);
  });
});

describe("CSV and cell values", () => {
  it("inertCell prefixes what a spreadsheet would run, and drops what XML cannot carry", () => {
    for (const formula of FORMULAS) expect(inertCell(formula)).toBe(`'${formula}`);
    expect(inertCell("第3行：=1")).toBe("第3行：=1");
    expect(inertCell(CONTROL)).toBe(CONTROL_CLEANED);
    expect(inertCell(-5)).toBe(-5);
    expect(inertCell(null)).toBeNull();
  });

  it("csvField quotes every field, doubles quotes, keeps line breaks inside the quotes, and is inert", () => {
    expect(csvField("=1+1")).toBe(`"'=1+1"`);
    expect(csvField('"><svg onload=alert(1)>')).toBe(`"""><svg onload=alert(1)>"`);
    expect(csvField("-2+3,@x")).toBe(`"'-2+3,@x"`);
    expect(csvField("a\r\nb")).toBe(`"a\r\nb"`);
    expect(csvField(12)).toBe(`"12"`);
    expect(csvField(null)).toBe(`""`);
  });
});

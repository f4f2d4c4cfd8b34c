import { crc32, deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildTemplate, emptyCurrent, FactSheetFileError, readFactSheets } from "@/lib/collection/spreadsheet";
import { parseUnitList, UnitListFileError } from "@/lib/orgs/unit-list";
import { MAX_UNZIPPED_BYTES, unzipsBeyond } from "@/lib/spreadsheet/zip-guard";
import { csvToXlsx } from "../orgs/unit-list-helpers";
import { testScope, TODAY } from "../collection/spreadsheet-fixture";

/** A ZIP written by hand (deflated by zlib), optionally with a directory that under-states the sizes. */
function zipOf(entries: [string, Uint8Array][], options: { lie?: boolean } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 1 });
    const size = options.lie ? Math.min(data.length, 1000) : data.length;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A real workbook whose first worksheet is padded with spaces to `padding` bytes (deflates ~1000:1). */
async function bomb(workbook: Uint8Array, padding: number, options: { lie?: boolean } = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(workbook);
  const entries: [string, Uint8Array][] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) {
    let data = await zip.file(name)!.async("uint8array");
    if (name === "xl/worksheets/sheet1.xml" || name === "xl/worksheets/sheet2.xml") {
      const xml = Buffer.from(data).toString("utf8");
      const at = xml.indexOf("<sheetData>") + "<sheetData>".length;
      data = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(padding, 0x20), Buffer.from(xml.slice(at))]);
    }
    entries.push([name, data]);
  }
  return zipOf(entries, options);
}

const UNITS_CSV = "序号,单位名称,统一社会信用代码\r\n1,鹤岗市发展和改革委员会,11230400MB0000001A";

describe("ZIP bombs are refused before a workbook is unpacked", () => {
  it("measures what a ZIP unpacks to, by inflating with a cap", async () => {
    const workbook = await csvToXlsx(UNITS_CSV);
    expect(unzipsBeyond(workbook)).toBe(false);
    expect(unzipsBeyond(zipOf([["a.xml", new Uint8Array(2000)]]), 1000)).toBe(true);
    expect(unzipsBeyond(zipOf([["a.xml", new Uint8Array(600)], ["b.xml", new Uint8Array(600)]]), 1000)).toBe(true);
    expect(unzipsBeyond(zipOf([["a.xml", new Uint8Array(2000)]], { lie: true }), 1000)).toBe(true);
    expect(unzipsBeyond(zipOf([["a.xml", new Uint8Array(1000)]]), 1000)).toBe(false);
    expect(unzipsBeyond(new TextEncoder().encode("not a zip"))).toBe(false);
    expect(unzipsBeyond(workbook.subarray(0, workbook.length - 30))).toBe(false);
  });

  it("a unit list that unpacks beyond the limit, honest or lying about its sizes, is a file error", async () => {
    const workbook = await csvToXlsx(UNITS_CSV);
    for (const lie of [false, true]) {
      const upload = await bomb(workbook, MAX_UNZIPPED_BYTES + 1024, { lie });
      expect(upload.length).toBeLessThan(1024 * 1024);
      const started = performance.now();
      await expect(parseUnitList(upload, "名单.xlsx")).rejects.toThrow(UnitListFileError);
      await expect(parseUnitList(upload, "名单.xlsx")).rejects.toThrow(/解压后超过 100 MB/);
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });

  it("so is a facts spreadsheet; a padded one under the limit is still read", async () => {
    const template = await buildTemplate(testScope(), emptyCurrent(), TODAY);
    await expect(readFactSheets(await bomb(template, MAX_UNZIPPED_BYTES + 1024), "模板.xlsx")).rejects.toThrow(FactSheetFileError);
    await expect(readFactSheets(await bomb(template, MAX_UNZIPPED_BYTES + 1024, { lie: true }), "模板.xlsx")).rejects.toThrow(/解压后超过 100 MB/);
    const padded = await readFactSheets(await bomb(template, 1024 * 1024), "模板.xlsx");
    expect(padded.values.length).toBeGreaterThan(0);
  });
});

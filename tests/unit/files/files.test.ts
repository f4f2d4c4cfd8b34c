import { describe, expect, it } from "vitest";
import { checkUpload, contentDisposition, displayFileName, extensionOf, maxUploadBytes } from "@/lib/files/policy";
import { sniffFileKind, zipEntryNames } from "@/lib/files/sniff";
import { samples, zipOf } from "./samples";

const MB = 1024 * 1024;

describe("sniffing by content", () => {
  it("recognises every allowed kind by its bytes", () => {
    for (const kind of ["pdf", "png", "jpeg", "gif", "webp", "docx", "xlsx", "doc", "xls"] as const) {
      expect(sniffFileKind(samples[kind]), kind).toBe(kind);
    }
  });

  it("refuses other content: executables, HTML, a plain ZIP, an OOXML package of neither kind, truncated files", () => {
    expect(sniffFileKind(samples.exe)).toBeNull();
    expect(sniffFileKind(samples.html)).toBeNull();
    expect(sniffFileKind(samples.plainZip)).toBeNull();
    expect(sniffFileKind(zipOf(["[Content_Types].xml", "ppt/presentation.xml"]))).toBeNull();
    expect(sniffFileKind(zipOf(["word/document.xml"]))).toBeNull();
    expect(sniffFileKind(samples.docx.subarray(0, 40))).toBeNull();
    expect(sniffFileKind(samples.pdf.subarray(0, 3))).toBeNull();
    expect(sniffFileKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull();
    expect(sniffFileKind(new Uint8Array())).toBeNull();
  });

  it("reads ZIP entry names from the central directory", () => {
    expect(zipEntryNames(samples.xlsx)).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(zipEntryNames(samples.pdf)).toBeNull();
  });
});

describe("file names are for display only", () => {
  it("keeps the last path segment and strips control and direction characters", () => {
    expect(displayFileName("../../etc/passwd")).toBe("passwd");
    expect(displayFileName("C:\\Users\\x\\证明材料.pdf")).toBe("证明材料.pdf");
    expect(displayFileName("a\u0000.pdf")).toBe("a.pdf");
    expect(displayFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(displayFileName("  ..hidden.pdf ")).toBe("hidden.pdf");
    expect(displayFileName('a"b<c>.pdf')).toBe("a_b_c_.pdf");
    expect(displayFileName("../")).toBe("未命名文件");
    expect(displayFileName(`${"长".repeat(300)}.docx`)).toMatch(/^长{115}\.docx$/);
  });

  it("reads extensions in lower case", () => {
    expect(extensionOf("报告.PDF")).toBe("pdf");
    expect(extensionOf("x.pdf.exe")).toBe("exe");
    expect(extensionOf("README")).toBe("");
  });

  it("puts Chinese names in an RFC 5987 Content-Disposition", () => {
    expect(contentDisposition("考核结果.pdf")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("考核结果.pdf")}`);
  });
});

describe("checkUpload", () => {
  const check = (name: string, bytes: Uint8Array, max = 20 * MB) => checkUpload({ name, bytes }, max);

  it("accepts a file whose extension agrees with its content, with the sniffed type", () => {
    expect(check("考核结果.pdf", samples.pdf)).toEqual({ ok: true, file: { kind: "pdf", mimeType: "application/pdf", displayName: "考核结果.pdf", size: samples.pdf.length } });
    expect(check("照片.JPG", samples.jpeg)).toMatchObject({ ok: true, file: { kind: "jpeg", mimeType: "image/jpeg" } });
    expect(check("表.xlsx", samples.xlsx)).toMatchObject({ ok: true, file: { kind: "xlsx" } });
    expect(check("文.doc", samples.doc)).toMatchObject({ ok: true, file: { mimeType: "application/msword" } });
  });

  it("refuses hostile names and mismatches", () => {
    expect(check("x.pdf.exe", samples.pdf)).toMatchObject({ ok: false, message: expect.stringContaining("不支持") });
    expect(check("../../etc/passwd", samples.pdf)).toMatchObject({ ok: false, message: expect.stringContaining("“passwd”") });
    expect(check("a\u0000.pdf", samples.exe)).toMatchObject({ ok: false, message: expect.stringContaining("“a.pdf”的内容不是") });
    expect(check("报告.pdf", samples.png)).toMatchObject({ ok: false, message: expect.stringContaining("与实际内容（PNG 图片）不符") });
    expect(check("表.xlsx", samples.docx)).toMatchObject({ ok: false, message: expect.stringContaining("不符") });
    expect(check("页面.pdf", samples.html)).toMatchObject({ ok: false });
  });

  it("refuses empty and oversize files", () => {
    expect(check("空.pdf", new Uint8Array())).toMatchObject({ ok: false, message: expect.stringContaining("空文件") });
    const big = new Uint8Array(MB + 1);
    big.set(samples.pdf);
    expect(check("大.pdf", big, MB)).toMatchObject({ ok: false, message: expect.stringContaining("超过大小上限 1 MB") });
    expect(check("刚好.pdf", big.subarray(0, MB), MB)).toMatchObject({ ok: true });
  });

  it("reads EVIDENCE_MAX_MB with a default of 20", () => {
    expect(maxUploadBytes(undefined)).toBe(20 * MB);
    expect(maxUploadBytes("5")).toBe(5 * MB);
    expect(maxUploadBytes("abc")).toBe(20 * MB);
    expect(maxUploadBytes("-1")).toBe(20 * MB);
  });
});

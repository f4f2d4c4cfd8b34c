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

  it("neutralises hostile names: markup, NUL, line breaks, RTL override, Windows device names, 300 characters", () => {
    expect(displayFileName("<script>alert(1)</script>.pdf")).toBe("script_.pdf");
    expect(displayFileName('"><svg onload=alert(1)>.pdf')).toBe("___svg onload=alert(1)_.pdf");
    expect(displayFileName("证明\r\nSet-Cookie: a=b.pdf")).toBe("证明Set-Cookie_ a=b.pdf");
    expect(displayFileName("报告\u202Efdp.exe")).toBe("报告fdp.exe");
    expect(displayFileName("\u2066报告\u2069.pdf")).toBe("报告.pdf");
    for (const device of ["CON.pdf", "nul.docx", "COM1.pdf", "lpt9.xlsx", "aux", "PRN.PDF", "Con.tar.pdf"]) expect(displayFileName(device)).toBe(`_${device}`);
    for (const fine of ["console.pdf", "con_2026.pdf", "通知CON.pdf", "COM10.pdf"]) expect(displayFileName(fine)).toBe(fine);
    const long = displayFileName(`${"a".repeat(300)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("never lets a name end the Content-Disposition header or add a parameter", () => {
    for (const name of ['a"; filename="evil.html', "a\r\nSet-Cookie: x=1", "a\\b;c.pdf", "it's (1)*.pdf", "<script>.pdf", "\u202Efdp.exe"]) {
      const header = contentDisposition(name);
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]*$/);
      expect(header.match(/"/g)).toHaveLength(2);
      expect(header).not.toMatch(/[\r\n]/);
      expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name);
    }
    expect(contentDisposition("报告.docx", "report.docx")).toBe(`attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent("报告.docx")}`);
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
    expect(check("setup.pdf", samples.exe)).toMatchObject({ ok: false, message: expect.stringContaining("的内容不是可接受的文件类型") });
    expect(check("photo.png", samples.html)).toMatchObject({ ok: false });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(check("图.png", svg)).toMatchObject({ ok: false });
    expect(check("图.svg", svg)).toMatchObject({ ok: false, message: expect.stringContaining("不支持") });
    expect(check("页面.html", samples.pdf)).toMatchObject({ ok: false, message: expect.stringContaining("不支持") });
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

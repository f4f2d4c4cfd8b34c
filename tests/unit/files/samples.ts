// Minimal files of each kind, built byte by byte (no fixtures on disk).

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16((n >>> 16) & 0xffff)];

/** A ZIP archive (stored entries, CRCs left 0: only the directory is read) with the given entry names. */
export function zipOf(names: string[]): Uint8Array {
  const local: number[] = [];
  const central: number[] = [];
  for (const name of names) {
    const bytes = [...new TextEncoder().encode(name)];
    const offset = local.length;
    local.push(...le32(0x04034b50), ...le16(20), ...le16(0), ...le16(0), ...le32(0), ...le32(0), ...le32(0), ...le32(0), ...le16(bytes.length), ...le16(0), ...bytes);
    central.push(...le32(0x02014b50), ...le16(20), ...le16(20), ...le16(0), ...le16(0), ...le32(0), ...le32(0), ...le32(0), ...le32(0));
    central.push(...le16(bytes.length), ...le16(0), ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(offset), ...bytes);
  }
  const end = [...le32(0x06054b50), ...le16(0), ...le16(0), ...le16(names.length), ...le16(names.length), ...le32(central.length), ...le32(local.length), ...le16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

function ole2(stream: string): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  return new Uint8Array([...header, ...utf16le("Root Entry"), 0, 0, ...utf16le(stream), 0, 0, ...new Array(64).fill(0)]);
}

export const samples = {
  pdf: new Uint8Array(ascii("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")),
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii("IHDR")]),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii("JFIF"), 0]),
  gif: new Uint8Array(ascii("GIF89a\u0001\u0000\u0001\u0000")),
  webp: new Uint8Array([...ascii("RIFF"), 30, 0, 0, 0, ...ascii("WEBPVP8 ")]),
  docx: zipOf(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]),
  xlsx: zipOf(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
  doc: ole2("WordDocument"),
  xls: ole2("Workbook"),
  plainZip: zipOf(["readme.txt"]),
  exe: new Uint8Array([...ascii("MZ"), 0x90, 0, 3, 0]),
  html: new Uint8Array(ascii("<html><script>alert(1)</script></html>")),
};

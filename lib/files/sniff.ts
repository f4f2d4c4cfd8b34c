// What a file IS, read from its bytes (magic numbers and container contents), never from its name
// or the browser's declared type. Pure.

export type FileKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "doc" | "xls";

export const FILE_KINDS: Readonly<Record<FileKind, { mime: string; extensions: readonly string[]; label: string }>> = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  png: { mime: "image/png", extensions: ["png"], label: "PNG 图片" },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPEG 图片" },
  gif: { mime: "image/gif", extensions: ["gif"], label: "GIF 图片" },
  webp: { mime: "image/webp", extensions: ["webp"], label: "WebP 图片" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "Word 文档" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "Excel 表格" },
  doc: { mime: "application/msword", extensions: ["doc"], label: "Word 97-2003 文档" },
  xls: { mime: "application/vnd.ms-excel", extensions: ["xls"], label: "Excel 97-2003 表格" },
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.values(FILE_KINDS).flatMap((k) => k.extensions);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const utf16le = (text: string) => [...text].flatMap((c) => [c.charCodeAt(0), 0]);

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The entry names of a ZIP archive from its central directory; null when it is not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const EOCD = 0x06054b50;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(bytes, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

function officeOpenXml(bytes: Uint8Array): FileKind | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  const word = names.some((n) => n.startsWith("word/"));
  const excel = names.some((n) => n.startsWith("xl/"));
  if (word === excel) return null;
  return word ? "docx" : "xlsx";
}

/**
 * Legacy Office files are OLE2 compound files; the directory's stream names (UTF-16) tell Word from
 * Excel. A Word file may embed a workbook, so its WordDocument stream decides first.
 */
function compoundDocument(bytes: Uint8Array): FileKind | null {
  if (contains(bytes, utf16le("WordDocument"))) return "doc";
  if (contains(bytes, utf16le("Workbook")) || contains(bytes, utf16le("Book\u0000"))) return "xls";
  return null;
}

/** The kind of file the bytes are, or null when they are none of the allowed kinds. */
export function sniffFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXml(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundDocument(bytes);
  return null;
}

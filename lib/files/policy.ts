// Upload rules (spec/workflow.md "Evidence files"): allowed kinds by content, the declared extension
// must agree with the content, a size limit, and an original name that is only ever displayed. Pure.
import { ALLOWED_EXTENSIONS, FILE_KINDS, sniffFileKind, type FileKind } from "./sniff";

export const DEFAULT_MAX_MB = 20;
const MAX_NAME = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * The original name, safe to display and to put in a Content-Disposition header: the last path
 * segment, without control or bidirectional-override characters, not a Windows device name, at most
 * 120 characters (the extension kept). Never used as a path.
 */
export function displayFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? "";
  const cleaned = last
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/["<>|:*?]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned === "") return "未命名文件";
  // Windows will not save "CON.pdf" or "lpt1.docx": such a name is downloaded as "_CON.pdf".
  if (WINDOWS_RESERVED.test(cleaned)) return displayFileName(`_${cleaned}`);
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME - ext.length) + ext;
}

/** The lower-case extension of a (display) name, "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export type AcceptedUpload = { kind: FileKind; mimeType: string; displayName: string; size: number };
export type UploadCheck = { ok: true; file: AcceptedUpload } | { ok: false; message: string };

const allowedText = "PDF、图片（PNG、JPEG、GIF、WebP）、Word（.doc、.docx）、Excel（.xls、.xlsx）";

/** Checks one uploaded file; every refusal is a Chinese sentence the uploader can act on. */
export function checkUpload(input: { name: string; bytes: Uint8Array }, maxBytes: number): UploadCheck {
  const displayName = displayFileName(input.name);
  const size = input.bytes.length;
  if (size === 0) return { ok: false, message: `文件“${displayName}”是空文件` };
  if (size > maxBytes) {
    return { ok: false, message: `文件“${displayName}”超过大小上限 ${Math.floor(maxBytes / 1024 / 1024)} MB` };
  }
  const ext = extensionOf(displayName);
  if (!ALLOWED_EXTENSIONS.includes(ext)) {
    return { ok: false, message: `不支持文件“${displayName}”的类型，只能上传${allowedText}` };
  }
  const kind = sniffFileKind(input.bytes);
  if (kind === null) {
    return { ok: false, message: `文件“${displayName}”的内容不是可接受的文件类型（只能上传${allowedText}），或文件已损坏` };
  }
  if (!FILE_KINDS[kind].extensions.includes(ext)) {
    return { ok: false, message: `文件“${displayName}”的扩展名 .${ext} 与实际内容（${FILE_KINDS[kind].label}）不符` };
  }
  return { ok: true, file: { kind, mimeType: FILE_KINDS[kind].mime, displayName, size } };
}

/** EVIDENCE_MAX_MB (default 20) in bytes; a bad value falls back to the default. */
export function maxUploadBytes(value: string | undefined): number {
  const mb = value === undefined || value === "" ? DEFAULT_MAX_MB : Number(value);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024;
}

/** RFC 5987 ext-value: every byte outside attr-char percent-encoded (encodeURIComponent leaves '()*). */
function extValue(text: string): string {
  return `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * RFC 6266 / 5987: an ASCII fallback (printable, no quote or backslash) plus the UTF-8 name, for
 * Chinese file names. Nothing in the name can end the header or add a parameter.
 */
export function contentDisposition(fileName: string, asciiFallback?: string): string {
  const fallback = (asciiFallback ?? fileName).replace(/[^\x20-\x7e]/g, "_").replace(/["\\;]/g, "_");
  return `attachment; filename="${fallback}"; filename*=${extValue(fileName)}`;
}

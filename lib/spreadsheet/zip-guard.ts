import { inflateRawSync } from "node:zlib";

/*
 * exceljs (through JSZip) unpacks every part of a workbook into memory before reading a cell, so a
 * small upload that unpacks to gigabytes (a "ZIP bomb": 5 MB of deflated spaces is 5 GB) would take
 * the whole server down. Each entry is inflated here first with a cap on its output, which also
 * catches a ZIP whose directory under-states the sizes.
 */

/** The most an uploaded workbook may unpack to; a 50,000-row template is well under a third of it. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

type Entry = { method: number; compressedSize: number; localHeader: number };

/** The entries of the central directory; null when there is none to read (not a ZIP, or truncated). */
function centralDirectory(bytes: Uint8Array): Entry[] | null {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries: Entry[] = [];
  let at = u32(bytes, end + 16);
  for (let n = u16(bytes, end + 10); n > 0; n--) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return entries;
    entries.push({ method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), localHeader: u32(bytes, at + 42) });
    at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** Whether the ZIP would unpack to more than `limit` bytes in all. Unreadable entries are left to the real reader. */
export function unzipsBeyond(bytes: Uint8Array, limit: number = MAX_UNZIPPED_BYTES): boolean {
  let total = 0;
  for (const entry of centralDirectory(bytes) ?? []) {
    const local = entry.localHeader;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) continue;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    if (entry.method === 0) total += data.length;
    else if (entry.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return true;
      }
    }
    if (total > limit) return true;
  }
  return false;
}

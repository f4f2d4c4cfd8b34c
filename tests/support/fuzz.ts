// Random and mutated inputs for the importers' fuzz tests. Everything is drawn through fast-check
// with a fixed seed (FUZZ_SEED), so a failure prints a seed and path that reproduce it exactly.
import fc from "fast-check";
import JSZip from "jszip";
import { CONTROL, FORMULAS, MARKUP } from "./hostile";

export const FUZZ_SEED = 20261121;

/** fast-check's parameters for a fuzz run: the fixed seed, and no shrinking time limit surprises. */
export const fuzzRuns = (numRuns: number) => ({ numRuns, seed: FUZZ_SEED, endOnFailure: true });

/** Text a hostile or careless user could put in a cell or a field. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<string>(...MARKUP, ...FORMULAS, CONTROL, "", " ", "\u202e\u0644\u0627", "../../etc/passwd", "无", "不涉及", "是", "否", "优秀", "NaN", "-0", "1e309", "0x10", "９９", "2026-02-30", "2026/13/01", "45000", "11230400MB0000001A") },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(",", '"', "\r", "\n", "\t", "\u0000", "中", "a", "=", ";"), maxLength: 30 }) },
  // Long texts (beyond every field's limit); the fuzz files test megabyte cells separately.
  { weight: 1, arbitrary: fc.nat({ max: 3_000 }).map((n) => "长".repeat(n)) },
);

type ByteEdit = { kind: "set" | "truncate" | "delete" | "insert" | "duplicate"; at: number; length: number; byte: number };

export const byteEdits: fc.Arbitrary<ByteEdit[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<ByteEdit["kind"]>("set", "set", "set", "truncate", "delete", "insert", "duplicate"),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
    byte: fc.nat({ max: 255 }),
  }),
  { minLength: 1, maxLength: 6 },
);

/** The bytes with the edits applied (positions taken modulo the current length). */
export function mutateBytes(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (const edit of edits) {
    if (out.length === 0) break;
    const at = edit.at % out.length;
    if (edit.kind === "set") out[at] = edit.byte;
    else if (edit.kind === "truncate") out = out.slice(0, at);
    else if (edit.kind === "delete") out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + edit.length)]);
    else if (edit.kind === "insert") out = Uint8Array.from([...out.subarray(0, at), ...new Uint8Array(edit.length).fill(edit.byte), ...out.subarray(at)]);
    else out = Uint8Array.from([...out.subarray(0, at + edit.length), ...out.subarray(at)]);
  }
  return out;
}

type TextEdit = { kind: "insert" | "delete" | "truncate" | "replace"; at: number; length: number; text: string };

export const textEdits: fc.Arbitrary<TextEdit[]> = fc.array(
  fc.record({ kind: fc.constantFrom<TextEdit["kind"]>("insert", "delete", "truncate", "replace"), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), text: hostileText }),
  { minLength: 1, maxLength: 5 },
);

export function mutateText(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === "insert") out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === "delete") out = out.slice(0, at) + out.slice(at + edit.length);
    else if (edit.kind === "truncate") out = out.slice(0, at);
    else out = out.slice(0, at) + edit.text + out.slice(at + edit.length);
  }
  return out;
}

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What a cell of a worksheet's XML can be, well-formed or not quite: every type, formulas, bad indexes. */
const CELL_VARIANTS: readonly ((ref: string, text: string) => string)[] = [
  (r, t) => `<c r="${r}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`,
  (r, t) => `<c r="${r}" t="inlineStr"><is><r><t>${esc(t)}</t></r><r><rPr><b/></rPr><t>x</t></r></is></c>`,
  (r) => `<c r="${r}"><f>1+1</f><v>2</v></c>`,
  (r, t) => `<c r="${r}" t="str"><f>HYPERLINK("http://evil.example")</f><v>${esc(t)}</v></c>`,
  (r) => `<c r="${r}"><f>SUM(A1:A2)</f></c>`,
  (r) => `<c r="${r}" t="e"><v>#REF!</v></c>`,
  (r) => `<c r="${r}" t="b"><v>1</v></c>`,
  (r) => `<c r="${r}" t="s"><v>99999</v></c>`,
  (r) => `<c r="${r}" t="s"><v>-1</v></c>`,
  (r, t) => `<c r="${r}" t="d"><v>${esc(t)}</v></c>`,
  (r, t) => `<c r="${r}" t="n"><v>${esc(t)}</v></c>`,
  (r) => `<c r="${r}" s="9999"><v>45000</v></c>`,
  (r) => `<c r="${r}"><v>1e308</v></c>`,
  (r) => `<c r="${r}"><v>123456789012345678</v></c>`,
  (r) => `<c r="${r}"/>`,
  (r, t) => `<c r="${r}" t="${esc(t)}"><v>1</v></c>`,
];

export type PackageEdit =
  | { kind: "cell"; index: number; variant: number; ref: string | null; text: string }
  | { kind: "row"; index: number; number: string }
  | { kind: "rename"; index: number; name: string }
  | { kind: "truncate"; part: number; at: number }
  | { kind: "drop"; part: number };

export const packageEdits: fc.Arbitrary<PackageEdit[]> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("cell" as const), index: fc.nat(), variant: fc.nat(), ref: fc.option(fc.constantFrom("XFD1048576", "A1048576", "A0", "", "ZZZZ1", "A99999999", "B1", "$A$1"), { freq: 4 }), text: hostileText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("row" as const), index: fc.nat(), number: fc.constantFrom("0", "-1", "1048577", "1048576", "abc", "", "1") }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("rename" as const), index: fc.nat(), name: hostileText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), part: fc.nat(), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), part: fc.nat() }) },
  ),
  { minLength: 1, maxLength: 5 },
);

function replaceNth(xml: string, pattern: RegExp, index: number, replace: (match: string) => string): string {
  const matches = [...xml.matchAll(pattern)];
  if (matches.length === 0) return xml;
  const match = matches[index % matches.length]!;
  return xml.slice(0, match.index) + replace(match[0]) + xml.slice(match.index + match[0].length);
}

/** An OOXML package with XML parts edited as text and zipped again (so the ZIP itself is sound). */
export async function mutatePackage(bytes: Uint8Array, edits: readonly PackageEdit[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = () => Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
  const sheets = () => parts().filter((n) => n.startsWith("xl/worksheets/"));
  const edit = async (name: string | undefined, change: (xml: string) => string) => {
    const file = name ? zip.file(name) : null;
    if (name && file) zip.file(name, change(await file.async("string")));
  };
  for (const e of edits) {
    if (e.kind === "cell") {
      await edit(sheets()[e.index % Math.max(1, sheets().length)], (xml) =>
        replaceNth(xml, /<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g, e.index, (cell) => CELL_VARIANTS[e.variant % CELL_VARIANTS.length]!(e.ref ?? /r="([^"]+)"/.exec(cell)![1]!, e.text)),
      );
    } else if (e.kind === "row") {
      await edit(sheets()[0], (xml) => replaceNth(xml, /<row r="\d+"/g, e.index, () => `<row r="${e.number}"`));
    } else if (e.kind === "rename") {
      await edit("xl/workbook.xml", (xml) => replaceNth(xml, /<sheet [^>]*?name="[^"]*"/g, e.index, (tag) => tag.replace(/name="[^"]*"/, `name="${esc(e.name.slice(0, 31))}"`)));
    } else if (e.kind === "truncate") {
      const all = parts();
      await edit(all[e.part % all.length], (xml) => xml.slice(0, e.at % Math.max(1, xml.length)));
    } else {
      const all = parts();
      zip.remove(all[e.part % all.length]!);
    }
  }
  return zip.generateAsync({ type: "uint8array" });
}

/** A message a person can read: Chinese, not a stack trace or an English library error. */
export function isChineseMessage(message: unknown): boolean {
  return typeof message === "string" && /[\u4e00-\u9fff]/.test(message) && !/\bat \S+ \(|TypeError|RangeError|undefined/.test(message);
}

import type { UnitKind } from "../kinds";
import { normalizeUscc } from "../uscc";
import { columnLetter, type HeaderMap } from "./header";
import type { SheetRow } from "./parse";
import type { UnitListColumnKey, UnitListProblem } from "./schema";

/**
 * One unit of the list, cells trimmed; `null` when the cell is empty or its column is absent. Phone
 * and e-mail are NFKC-normalized (full-width digits, ＠ and － typed with a Chinese IME).
 */
export interface UnitListRow {
  row: number;
  name: string;
  /** Normalized (half-width, upper case); "" when empty. */
  uscc: string;
  /** The cell as written, for messages. */
  usccRaw: string;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  kindRaw: string | null;
  parentRef: string | null;
}

/** What the checks need to know of an organisation already in the system. */
export interface ExistingOrgRef {
  id: string;
  name: string;
  uscc: string;
  kind: UnitKind;
  active: boolean;
  /** Its active children (for a change of kind). */
  children?: readonly { uscc: string; kind: UnitKind }[];
}

/** Names compare without spaces and with full-width brackets equal to half-width ones. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

const MAX_RANGES = 8;

/**
 * Sorted row numbers → "第2–4、7行", leaving out `except`; after eight ranges the rest is counted
 * ("…等共300行"), so a value repeated in thousands of rows still gives short messages.
 */
export function formatSortedRows(sorted: readonly number[], except?: number): string {
  const parts: string[] = [];
  let total = 0;
  let listed = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] === except) continue;
    const start = sorted[i]!;
    let end = start;
    while (sorted[i + 1] === end + 1 && sorted[i + 1] !== except) end = sorted[++i]!;
    total += end - start + 1;
    if (parts.length < MAX_RANGES) {
      parts.push(start === end ? String(start) : `${start}–${end}`);
      listed += end - start + 1;
    }
  }
  return `第${parts.join("、")}行${listed < total ? `等共${total}行` : ""}`;
}

/** [7,2,3,4] → "第2–4、7行". */
export function formatRows(rows: readonly number[]): string {
  return formatSortedRows([...new Set(rows)].sort((a, b) => a - b));
}

/** Collapses runs of whitespace (incl. the ideographic space) and trims. */
function clean(value: string | undefined): string {
  return (value ?? "").replace(/[\s\u3000]+/g, " ").trim();
}

/**
 * The data rows under the header. A row with nothing but a 序号 is blank (Excel templates come with
 * numbered empty rows) and is skipped; content under a column without a name is reported.
 */
export function readRows(header: HeaderMap, dataRows: readonly SheetRow[]): { rows: UnitListRow[]; problems: UnitListProblem[] } {
  const rows: UnitListRow[] = [];
  const problems: UnitListProblem[] = [];
  const mapped = new Set(header.columns.values());
  const seqIndex = header.columns.get("seq");
  const cell = (r: SheetRow, key: UnitListColumnKey): string => {
    const i = header.columns.get(key);
    return i === undefined ? "" : clean(r.cells[i]);
  };
  const optional = (r: SheetRow, key: UnitListColumnKey) => cell(r, key) || null;
  for (const r of dataRows) {
    const filled = r.cells.map((c, i) => ({ i, text: clean(c) })).filter((c) => c.text !== "" && c.i !== seqIndex);
    const known = filled.filter((c) => mapped.has(c.i));
    if (known.length === 0 && filled.every((c) => !header.unnamed(c.i))) continue;
    for (const stray of filled.filter((c) => !mapped.has(c.i) && header.unnamed(c.i))) {
      const text = stray.text.length > 20 ? `${stray.text.slice(0, 20)}…` : stray.text;
      problems.push({
        row: r.row,
        column: `${columnLetter(stray.i)}列`,
        code: "column_unknown",
        message: `第${columnLetter(stray.i)}列没有列名，其中的内容“${text}”无法导入`,
      });
    }
    const usccRaw = cell(r, "uscc");
    rows.push({
      row: r.row,
      name: cell(r, "name"),
      uscc: normalizeUscc(usccRaw),
      usccRaw,
      legalRep: optional(r, "legalRep"),
      phone: optional(r, "phone")?.normalize("NFKC") ?? null,
      email: optional(r, "email")?.normalize("NFKC") ?? null,
      note: optional(r, "note"),
      kindRaw: optional(r, "kind"),
      parentRef: optional(r, "parent"),
    });
  }
  return { rows, problems };
}

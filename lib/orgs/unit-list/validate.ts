import { parentProblem } from "../hierarchy";
import { parseUnitKind, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from "../kinds";
import { validateUscc } from "../uscc";
import { locateHeader } from "./header";
import { resolveParents, type ParentLink } from "./parents";
import type { SheetRow } from "./parse";
import { formatSortedRows, nameKey, readRows, type ExistingOrgRef, type UnitListRow } from "./rows";
import { UNIT_LIST_COLUMNS, unitRowSchema, type UnitCheckReport, type UnitListColumnKey, type UnitListProblem } from "./schema";

export interface UnitListCheck {
  headerRow: number | null;
  /** The optional columns the file has (an absent column leaves that field of an existing unit alone). */
  present: ReadonlySet<UnitListColumnKey>;
  rows: UnitListRow[];
  problems: UnitListProblem[];
  /** Rows without any problem of their own; 0 when the header is unusable. */
  valid: number;
  kinds: Map<number, UnitKind>;
  parents: Map<number, ParentLink>;
  /** Parents not in the file when no existing organisations were given (the CLI cannot look). */
  unresolvedParents: { row: number; ref: string }[];
}

export interface CheckOptions {
  /**
   * The organisations already in the system whose credit code or name the file mentions. Without
   * it (the command line) a parent outside the file is left unresolved and no name is compared.
   */
  existing?: readonly ExistingOrgRef[];
}

type Problem = UnitListProblem;
type TextField = "name" | "legalRep" | "phone" | "email" | "note";
const LABEL: Record<TextField, string> = { name: "单位名称", legalRep: "法定代表人", phone: "联系电话", email: "电子邮箱", note: "备注" };
const INVALID_CODE = { name: "name_invalid", legalRep: "legal_rep_invalid", phone: "phone_invalid", email: "email_invalid", note: "value_too_long" } as const;
const KIND_CHOICES = UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join("、");

function show(value: string): string {
  return value.length > 30 ? `${value.slice(0, 30)}…` : value;
}

function invalidMessage(field: TextField, value: string, schemaMessage: string): string {
  const label = `${LABEL[field]}“${show(value)}”`;
  if (field === "phone") {
    const placeholder = /[xX*＊]/.test(value) ? "；其中的X是占位字符，请填写真实号码" : "";
    return `${label}格式不正确：应为带区号的固定电话（如 0468-3451000，分机写作 -123）或11位手机号${placeholder}`;
  }
  if (field === "email") {
    const hint = value.includes("@") ? "" : "：缺少“@”和域名";
    return `${label}格式不正确${hint}（应如 name@hegang.gov.cn）`;
  }
  return `${label}：${schemaMessage}`;
}

/** The text fields, by the organisation form's own rules (one problem per broken rule). */
function fieldProblems(row: UnitListRow): Problem[] {
  const problems: Problem[] = [];
  for (const field of Object.keys(LABEL) as TextField[]) {
    const value = field === "name" ? row.name : row[field];
    if (value === null || value === "") continue;
    const parsed = unitRowSchema.shape[field].safeParse(value);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const code = issue.code === "too_big" ? "value_too_long" : INVALID_CODE[field];
      problems.push({ row: row.row, column: LABEL[field], code, message: invalidMessage(field, value, issue.message) });
    }
  }
  if (row.legalRep && /[xX×*＊?？]|某某/.test(row.legalRep) && /\p{Script=Han}/u.test(row.legalRep)) {
    problems.push({ row: row.row, column: "法定代表人", code: "legal_rep_invalid", message: `法定代表人“${show(row.legalRep)}”是脱敏占位值，请填写真实姓名` });
  }
  return problems;
}

/** A required column missing from the header is reported once there, not again in every row. */
function rowProblems(row: UnitListRow, present: ReadonlySet<UnitListColumnKey>): Problem[] {
  const problems: Problem[] = [];
  const push = (column: string, code: Problem["code"], message: string) => problems.push({ row: row.row, column, code, message });
  if (row.name === "" && present.has("name")) push("单位名称", "required_missing", "单位名称为空");
  if (row.uscc === "") {
    if (present.has("uscc")) push("统一社会信用代码", "required_missing", "统一社会信用代码为空");
  } else if (/^\d(\.\d+)?E\+?\d+$/i.test(row.usccRaw)) {
    push("统一社会信用代码", "uscc_format", `统一社会信用代码“${row.usccRaw}”被 Excel 存成了数字（科学计数法），原代码已丢失；请把该列设为“文本”格式后重新填写`);
  } else {
    const result = validateUscc(row.uscc);
    for (const p of result.ok ? [] : result.problems) push("统一社会信用代码", p.code, `统一社会信用代码“${show(row.usccRaw)}”：${p.message}`);
  }
  problems.push(...fieldProblems(row));
  if (row.kindRaw !== null && parseUnitKind(row.kindRaw) === undefined) {
    push("单位类别", "kind_invalid", `单位类别“${show(row.kindRaw)}”无效，应为：${KIND_CHOICES}（或其英文代码）`);
  }
  return problems;
}

/** A value shared by several rows flags each of them, naming the others. */
function duplicateProblems(rows: readonly UnitListRow[], key: (r: UnitListRow) => string, column: string, code: Problem["code"], what: (r: UnitListRow) => string): Problem[] {
  const groups = new Map<string, UnitListRow[]>();
  for (const row of rows) {
    const k = key(row);
    if (k !== "") groups.set(k, groups.get(k) ?? []).get(k)!.push(row);
  }
  const problems: Problem[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = group.map((r) => r.row).sort((a, b) => a - b);
    for (const row of group) {
      const others = formatSortedRows(sorted, row.row);
      problems.push({ row: row.row, column, code, message: `${column}“${show(what(row))}”与${others}重复（共${group.length}行）` });
    }
  }
  return problems;
}

/** Checks against the system: an inactive match, a name taken by another unit, a blocked change of kind. */
function existingProblems(rows: readonly UnitListRow[], existing: readonly ExistingOrgRef[], kindOf: (r: UnitListRow) => UnitKind): Problem[] {
  const problems: Problem[] = [];
  const fileCodes = new Set(rows.map((r) => r.uscc));
  const byCode = new Map(existing.map((o) => [o.uscc, o]));
  const activeByName = new Map<string, ExistingOrgRef[]>();
  for (const org of existing.filter((o) => o.active && !fileCodes.has(o.uscc))) {
    const key = nameKey(org.name);
    activeByName.set(key, activeByName.get(key) ?? []).get(key)!.push(org);
  }
  for (const row of rows) {
    const match = byCode.get(row.uscc);
    if (match && !match.active) {
      problems.push({ row: row.row, column: "统一社会信用代码", code: "org_inactive", message: `统一社会信用代码 ${row.uscc} 对应的单位“${match.name}”已停用；请先在单位管理中启用，或从名单中删去此行` });
    }
    const clash = activeByName.get(nameKey(row.name))?.[0];
    if (clash && row.name !== "") {
      problems.push({ row: row.row, column: "单位名称", code: "name_exists", message: `系统中已有同名单位“${clash.name}”（统一社会信用代码 ${clash.uscc}）；如是同一单位，请核对代码` });
    }
    const kind = kindOf(row);
    const orphans = match && match.kind !== kind ? (match.children ?? []).filter((c) => !fileCodes.has(c.uscc) && parentProblem(c.kind, kind) !== null) : [];
    if (orphans.length > 0) {
      problems.push({ row: row.row, column: "单位类别", code: "kind_change_blocked", message: `该单位在系统中有${orphans.length}个下级单位，改为“${UNIT_KIND_LABELS[kind]}”后层级不成立；请先调整其下级单位` });
    }
  }
  return problems;
}

const COLUMN_ORDER = new Map<string, number>(UNIT_LIST_COLUMNS.map((c, i) => [c.header, i]));

function byRowThenColumn(a: Problem, b: Problem): number {
  return a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 99) - (COLUMN_ORDER.get(b.column) ?? 99);
}

/** Every problem of every row of a parsed unit list, sorted by row and column. */
export function checkUnitList(table: { rows: readonly SheetRow[]; problems?: readonly Problem[] }, options: CheckOptions = {}): UnitListCheck {
  const located = locateHeader(table.rows);
  const problems: Problem[] = [...(table.problems ?? []), ...located.problems];
  const empty = { present: new Set<UnitListColumnKey>(), rows: [], kinds: new Map(), parents: new Map(), unresolvedParents: [] };
  if (!located.header) return { ...empty, headerRow: null, problems: problems.sort(byRowThenColumn), valid: 0 };
  const { rows, problems: strays } = readRows(located.header, located.dataRows);
  problems.push(...strays);
  if (rows.length === 0) {
    problems.push({ row: located.header.headerRow + 1, column: "", code: "no_rows", message: "表头下面没有任何单位" });
  }
  const existingByCode = new Map((options.existing ?? []).map((o) => [o.uscc, o]));
  const kinds = new Map<number, UnitKind>();
  for (const row of rows) {
    kinds.set(row.row, (row.kindRaw && parseUnitKind(row.kindRaw)) || existingByCode.get(row.uscc)?.kind || "municipal_department");
  }
  const kindOf = (r: UnitListRow) => kinds.get(r.row)!;
  const present = new Set(located.header.columns.keys());
  for (const row of rows) problems.push(...rowProblems(row, present));
  problems.push(...duplicateProblems(rows, (r) => r.uscc, "统一社会信用代码", "uscc_duplicate", (r) => r.uscc));
  problems.push(...duplicateProblems(rows, (r) => nameKey(r.name), "单位名称", "name_duplicate", (r) => r.name));
  if (options.existing) problems.push(...existingProblems(rows, options.existing, kindOf));
  const parents = resolveParents(rows, kindOf, options.existing);
  problems.push(...parents.problems);

  const headerBroken = problems.some((p) => p.code === "column_missing");
  const rowsWithProblems = new Set(problems.filter((p) => p.row !== located.header!.headerRow).map((p) => p.row));
  return {
    headerRow: located.header.headerRow,
    present,
    rows,
    problems: problems.sort(byRowThenColumn),
    valid: headerBroken ? 0 : rows.filter((r) => !rowsWithProblems.has(r.row)).length,
    kinds,
    parents: parents.links,
    unresolvedParents: parents.unresolved,
  };
}

/** The `units check` document: `{ rows, valid, problems }`. */
export function unitCheckReport(check: UnitListCheck): UnitCheckReport {
  return { rows: check.rows.length, valid: check.valid, problems: check.problems };
}

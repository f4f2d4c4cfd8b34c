import { parentProblem } from "../hierarchy";
import { UNIT_KIND_LABELS, type UnitKind } from "../kinds";
import { normalizeUscc } from "../uscc";
import { formatRows, nameKey, type ExistingOrgRef, type UnitListRow } from "./rows";
import type { UnitListProblem } from "./schema";

/** Where a row's 上级单位 points: another row of the file, or an organisation already in the system. */
export type ParentLink = { type: "row"; row: number; uscc: string; name: string } | { type: "existing"; id: string; uscc: string; name: string };

export interface ParentResolution {
  links: Map<number, ParentLink>;
  problems: UnitListProblem[];
  /** Rows whose parent is not in the file, when no existing organisations were given (the CLI). */
  unresolved: { row: number; ref: string }[];
}

const COLUMN = "上级单位";

function isCodeLike(ref: string): boolean {
  return /^[0-9A-Z]{18}$/.test(normalizeUscc(ref));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    map.set(k, map.get(k) ?? []).get(k)!.push(item);
  }
  return map;
}

/**
 * 上级单位 holds a name or a credit code. A code is looked up first in the file, then among the
 * existing organisations; a name likewise. The parent's kind must fit (township under a county,
 * community under a township; municipal departments and counties have none).
 */
export function resolveParents(
  rows: readonly UnitListRow[],
  kindOf: (row: UnitListRow) => UnitKind,
  existing: readonly ExistingOrgRef[] | undefined,
): ParentResolution {
  const links = new Map<number, ParentLink>();
  const problems: UnitListProblem[] = [];
  const unresolved: { row: number; ref: string }[] = [];
  const rowsByCode = groupBy(rows, (r) => r.uscc);
  const rowsByName = groupBy(rows, (r) => nameKey(r.name));
  const orgsByCode = groupBy(existing ?? [], (o) => o.uscc);
  const orgsByName = groupBy(existing ?? [], (o) => nameKey(o.name));
  const problem = (row: number, code: UnitListProblem["code"], message: string) => problems.push({ row, column: COLUMN, code, message });

  for (const row of rows) {
    const ref = row.parentRef;
    if (ref === null) continue;
    const byCode = isCodeLike(ref);
    const inFile = (byCode ? rowsByCode.get(normalizeUscc(ref)) : rowsByName.get(nameKey(ref))) ?? [];
    if (inFile.length === 1 && inFile[0] === row) {
      problem(row.row, "parent_cycle", `上级单位“${ref}”就是本单位，不能把单位自己设为上级单位`);
      continue;
    }
    if (inFile.length > 1) {
      const where = formatRows(inFile.map((r) => r.row));
      problem(row.row, "parent_ambiguous", `上级单位“${ref}”在名单中对应多行（${where}），请改填上级单位的统一社会信用代码`);
      continue;
    }
    let link: ParentLink;
    let parentKind: UnitKind;
    if (inFile.length === 1) {
      const parent = inFile[0]!;
      link = { type: "row", row: parent.row, uscc: parent.uscc, name: parent.name };
      parentKind = kindOf(parent);
    } else {
      if (existing === undefined) {
        unresolved.push({ row: row.row, ref });
        continue;
      }
      const orgs = (byCode ? orgsByCode.get(normalizeUscc(ref)) : orgsByName.get(nameKey(ref))) ?? [];
      if (orgs.length === 0) {
        problem(row.row, "parent_unknown", `上级单位“${ref}”既不在本名单中，也不是系统中已有的单位`);
        continue;
      }
      const active = orgs.filter((o) => o.active);
      if (active.length > 1) {
        problem(row.row, "parent_ambiguous", `系统中有${active.length}个名为“${ref}”的单位，请改填上级单位的统一社会信用代码`);
        continue;
      }
      const org = active[0];
      if (!org) {
        problem(row.row, "parent_inactive", `上级单位“${ref}”在系统中已停用`);
        continue;
      }
      link = { type: "existing", id: org.id, uscc: org.uscc, name: org.name };
      parentKind = org.kind;
    }
    const kindProblem = parentProblem(kindOf(row), parentKind);
    if (kindProblem) {
      problem(
        row.row,
        "parent_kind",
        `本单位是${UNIT_KIND_LABELS[kindOf(row)]}，上级单位“${ref}”是${UNIT_KIND_LABELS[parentKind]}：${kindProblem}`,
      );
      continue;
    }
    links.set(row.row, link);
  }
  return { links, problems, unresolved };
}

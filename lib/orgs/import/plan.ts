import { createHash } from "node:crypto";
import { ORG_ROLE_LABELS, UNIT_KIND_LABELS, type OrgRole, type UnitKind } from "@/lib/orgs/kinds";
import type { ParentLink, UnitListCheck, UnitListRow } from "@/lib/orgs/unit-list";
import type { ExistingOrg } from "./data";
import type { PlanAction, PlanChangeView, PlanItemView } from "./types";

export type PlanField = "name" | "kind" | "parent" | "legalRep" | "phone" | "email" | "note" | "roles";

/** What an organisation will hold after the import. */
export interface PlanValues {
  name: string;
  kind: UnitKind;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  roles: OrgRole[];
}

export interface PlanItem {
  row: number;
  uscc: string;
  action: PlanAction;
  existing: ExistingOrg | null;
  values: PlanValues;
  parent: ParentLink | null;
  changes: (PlanChangeView & { field: PlanField })[];
  depth: number;
}

export interface UnitImportPlan {
  /** Parents before their children (the order to create them in), roots in file order. */
  items: PlanItem[];
  counts: Record<PlanAction, number>;
  /** sha256 of everything the import would write and of the versions it was computed from. */
  fingerprint: string;
}

const LABELS: Record<PlanField, string> = {
  name: "单位名称",
  kind: "单位类别",
  parent: "上级单位",
  legalRep: "法定代表人",
  phone: "联系电话",
  email: "电子邮箱",
  note: "备注",
  roles: "单位角色",
};

function rolesText(roles: readonly OrgRole[]): string {
  return roles.map((r) => ORG_ROLE_LABELS[r]).join("、");
}

/**
 * Target values of a row. A column the file does not have leaves that field of an existing unit as
 * it is; a column it has is the truth, an empty cell included (it clears the field). `kind` comes
 * from the check (an empty 单位类别 keeps the existing kind; new units: municipal department).
 * Every unit of the list is an evaluated unit, so that role is added where it is missing.
 */
function valuesOf(row: UnitListRow, kind: UnitKind, present: ReadonlySet<string>, existing: ExistingOrg | null): PlanValues {
  const pick = (key: "legalRep" | "phone" | "email" | "note") => (present.has(key) || !existing ? row[key] : existing[key]);
  const roles: OrgRole[] = existing ? [...existing.roles] : [];
  if (!roles.includes("evaluated")) roles.unshift("evaluated");
  return {
    name: row.name,
    kind,
    legalRep: pick("legalRep"),
    phone: pick("phone"),
    email: pick("email"),
    note: pick("note"),
    roles,
  };
}

function changesOf(existing: ExistingOrg, values: PlanValues, parent: ParentLink | null): PlanItem["changes"] {
  const changes: PlanItem["changes"] = [];
  const add = (field: PlanField, before: string | null, after: string | null) => {
    if ((before ?? "") !== (after ?? "")) changes.push({ field, label: LABELS[field], before, after });
  };
  add("name", existing.name, values.name);
  add("kind", UNIT_KIND_LABELS[existing.kind], UNIT_KIND_LABELS[values.kind]);
  if ((existing.parent?.uscc ?? null) !== (parent?.uscc ?? null)) {
    changes.push({ field: "parent", label: LABELS.parent, before: existing.parent?.name ?? null, after: parent?.name ?? null });
  }
  for (const field of ["legalRep", "phone", "email", "note"] as const) add(field, existing[field], values[field]);
  add("roles", rolesText(existing.roles), rolesText(values.roles));
  return changes;
}

/** Parents first (depth-first from the roots, each level in file order). */
function treeOrder(items: PlanItem[]): PlanItem[] {
  const children = new Map<number, PlanItem[]>();
  const roots: PlanItem[] = [];
  for (const item of items) {
    const parentRow = item.parent?.type === "row" ? item.parent.row : null;
    if (parentRow !== null) children.set(parentRow, children.get(parentRow) ?? []).get(parentRow)!.push(item);
    else roots.push(item);
  }
  const ordered: PlanItem[] = [];
  const visit = (item: PlanItem, depth: number) => {
    ordered.push({ ...item, depth });
    for (const child of children.get(item.row) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return ordered;
}

function fingerprintOf(items: readonly PlanItem[]): string {
  const essence = items.map((i) => [
    i.row,
    i.uscc,
    i.action,
    i.existing?.id ?? null,
    i.existing?.version ?? null,
    i.values,
    i.parent ? (i.parent.type === "row" ? ["row", i.parent.uscc] : ["existing", i.parent.id]) : null,
  ]);
  return createHash("sha256").update(JSON.stringify(essence)).digest("hex");
}

/**
 * What an import of a checked list (no problems) would do: create, update (re-imports match by
 * credit code; field-by-field changes) or leave unchanged.
 */
export function planUnitImport(check: UnitListCheck, existing: readonly ExistingOrg[]): UnitImportPlan {
  if (check.problems.length > 0) throw new Error("只能为没有问题的单位名单生成导入预览");
  const byCode = new Map(existing.map((o) => [o.uscc, o]));
  const items = check.rows.map((row): PlanItem => {
    const match = byCode.get(row.uscc) ?? null;
    const values = valuesOf(row, check.kinds.get(row.row) ?? "municipal_department", check.present, match);
    const keepParent = match && !check.present.has("parent") && match.parent && match.parentId;
    const parent: ParentLink | null = keepParent
      ? { type: "existing", id: match.parentId!, uscc: match.parent!.uscc, name: match.parent!.name }
      : (check.parents.get(row.row) ?? null);
    const changes = match ? changesOf(match, values, parent) : [];
    const action: PlanAction = !match ? "create" : changes.length > 0 ? "update" : "unchanged";
    return { row: row.row, uscc: row.uscc, action, existing: match, values, parent, changes, depth: 0 };
  });
  const ordered = treeOrder(items);
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const item of ordered) counts[item.action]++;
  return { items: ordered, counts, fingerprint: fingerprintOf(ordered) };
}

/** The plan as the preview shows it. */
export function planItemView(item: PlanItem): PlanItemView {
  return {
    row: item.row,
    uscc: item.uscc,
    name: item.values.name,
    kindLabel: UNIT_KIND_LABELS[item.values.kind],
    action: item.action,
    parentName: item.parent?.name ?? null,
    depth: item.depth,
    changes: item.changes.map(({ label, before, after }) => ({ label, before, after })),
  };
}

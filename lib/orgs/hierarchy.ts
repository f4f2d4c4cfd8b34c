import type { UnitKind } from "./kinds";

/**
 * The hierarchy city → county → township → community. The city itself is not an organisation:
 * municipal departments and counties sit at the top.
 */
const PARENT_KIND: Record<UnitKind, UnitKind | null> = {
  municipal_department: null,
  county: null,
  township: "county",
  community: "township",
};

export function allowedParentKind(kind: UnitKind): UnitKind | null {
  return PARENT_KIND[kind];
}

/** A Chinese message when `parentKind` cannot hold a `kind`, else null. */
export function parentProblem(kind: UnitKind, parentKind: UnitKind | null): string | null {
  const expected = PARENT_KIND[kind];
  if (parentKind === null) return null;
  if (expected === null) return "市直部门和县区是最上一级，不能设置上级单位";
  if (parentKind !== expected) {
    return kind === "township" ? "乡镇/街道的上级单位必须是县区" : "社区的上级单位必须是乡镇/街道";
  }
  return null;
}

/** Unit kinds, organisation roles and user roles, with their Chinese labels. */

export const UNIT_KINDS = ["municipal_department", "county", "township", "community"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  municipal_department: "市直部门",
  county: "县区",
  township: "乡镇/街道",
  community: "社区",
};

/** What an organisation is in the evaluation; one organisation may hold several roles. */
export const ORG_ROLES = ["evaluated", "source", "office", "reviewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export const ORG_ROLE_LABELS: Readonly<Record<OrgRole, string>> = {
  evaluated: "受评单位",
  source: "信源单位",
  office: "信用办",
  reviewer: "委托部门/领导小组",
};

export const USER_ROLES = ["admin", "office", "source", "unit", "reviewer"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  admin: "系统管理员",
  office: "信用办工作人员",
  source: "信源单位",
  unit: "受评单位",
  reviewer: "委托部门/领导小组",
};

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

export function isOrgRole(value: string): value is OrgRole {
  return (ORG_ROLES as readonly string[]).includes(value);
}

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** Accepts the code or the Chinese label (e.g. from a spreadsheet's 单位类别 column). */
export function parseUnitKind(value: string): UnitKind | undefined {
  const v = value.trim();
  if (isUnitKind(v)) return v;
  const aliases: Readonly<Record<string, UnitKind>> = { 乡镇: "township", 街道: "township", 县: "county", 区: "county" };
  return UNIT_KINDS.find((k) => UNIT_KIND_LABELS[k] === v) ?? aliases[v];
}

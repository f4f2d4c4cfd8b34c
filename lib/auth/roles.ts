// Roles and permissions, shared by server checks and by the navigation (which only hides).

import { USER_ROLE_LABELS, USER_ROLES, type UserRole } from "@/lib/orgs/kinds";

export { USER_ROLES, type UserRole };
export const ROLE_LABELS = USER_ROLE_LABELS;

/** Permissions are written `action:entity:scope` (scope `own` = the caller's organisation). */
const GRANTS = {
  "read:audit:any": ["admin", "office"],
  "export:audit:any": ["admin", "office"],
  "manage:users:any": ["admin"],
  "manage:calendar:any": ["admin"],
  "manage:orgs:any": ["admin", "office"],
  "import:units:any": ["admin", "office"],
  "manage:cycles:any": ["office"],
  "read:schemes:any": ["admin", "office", "reviewer", "source", "unit"],
  "manage:schemes:any": ["office"],
  "read:results:any": ["office", "reviewer"],
  "run:scoring:any": ["office"],
  "edit:reports:any": ["office"],
  "issue:reports:any": ["office"],
  "correct:facts:any": ["office"],
  "respond:feedback:own": ["unit"],
  "decide:requests:any": ["office"],
  "read:results:own": ["unit"],
  "submit:facts:assigned": ["source"],
  "upload:documents:own": ["unit"],
  "read:collection:own": ["unit"],
  "open:approval:any": ["office"],
  "approve:cycles:any": ["reviewer"],
  "resolve:sendbacks:any": ["office"],
  "archive:cycles:any": ["office"],
  "read:volume:any": ["office", "reviewer"],
  "record:dispatch:any": ["office"],
  "read:dossiers:any": ["office", "reviewer"],
  "amend:dossiers:any": ["office"],
  "review:rectification:any": ["office"],
  "read:dossier:own": ["unit"],
  "rectify:dossier:own": ["unit"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof GRANTS;

export function rolesFor(permission: Permission): readonly UserRole[] {
  return GRANTS[permission];
}

export function hasPermission(roles: readonly UserRole[], permission: Permission): boolean {
  const allowed: readonly UserRole[] = GRANTS[permission];
  return roles.some((role) => allowed.includes(role));
}

export function roleLabels(roles: readonly UserRole[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join("、");
}

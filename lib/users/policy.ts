// Account-management rules as plain data in, plain data out: shared by the server (which refuses)
// and the forms (which warn early). No database, no Node built-ins: client components import it.

import { ORG_ROLE_LABELS, USER_ROLE_LABELS, type OrgRole, type UserRole } from "@/lib/orgs/kinds";

/** The organisation role an account's role requires of its organisation. */
export const REQUIRED_ORG_ROLE: Readonly<Record<UserRole, OrgRole>> = {
  admin: "office",
  office: "office",
  source: "source",
  unit: "evaluated",
  reviewer: "reviewer",
};

export function roleFitMessage(role: UserRole): string {
  const org = ORG_ROLE_LABELS[REQUIRED_ORG_ROLE[role]];
  return `“${USER_ROLE_LABELS[role]}”角色只能授予${org}的账户，所选单位不是${org}`;
}

/** The roles that do not fit the organisation, each with its Chinese message. */
export function roleFitProblems(roles: readonly UserRole[], orgRoles: readonly OrgRole[]): string[] {
  return roles.filter((role) => !orgRoles.includes(REQUIRED_ORG_ROLE[role])).map(roleFitMessage);
}

/** Self-protection: an admin keeps a working admin account (nobody else may be left to fix it). */
export const SELF_PROTECTION = {
  deactivate: "不能停用您自己的账户，否则可能无人能够管理账户",
  lock: "不能锁定您自己的账户，否则可能无人能够管理账户",
  dropAdmin: "不能取消您自己的“系统管理员”角色，否则可能无人能够管理账户",
  reset: "不能在账户管理中重置您自己的密码，请使用“修改密码”页面",
} as const;

/** A lock that lasts until an admin lifts it. */
export const PERMANENT_LOCK = new Date("9999-12-31T23:59:59.000Z");

export const LOCK_DURATIONS = ["1h", "24h", "7d", "30d", "permanent"] as const;
export type LockDuration = (typeof LOCK_DURATIONS)[number];
export const LOCK_DURATION_LABELS: Readonly<Record<LockDuration, string>> = {
  "1h": "1小时",
  "24h": "24小时",
  "7d": "7天",
  "30d": "30天",
  permanent: "直至管理员解锁",
};
const LOCK_MS: Readonly<Record<Exclude<LockDuration, "permanent">, number>> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

export function lockedUntilFor(duration: LockDuration, at: Date): Date {
  return duration === "permanent" ? PERMANENT_LOCK : new Date(at.getTime() + LOCK_MS[duration]);
}

export function isPermanentLock(lockedUntil: Date): boolean {
  return lockedUntil.getUTCFullYear() >= 9999;
}

export const ACCOUNT_STATUSES = ["active", "locked", "deactivated", "must_change"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: "正常",
  locked: "已锁定",
  deactivated: "已停用",
  must_change: "待修改密码",
};

export type AccountState = { active: boolean; lockedUntil: Date | null; mustChangePassword: boolean };

/** Every status that applies to an account right now ("active" only when nothing else does). */
export function accountStatuses(account: AccountState, at: Date): AccountStatus[] {
  const out: AccountStatus[] = [];
  if (!account.active) out.push("deactivated");
  if (account.lockedUntil && account.lockedUntil.getTime() > at.getTime()) out.push("locked");
  if (account.mustChangePassword) out.push("must_change");
  return out.length ? out : ["active"];
}

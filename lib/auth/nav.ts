import { hasPermission, type Permission, type UserRole } from "./roles";

export type NavItem = { href: string; label: string; permission: Permission | null };

/** The shell's navigation. Showing an item is only a convenience: every page checks on the server. */
const NAV: NavItem[] = [
  { href: "/", label: "首页", permission: null },
  { href: "/cycles", label: "评价周期", permission: "manage:cycles:any" },
  { href: "/review", label: "结果审批", permission: "approve:cycles:any" },
  { href: "/dossiers", label: "诚信档案", permission: "read:dossiers:any" },
  { href: "/collect", label: "数据报送", permission: "submit:facts:assigned" },
  { href: "/unit", label: "本单位评价", permission: "read:collection:own" },
  { href: "/unit/dossier", label: "本单位档案", permission: "read:dossier:own" },
  { href: "/schemes", label: "指标体系", permission: "read:schemes:any" },
  { href: "/orgs", label: "单位管理", permission: "manage:orgs:any" },
  { href: "/users", label: "账户管理", permission: "manage:users:any" },
  { href: "/calendar", label: "工作日历", permission: "manage:calendar:any" },
  { href: "/audit", label: "审计日志", permission: "read:audit:any" },
  { href: "/account/password", label: "修改密码", permission: null },
];

export function navFor(roles: readonly UserRole[]): NavItem[] {
  return NAV.filter((item) => item.permission === null || hasPermission(roles, item.permission));
}

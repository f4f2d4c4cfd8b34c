import Link from "next/link";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { roleLabels } from "@/lib/auth/roles";
import { formatDateTimeCn } from "@/lib/clock";
import type { UserRow } from "@/lib/users/data";
import type { UserListFilter } from "@/lib/users/schema";
import { StatusBadges } from "./status-badges";

export function UsersTable({ rows, filter, at }: { rows: UserRow[]; filter: UserListFilter; at: Date }) {
  const sort = { current: filter, basePath: "/users" };
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table}>
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="用户名" sortKey="username" {...sort} />
            <SortHeader label="姓名" sortKey="displayName" {...sort} />
            <SortHeader label="所属单位" sortKey="organisation" {...sort} />
            <th scope="col" className={ui.th}>角色</th>
            <th scope="col" className={ui.th}>状态</th>
            <SortHeader label="最近登录" sortKey="lastLogin" {...sort} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-8 text-center text-slate-500">没有符合条件的账户，请调整搜索或筛选条件。</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className={row.active ? undefined : "text-slate-500"}>
                <td className={`${ui.td} font-mono`}>
                  <Link href={`/users/${row.id}`} className={ui.link}>{row.username}</Link>
                </td>
                <td className={ui.td}>
                  {row.displayName}
                  {row.email ? <span className="block text-xs text-slate-500">{row.email}</span> : null}
                </td>
                <td className={ui.td}>{row.organisationName}</td>
                <td className={ui.td}>{roleLabels(row.roles)}</td>
                <td className={ui.td}><StatusBadges account={row} at={at} /></td>
                <td className={`${ui.td} whitespace-nowrap tabular-nums`}>{row.lastLoginAt ? formatDateTimeCn(row.lastLoginAt) : "从未登录"}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

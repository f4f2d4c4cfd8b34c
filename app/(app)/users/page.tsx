import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { UsersFilter } from "@/components/users/users-filter";
import { UsersTable } from "@/components/users/users-table";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { withQuery } from "@/lib/list-query";
import { organisationOption } from "@/lib/orgs/data";
import { listUsers } from "@/lib/users/data";
import { USERS_PAGE_SIZE, userListSchema } from "@/lib/users/schema";

export const metadata: Metadata = { title: "账户管理" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  await requirePermission("manage:users:any", "page:/users");
  const filter = userListSchema.parse(await searchParams);
  const [{ rows, total }, organisation] = await Promise.all([listUsers(filter), filter.org ? organisationOption(filter.org) : null]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="账户管理"
        description="为各单位开设账户、分配角色、重置密码、锁定或停用。账户只能停用，不能删除；所有操作记入审计日志。"
        actions={
          <>
            <Link href={`/users/new${filter.org ? `?org=${encodeURIComponent(filter.org)}` : ""}`} className={ui.btnPrimary}>开设账户</Link>
            <a href={`/users/export${withQuery(filter, { page: 1 })}`} className={ui.btnSecondary}>导出 Excel</a>
          </>
        }
      />
      <UsersFilter filter={filter} organisation={organisation} />
      <UsersTable rows={rows} filter={filter} at={now()} />
      <Pagination page={filter.page} pageSize={USERS_PAGE_SIZE} total={total} hrefFor={(page) => `/users${withQuery(filter, { page })}`} />
    </div>
  );
}

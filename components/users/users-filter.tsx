import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { USER_ROLE_LABELS, USER_ROLES } from "@/lib/orgs/kinds";
import type { OrganisationOption } from "@/lib/orgs/data";
import { ACCOUNT_STATUSES, ACCOUNT_STATUS_LABELS } from "@/lib/users/policy";
import type { UserListFilter } from "@/lib/users/schema";
import { OrgPicker } from "@/components/orgs/org-picker";

const select = "mt-1 block rounded-md border border-slate-300 px-2 py-2 text-sm";

/** A GET form: the filters live in the URL, so a filtered list can be bookmarked and exported. */
export function UsersFilter({ filter, organisation }: { filter: UserListFilter; organisation: OrganisationOption | null }) {
  return (
    <form role="search" aria-label="筛选账户" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <input type="hidden" name="sort" value={filter.sort} />
      <input type="hidden" name="order" value={filter.order} />
      <label className="text-sm">
        搜索（用户名、姓名、邮箱、单位）
        <input name="q" type="search" defaultValue={filter.q} className={`${ui.input} w-64`} />
      </label>
      <OrgPicker name="org" label="单位" initial={organisation} includeInactive className="w-72" labelClassName="block text-sm" />
      <label className="text-sm">
        角色
        <select name="role" defaultValue={filter.role ?? ""} className={select}>
          <option value="">全部</option>
          {USER_ROLES.map((role) => <option key={role} value={role}>{USER_ROLE_LABELS[role]}</option>)}
        </select>
      </label>
      <label className="text-sm">
        状态
        <select name="status" defaultValue={filter.status ?? ""} className={select}>
          <option value="">全部</option>
          {ACCOUNT_STATUSES.map((s) => <option key={s} value={s}>{s === "active" ? "正常（可登录）" : ACCOUNT_STATUS_LABELS[s]}</option>)}
        </select>
      </label>
      <button type="submit" className={ui.btnSecondary}>筛选</button>
      <Link href="/users" className={`${ui.link} text-sm`}>清除</Link>
    </form>
  );
}

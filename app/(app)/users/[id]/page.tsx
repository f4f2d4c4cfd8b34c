import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { AccountActions } from "@/components/users/account-actions";
import { EditUserForm } from "@/components/users/edit-user-form";
import { StatusBadges } from "@/components/users/status-badges";
import { UserHistory } from "@/components/users/user-history";
import { roleLabels } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import { getUserDetail, userHistory } from "@/lib/users/data";
import { roleFitProblems } from "@/lib/users/policy";
import {
  deactivateUserAction,
  lockUserAction,
  reactivateUserAction,
  resetPasswordAction,
  unlockUserAction,
  updateUserAction,
} from "../actions";

export const metadata: Metadata = { title: "账户详情" };

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const actor = await requirePermission("manage:users:any", "page:/users/[id]");
  const { id } = await params;
  const user = id.length <= 40 ? await getUserDetail(id) : null;
  if (!user) notFound();
  const at = now();
  const history = await userHistory(user.id);
  const misfits = roleFitProblems(user.roles, user.organisation.roles);
  const facts: [string, React.ReactNode][] = [
    ["用户名", <span key="u" className="font-mono">{user.username}</span>],
    ["所属单位", `${user.organisationName}${user.organisation.active ? "" : "（单位已停用）"}`],
    ["角色", roleLabels(user.roles)],
    ["电子邮箱", user.email ?? "—"],
    ["状态", <StatusBadges key="s" account={user} at={at} />],
    ["最近登录", user.lastLoginAt ? formatDateTimeCn(user.lastLoginAt) : "从未登录"],
    ["连续登录失败", `${user.failedLogins} 次`],
    ["密码设置时间", user.passwordChangedAt ? formatDateTimeCn(user.passwordChangedAt) : "—"],
    ["开设时间", formatDateTimeCn(user.createdAt)],
  ];
  return (
    <div className="space-y-5">
      <PageHeader title={user.displayName} description="账户详情" actions={<Link href="/users" className={ui.btnSecondary}>返回账户列表</Link>} />
      <dl className={`${ui.card} grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]`}>
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-500">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {misfits.length ? (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          该账户的角色与所属单位不相符（单位的角色可能已被修改）：{misfits.join("；")}。请调整角色或单位。
        </p>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-2">
        <section aria-labelledby="edit-heading" className={ui.card}>
          <h2 id="edit-heading" className="mb-3 text-lg font-semibold">修改账户信息</h2>
          <EditUserForm
            action={updateUserAction}
            user={{ id: user.id, version: user.version, username: user.username, displayName: user.displayName, email: user.email ?? "", organisation: user.organisation, roles: user.roles }}
          />
        </section>
        <div className="space-y-5">
          <section aria-labelledby="security-heading" className={ui.card}>
            <h2 id="security-heading" className="mb-3 text-lg font-semibold">账户安全</h2>
            <AccountActions
              user={{
                id: user.id,
                version: user.version,
                username: user.username,
                displayName: user.displayName,
                active: user.active,
                locked: Boolean(user.lockedUntil && user.lockedUntil > at),
                self: user.id === actor.id,
              }}
              actions={{ reset: resetPasswordAction, lock: lockUserAction, unlock: unlockUserAction, deactivate: deactivateUserAction, reactivate: reactivateUserAction }}
            />
          </section>
          <section aria-labelledby="history-heading" className={ui.card}>
            <h2 id="history-heading" className="mb-3 text-lg font-semibold">最近记录</h2>
            <UserHistory rows={history} />
          </section>
        </div>
      </div>
    </div>
  );
}

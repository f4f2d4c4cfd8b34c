import { apiActor } from "@/lib/auth/api";
import { roleLabels } from "@/lib/auth/roles";
import { requestIp } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { recordUsersExport } from "@/lib/users/admin-mutations";
import { userRowsForExport, type UserRow } from "@/lib/users/data";
import { accountStatuses, ACCOUNT_STATUS_LABELS, isPermanentLock } from "@/lib/users/policy";
import { userListSchema } from "@/lib/users/schema";

function columns(at: Date): Column<UserRow>[] {
  return [
    { header: "用户名", width: 20, value: (r) => r.username },
    { header: "姓名", width: 20, value: (r) => r.displayName },
    { header: "电子邮箱", width: 28, value: (r) => r.email },
    { header: "所属单位", width: 36, value: (r) => r.organisationName },
    { header: "角色", width: 24, value: (r) => roleLabels(r.roles) },
    { header: "状态", width: 20, value: (r) => accountStatuses(r, at).map((s) => ACCOUNT_STATUS_LABELS[s]).join("、") },
    {
      header: "锁定至（北京时间）",
      width: 24,
      value: (r) => (r.lockedUntil && r.lockedUntil > at ? (isPermanentLock(r.lockedUntil) ? "直至管理员解锁" : formatDateTimeCn(r.lockedUntil)) : null),
    },
    { header: "最近登录（北京时间）", width: 24, value: (r) => (r.lastLoginAt ? formatDateTimeCn(r.lastLoginAt) : null) },
    { header: "开设时间（北京时间）", width: 24, value: (r) => formatDateTimeCn(r.createdAt) },
  ];
}

export async function GET(request: Request) {
  const actor = await apiActor("manage:users:any");
  if (actor instanceof Response) return actor;
  const filter = userListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await recordUsersExport(actor, filter, await requestIp());
  const at = now();
  const stamp = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing date
  return xlsxResponse(streamXlsx("账户", columns(at), userRowsForExport(filter)), `账户列表-${stamp}.xlsx`);
}

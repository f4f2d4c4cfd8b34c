import { formatDateTimeCn } from "@/lib/clock";
import { accountStatuses, isPermanentLock, type AccountState, type AccountStatus } from "@/lib/users/policy";

const TONE: Record<AccountStatus, string> = {
  active: "bg-green-50 text-green-800 ring-green-200",
  locked: "bg-red-50 text-red-800 ring-red-200",
  deactivated: "bg-slate-100 text-slate-700 ring-slate-300",
  must_change: "bg-amber-50 text-amber-900 ring-amber-200",
};

function label(status: AccountStatus, account: AccountState): string {
  switch (status) {
    case "locked":
      return account.lockedUntil && !isPermanentLock(account.lockedUntil) ? `已锁定至 ${formatDateTimeCn(account.lockedUntil)}` : "已锁定（直至解锁）";
    case "deactivated":
      return "已停用";
    case "must_change":
      return "待修改密码";
    default:
      return "正常";
  }
}

/** The account's states right now; `at` is the server's clock. */
export function StatusBadges({ account, at }: { account: AccountState; at: Date }) {
  return (
    <span className="flex flex-wrap gap-1">
      {accountStatuses(account, at).map((status) => (
        <span key={status} data-status={status} className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${TONE[status]}`}>
          {label(status, account)}
        </span>
      ))}
    </span>
  );
}

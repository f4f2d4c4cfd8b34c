import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { MarkReadButton } from "@/components/notifications/read-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { withQuery } from "@/lib/list-query";
import { listNotifications, NOTIFICATION_PAGE_SIZE, notificationListSchema } from "@/lib/notifications/data";
import { markAllNotificationsReadAction, markNotificationsReadAction, openNotificationAction } from "./actions";

export const metadata: Metadata = { title: "通知" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const query = notificationListSchema.parse(await searchParams);
  const { rows, total, unread } = await listNotifications(actor.id, query);
  const tab = (show: "all" | "unread", label: string) => (
    <Link
      href={`/notifications${withQuery({}, { show: show === "all" ? undefined : show })}`}
      aria-current={query.show === show ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm ${query.show === show ? "bg-brand-700 text-white" : "border border-slate-300 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title="通知"
        description={unread > 0 ? `您有 ${unread} 条未读通知。` : "没有未读通知。"}
        actions={unread > 0 ? <MarkReadButton label="全部标为已读" action={markAllNotificationsReadAction} /> : null}
      />
      <nav aria-label="通知筛选" className="flex gap-2">
        {tab("all", "全部")}
        {tab("unread", `未读（${unread}）`)}
      </nav>
      <NotificationList rows={rows} open={openNotificationAction} markRead={markNotificationsReadAction} />
      <Pagination page={query.page} pageSize={NOTIFICATION_PAGE_SIZE} total={total} hrefFor={(page) => `/notifications${withQuery(query, { page })}`} />
    </div>
  );
}

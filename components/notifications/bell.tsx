import Link from "next/link";
import { unreadCount } from "@/lib/notifications/data";

/** The header's bell: a server component reading the caller's unread count on each render. */
export async function NotificationBell({ userId }: { userId: string }) {
  const unread = await unreadCount(userId);
  const label = unread > 0 ? `通知（${unread}条未读）` : "通知（无未读）";
  return (
    <Link
      href="/notifications"
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md border border-slate-300 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-none stroke-slate-700" strokeWidth={1.8}>
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" strokeLinejoin="round" />
        <path d="M10.3 20a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {/* The name is the visible count in words around it ("通知 4 条未读"), so speech input matches what is seen. */}
      <span className="sr-only">通知</span>
      {unread > 0 ? (
        <span data-testid="notification-unread" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
      <span className="sr-only">{unread > 0 ? "条未读" : "（无未读）"}</span>
    </Link>
  );
}

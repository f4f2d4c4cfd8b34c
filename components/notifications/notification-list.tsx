import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { NotificationRow } from "@/lib/notifications/data";
import { MarkReadButton } from "./read-buttons";

type Outcome = { ok: true; data: { count: number } } | { ok: false; error: string };

type Props = {
  rows: NotificationRow[];
  open: (formData: FormData) => Promise<void>;
  markRead: (ids: string[]) => Promise<Outcome>;
};

/** The user's notices; unread ones stand out and can be opened (marks read) or marked read. */
export function NotificationList({ rows, open, markRead }: Props) {
  if (rows.length === 0) return <p className={`${ui.card} text-center text-slate-500`}>没有通知。</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" aria-label="通知列表">
      {rows.map((n) => (
        <li key={n.id} data-testid="notification" data-unread={n.readAt ? undefined : "true"} className={`flex flex-wrap items-start gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/60"}`}>
          <div className="min-w-0 flex-1">
            <p className="font-medium">
              {n.readAt ? null : <span className="mr-2 rounded bg-red-600 px-1.5 py-0.5 text-xs text-white">未读</span>}
              {n.title}
            </p>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{n.body}</p>
            <p className="mt-1 text-xs text-slate-500 tabular-nums">{formatDateTimeCn(n.createdAt)}</p>
          </div>
          <div className="flex items-center gap-2">
            {n.link ? (
              <form action={open}>
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className={ui.btnSecondary}>查看</button>
              </form>
            ) : null}
            {n.readAt ? null : <MarkReadButton label="标为已读" action={markRead.bind(null, [n.id])} />}
          </div>
        </li>
      ))}
    </ul>
  );
}

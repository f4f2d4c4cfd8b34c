import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/prisma/generated/client/client";

/*
 * Reads of a user's own in-app notices. Every query is scoped by the caller's user id in the
 * WHERE clause: nobody can list, count or open another user's notices.
 */

export const NOTIFICATION_PAGE_SIZE = 20;

export const notificationListSchema = z.object({
  show: z.enum(["all", "unread"]).default("all").catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type NotificationListQuery = z.infer<typeof notificationListSchema>;

export type NotificationRow = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
};

const select = { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true } satisfies Prisma.NotificationSelect;

function whereFor(userId: string, query: Pick<NotificationListQuery, "show">): Prisma.NotificationWhereInput {
  return { userId, ...(query.show === "unread" ? { readAt: null } : {}) };
}

/** One page of the user's notices, newest first. */
export async function listNotifications(userId: string, query: NotificationListQuery): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const where = whereFor(userId, query);
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({
      where,
      select,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * NOTIFICATION_PAGE_SIZE,
      take: NOTIFICATION_PAGE_SIZE,
    }),
    db().notification.count({ where }),
    unreadCount(userId),
  ]);
  return { rows, total, unread };
}

/** The number on the bell (served by the (user_id, read_at) index). */
export async function unreadCount(userId: string): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/** The user's own notice, or null (another user's notice is "not found"). */
export async function notificationFor(userId: string, id: string): Promise<NotificationRow | null> {
  return db().notification.findFirst({ where: { id, userId }, select });
}

/** Only links inside the application are followed (a notice never sends anyone elsewhere). */
export function safeNoticeLink(link: string | null): string | null {
  if (!link || !link.startsWith("/") || link.startsWith("//") || link.includes("\\")) return null;
  return link;
}

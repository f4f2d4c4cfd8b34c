import type { UserRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";

export type Notice = { kind: string; title: string; body: string; link?: string | null };

type Writer = Pick<Tx, "notification" | "user">;

/** One notice per user, inside the caller's transaction (so a rolled-back change notifies no one). */
export async function notifyUsers(tx: Writer, userIds: readonly string[], notice: Notice): Promise<number> {
  if (userIds.length === 0) return 0;
  const result = await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link ?? null })),
  });
  return result.count;
}

/** Every active user of an organisation (optionally only those holding a role). */
export async function notifyOrganisation(tx: Writer, organisationId: string, notice: Notice, role?: UserRole): Promise<number> {
  const users = await tx.user.findMany({
    where: { organisationId, active: true, ...(role ? { roles: { has: role } } : {}) },
    select: { id: true },
  });
  return notifyUsers(tx, users.map((u) => u.id), notice);
}

/** Every active user holding a role anywhere (e.g. all credit-office staff). */
export async function notifyRole(tx: Writer, role: UserRole, notice: Notice): Promise<number> {
  const users = await tx.user.findMany({ where: { active: true, roles: { has: role } }, select: { id: true } });
  return notifyUsers(tx, users.map((u) => u.id), notice);
}

/** Marks some of the user's own notices read; ids of other users' notices are ignored. */
export async function markNotificationsRead(tx: Pick<Tx, "notification">, userId: string, ids: readonly string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await tx.notification.updateMany({ where: { userId, id: { in: [...ids] }, readAt: null }, data: { readAt: at } });
  return result.count;
}

/** Marks every unread notice of the user read. */
export async function markAllNotificationsRead(tx: Pick<Tx, "notification">, userId: string, at: Date): Promise<number> {
  const result = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
  return result.count;
}

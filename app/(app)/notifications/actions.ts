"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notificationFor, safeNoticeLink } from "@/lib/notifications/data";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/notifications/mutations";

const idsSchema = z.object({ ids: z.array(z.string().min(1).max(40)).min(1).max(200) });
const idSchema = z.object({ id: z.string().min(1).max(40) });

// Read marks only ever touch the caller's own notices (the user id is in every WHERE clause).
const markRead = protectedAction({ permission: null, schema: idsSchema }, async (actor, { ids }) => {
  const count = await markNotificationsRead(db(), actor.id, ids, now());
  revalidatePath("/", "layout");
  return { count };
});

const markAll = protectedAction({ permission: null, schema: z.object({}) }, async (actor) => {
  const count = await markAllNotificationsRead(db(), actor.id, now());
  revalidatePath("/", "layout");
  return { count };
});

const open = protectedAction({ permission: null, schema: idSchema }, async (actor, { id }) => {
  const notice = await notificationFor(actor.id, id);
  if (!notice) throw new AppError("NOT_FOUND");
  await markNotificationsRead(db(), actor.id, [id], now());
  revalidatePath("/", "layout");
  return { link: safeNoticeLink(notice.link) };
});

export async function markNotificationsReadAction(ids: string[]): Promise<ActionResult<{ count: number }>> {
  return markRead({ ids });
}

export async function markAllNotificationsReadAction(): Promise<ActionResult<{ count: number }>> {
  return markAll({});
}

/** A notice's "查看" button: marks it read, then opens what it is about (or stays on the list). */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const result = await open({ id: formData.get("id") });
  redirect(result.ok && result.data.link ? result.data.link : "/notifications");
}

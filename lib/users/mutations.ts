import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "./schema";

/** Changes the caller's own password; every existing session of the user ends (session version). */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput, ip: string | null): Promise<void> {
  const user = await db().user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("NOT_FOUND");
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    throw new AppError("INVALID", "当前密码不正确", { current: ["当前密码不正确"] });
  }
  if (input.next.toLowerCase().includes(user.username.toLowerCase())) {
    throw new AppError("INVALID", "新密码不能包含用户名", { next: ["新密码不能包含用户名"] });
  }
  const passwordHash = await hashPassword(input.next);
  await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: user.id, version: input.expectedVersion },
      data: {
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now(),
        sessionVersion: { increment: 1 },
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError("STALE");
    await writeAudit(tx, {
      actor,
      action: "auth.password_changed",
      entityType: "user",
      entityId: user.id,
      meta: { forced: user.mustChangePassword },
      ip,
    });
  });
}

export async function userVersion(userId: string): Promise<number> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { version: true } });
  if (!user) throw new AppError("NOT_FOUND");
  return user.version;
}

import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { generateOneTimePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { UserRole } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/prisma";
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

export type OneTimeCredential = { password: string; hash: string };

/** A one-time password and its hash; hash before opening a transaction (scrypt is slow on purpose). */
export async function prepareOneTimePassword(): Promise<OneTimeCredential> {
  const password = generateOneTimePassword();
  return { password, hash: await hashPassword(password) };
}

export type NewAccount = {
  username: string;
  displayName: string;
  email?: string | null;
  organisationId: string;
  roles: UserRole[];
};

/**
 * Inserts an account that must change its one-time password at first sign-in. Shared by account
 * management and the unit-list import; the caller writes the audit row in the same transaction.
 */
export async function insertAccount(tx: Tx, account: NewAccount, credential: OneTimeCredential): Promise<{ id: string }> {
  const existing = await tx.user.findFirst({
    where: { OR: [{ username: account.username }, ...(account.email ? [{ email: account.email.toLowerCase() }] : [])] },
    select: { username: true },
  });
  if (existing) {
    const field = existing.username === account.username ? "username" : "email";
    const message = field === "username" ? `用户名“${account.username}”已被使用` : `电子邮箱“${account.email}”已被其他账户使用`;
    throw new AppError("CONFLICT", message, { [field]: [message] });
  }
  return tx.user.create({
    data: {
      username: account.username,
      displayName: account.displayName,
      email: account.email ? account.email.toLowerCase() : null,
      organisationId: account.organisationId,
      roles: account.roles,
      passwordHash: credential.hash,
      mustChangePassword: true,
    },
    select: { id: true },
  });
}

import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/orgs/kinds";
import type { Prisma } from "@/prisma/generated/client/client";
import { insertAccount, prepareOneTimePassword } from "./mutations";
import { lockedUntilFor, roleFitProblems, SELF_PROTECTION } from "./policy";
import type { CreateUserInput, LockUserInput, UpdateUserInput, UserListFilter, UserVersionInput } from "./schema";

// Account management by an admin. Every function takes the acting admin explicitly (the server
// actions are thin wrappers), runs the change and its audit row (before/after) in one transaction,
// and refuses an edit made on a stale copy of the account (its `version`).

export type IssuedCredential = { id: string; username: string; displayName: string; password: string };

const snapshotSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  organisationId: true,
  roles: true,
  active: true,
  mustChangePassword: true,
  lockedUntil: true,
  failedLogins: true,
  sessionVersion: true,
  version: true,
  organisation: { select: { name: true } },
} satisfies Prisma.UserSelect;

type AccountSnapshot = Prisma.UserGetPayload<{ select: typeof snapshotSelect }>;

/** What the audit log keeps of an account: never the password hash. */
function auditView({ organisation, ...user }: AccountSnapshot) {
  return { ...user, organisationName: organisation.name };
}

function usernameTaken(username: string): string {
  return `用户名“${username}”已被使用（不区分大小写）`;
}

function emailTaken(email: string): string {
  return `电子邮箱“${email}”已被其他账户使用`;
}

function refuse(fieldErrors: Record<string, string[]>, onlyConflicts: boolean): never {
  const messages = Object.values(fieldErrors).flat();
  throw new AppError(onlyConflicts ? "CONFLICT" : "INVALID", messages.join("；"), fieldErrors);
}

/** A unique-constraint race lost between our check and the write, told as a field error. */
function rethrowUniqueViolation(error: unknown, input: { username?: string; email: string | null }): never {
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
    const onEmail = JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes("email") && input.email;
    if (onEmail) refuse({ email: [emailTaken(input.email!)] }, true);
    if (input.username) refuse({ username: [usernameTaken(input.username)] }, true);
    throw new AppError("CONFLICT");
  }
  throw error;
}

/** The organisation's problems for these roles: missing, deactivated, or a role it cannot hold. */
async function organisationProblems(tx: Tx, organisationId: string, roles: UserRole[], allowInactive: boolean) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { active: true, roles: true } });
  const errors: Record<string, string[]> = {};
  if (!org) return { organisationId: ["所选单位不存在，请重新选择"] };
  if (!org.active && !allowInactive) errors.organisationId = ["所选单位已停用，不能为其开设或调入账户"];
  const misfits = roleFitProblems(roles, org.roles);
  if (misfits.length) errors.roles = misfits;
  return errors;
}

async function emailProblem(tx: Tx, email: string | null, exceptId?: string): Promise<string[] | undefined> {
  if (!email) return undefined;
  const other = await tx.user.findFirst({ where: { email, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  return other ? [emailTaken(email)] : undefined;
}

export async function createAccount(actor: Actor, input: CreateUserInput, ip: string | null): Promise<IssuedCredential> {
  const credential = await prepareOneTimePassword();
  try {
    const created = await db().$transaction(async (tx) => {
      const errors: Record<string, string[]> = {};
      const sameName = await tx.user.findFirst({ where: { username: { equals: input.username, mode: "insensitive" } }, select: { id: true } });
      if (sameName) errors.username = [usernameTaken(input.username)];
      const email = await emailProblem(tx, input.email);
      if (email) errors.email = email;
      Object.assign(errors, await organisationProblems(tx, input.organisationId, input.roles, false));
      if (Object.keys(errors).length) refuse(errors, !errors.organisationId && !errors.roles);

      const { id } = await insertAccount(tx, input, credential);
      const after = await tx.user.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
      await writeAudit(tx, { actor, action: "user.created", entityType: "user", entityId: id, after: auditView(after), ip });
      return after;
    });
    return { id: created.id, username: created.username, displayName: created.displayName, password: credential.password };
  } catch (error) {
    rethrowUniqueViolation(error, input);
  }
}

async function loadForChange(tx: Tx, input: UserVersionInput): Promise<AccountSnapshot> {
  const user = await tx.user.findUnique({ where: { id: input.id }, select: snapshotSelect });
  if (!user) throw new AppError("NOT_FOUND");
  if (user.version !== input.expectedVersion) throw new AppError("STALE");
  return user;
}

/** Writes the change at the version that was read (else STALE) and its audit row with before/after. */
async function applyChange(
  tx: Tx,
  user: AccountSnapshot,
  data: Prisma.UserUpdateManyMutationInput & { organisationId?: string },
  audit: { actor: Actor; action: string; ip: string | null; meta?: Record<string, unknown> },
): Promise<void> {
  const updated = await tx.user.updateMany({ where: { id: user.id, version: user.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count !== 1) throw new AppError("STALE");
  const after = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: snapshotSelect });
  await writeAudit(tx, {
    actor: audit.actor,
    action: audit.action,
    entityType: "user",
    entityId: user.id,
    before: auditView(user),
    after: auditView(after),
    meta: audit.meta,
    ip: audit.ip,
  });
}

/** Display name, e-mail, roles and organisation. Returns whether anything changed. */
export async function updateAccount(actor: Actor, input: UpdateUserInput, ip: string | null): Promise<{ changed: boolean }> {
  if (input.id === actor.id && !input.roles.includes("admin")) {
    throw new AppError("FORBIDDEN", SELF_PROTECTION.dropAdmin, { roles: [SELF_PROTECTION.dropAdmin] });
  }
  try {
    return await db().$transaction(async (tx) => {
      const user = await loadForChange(tx, input);
      const errors = await organisationProblems(tx, input.organisationId, input.roles, input.organisationId === user.organisationId);
      const email = input.email === user.email ? undefined : await emailProblem(tx, input.email, user.id);
      if (email) errors.email = email;
      if (Object.keys(errors).length) refuse(errors, !errors.organisationId && !errors.roles);

      const changed =
        user.displayName !== input.displayName ||
        user.email !== input.email ||
        user.organisationId !== input.organisationId ||
        user.roles.join() !== input.roles.join();
      if (!changed) return { changed: false };
      const { displayName, email: newEmail, organisationId, roles } = input;
      await applyChange(tx, user, { displayName, email: newEmail, organisationId, roles }, { actor, action: "user.updated", ip });
      return { changed: true };
    });
  } catch (error) {
    rethrowUniqueViolation(error, { email: input.email });
  }
}

/** A new one-time password: forced change at next sign-in, every session ends, any lock lifted. */
export async function resetPassword(actor: Actor, input: UserVersionInput, ip: string | null): Promise<IssuedCredential> {
  if (input.id === actor.id) throw new AppError("FORBIDDEN", SELF_PROTECTION.reset);
  const credential = await prepareOneTimePassword();
  return db().$transaction(async (tx) => {
    const user = await loadForChange(tx, input);
    await applyChange(
      tx,
      user,
      {
        passwordHash: credential.hash,
        mustChangePassword: true,
        passwordChangedAt: now(),
        sessionVersion: { increment: 1 },
        failedLogins: 0,
        lockedUntil: null,
      },
      { actor, action: "user.password_reset", ip },
    );
    return { id: user.id, username: user.username, displayName: user.displayName, password: credential.password };
  });
}

/** Locks for a period or until unlocked; the account's sessions end at once. */
export async function lockAccount(actor: Actor, input: LockUserInput, ip: string | null): Promise<{ lockedUntil: Date }> {
  if (input.id === actor.id) throw new AppError("FORBIDDEN", SELF_PROTECTION.lock);
  const lockedUntil = lockedUntilFor(input.duration, now());
  await db().$transaction(async (tx) => {
    const user = await loadForChange(tx, input);
    await applyChange(tx, user, { lockedUntil, sessionVersion: { increment: 1 } }, { actor, action: "user.locked", ip, meta: { duration: input.duration } });
  });
  return { lockedUntil };
}

export async function unlockAccount(actor: Actor, input: UserVersionInput, ip: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await loadForChange(tx, input);
    if (!user.lockedUntil && user.failedLogins === 0) throw new AppError("INVALID", "该账户没有被锁定");
    await applyChange(tx, user, { lockedUntil: null, failedLogins: 0 }, { actor, action: "user.unlocked", ip });
  });
}

/** Never a delete: the account stays (its audit trail refers to it) but can no longer sign in. */
export async function deactivateAccount(actor: Actor, input: UserVersionInput, ip: string | null): Promise<void> {
  if (input.id === actor.id) throw new AppError("FORBIDDEN", SELF_PROTECTION.deactivate);
  await db().$transaction(async (tx) => {
    const user = await loadForChange(tx, input);
    if (!user.active) throw new AppError("INVALID", "该账户已经停用");
    await applyChange(tx, user, { active: false, sessionVersion: { increment: 1 } }, { actor, action: "user.deactivated", ip });
  });
}

export async function reactivateAccount(actor: Actor, input: UserVersionInput, ip: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await loadForChange(tx, input);
    if (user.active) throw new AppError("INVALID", "该账户已在使用中");
    const org = await tx.organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { active: true } });
    if (!org.active) throw new AppError("INVALID", "所属单位已停用：请先恢复该单位，或把账户调到其他单位后再启用");
    await applyChange(tx, user, { active: true }, { actor, action: "user.reactivated", ip });
  });
}

export async function recordUsersExport(actor: Actor, filter: UserListFilter, ip: string | null): Promise<void> {
  await writeAudit(db(), { actor, action: "user.export", entityType: "user", meta: { filter }, ip });
}

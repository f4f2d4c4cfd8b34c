import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { writeAudit } from "@/lib/audit/mutations";
import { db } from "@/lib/db/client";
import { addressOf } from "@/lib/http/limits";
import type { Actor } from "./actor";
import { auth } from "./next-auth";
import { hasPermission, type Permission, type UserRole } from "./roles";

/**
 * The signed-in caller, re-read from the database on every request: a deactivated user, a locked
 * account or a changed password (session version) ends the session at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    include: { organisation: { select: { name: true, active: true } } },
  });
  if (!user || !user.active || !user.organisation.active) return null;
  if (user.sessionVersion !== session.sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    mustChangePassword: user.mustChangePassword,
  };
});

/** For pages: the caller, or a redirect to sign-in (or to the forced password change). */
export async function requireActor(options: { allowPendingPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) redirect("/account/password");
  return actor;
}

/** The caller's address for the audit log: the one the rate limits use, never a client-written hop. */
export async function requestIp(): Promise<string | null> {
  const address = addressOf(await headers());
  return address === "unknown" ? null : address;
}

export async function auditDenied(actor: Actor, what: string): Promise<void> {
  await writeAudit(db(), {
    actor,
    action: "access.denied",
    outcome: "denied",
    meta: { what, roles: actor.roles },
    ip: await requestIp(),
  });
}

/** For pages: the caller holding one of the roles; anyone else gets a 404 (and an audit row). */
export async function requireRole(roles: readonly UserRole[], what: string): Promise<Actor> {
  const actor = await requireActor();
  if (!actor.roles.some((role) => roles.includes(role))) {
    await auditDenied(actor, what);
    notFound();
  }
  return actor;
}

export async function requirePermission(permission: Permission, what: string = permission): Promise<Actor> {
  const actor = await requireActor();
  if (!hasPermission(actor.roles, permission)) {
    await auditDenied(actor, what);
    notFound();
  }
  return actor;
}

import "server-only";
import type { Actor } from "./actor";
import { hasPermission, type Permission } from "./roles";
import { auditDenied, getActor } from "./session";

/** For route handlers: the caller with the permission, or the Response to send instead (401/404). */
export async function apiActor(permission: Permission): Promise<Actor | Response> {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) {
    return Response.json({ error: "请先登录" }, { status: 401 });
  }
  if (!hasPermission(actor.roles, permission)) {
    await auditDenied(actor, permission);
    return Response.json({ error: "未找到" }, { status: 404 });
  }
  return actor;
}

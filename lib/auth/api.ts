import "server-only";
import { isSameOriginRequest } from "@/lib/http/origin";
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

/** For route handlers that change state (POST, PUT, PATCH, DELETE): 403 for a cross-site request, else null. */
export function crossSiteRefusal(request: Request): Response | null {
  if (isSameOriginRequest(request.headers)) return null;
  return Response.json({ ok: false, error: "请求来源无效，请从本系统的页面操作" }, { status: 403 });
}

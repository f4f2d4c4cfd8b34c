import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, databaseRefusal, isAppError, type AppErrorCode } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/roles";
import { auditDenied, getActor } from "@/lib/auth/session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code?: AppErrorCode; fieldErrors?: Record<string, string[]> };

/** zod issues → { field: [messages] }, every problem kept (never only the first). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The one chain every server action goes through: signed in → permission → zod → handler.
 * Handlers run their change and its audit row in one transaction; refusals come back as Chinese
 * messages, never as stack traces.
 */
export function protectedAction<S extends z.ZodType, T>(
  options: { permission: Permission | null; schema: S; allowPendingPasswordChange?: boolean },
  handler: (actor: Actor, input: z.infer<S>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input: unknown) => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "登录已过期，请重新登录");
      if (actor.mustChangePassword && !options.allowPendingPasswordChange) {
        throw new AppError("FORBIDDEN", "请先修改初始密码");
      }
      if (options.permission && !hasPermission(actor.roles, options.permission)) {
        await auditDenied(actor, options.permission);
        throw new AppError("NOT_FOUND");
      }
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        throw new AppError("INVALID", "提交的内容有误，请按提示修改", fieldErrorsOf(parsed.error));
      }
      return { ok: true, data: await handler(actor, parsed.data) };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
      const refused = databaseRefusal(error);
      if (refused) return { ok: false, error: refused.message, code: refused.code };
      console.error(error);
      return { ok: false, error: "服务器内部错误，操作未完成，请稍后重试" };
    }
  };
}

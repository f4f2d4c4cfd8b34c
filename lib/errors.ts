// One error type for every refusal; converted to a Chinese message once, at the boundary.

export type AppErrorCode = "UNAUTHENTICATED" | "NOT_FOUND" | "FORBIDDEN" | "INVALID" | "CONFLICT" | "STALE" | "RATE_LIMITED";

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "请先登录",
  NOT_FOUND: "未找到该内容，或您无权查看",
  FORBIDDEN: "您无权执行此操作",
  INVALID: "提交的内容有误",
  CONFLICT: "该操作与现有数据冲突",
  STALE: "该记录已被他人修改，请刷新后重试（您的修改未保存）",
  RATE_LIMITED: "尝试过于频繁，请稍后再试",
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const ARCHIVED_MESSAGE = "该评价周期已归档，数据只读，不能修改；如需更正，请在诚信档案中添加更正记录";

/**
 * A refusal by the database's own rules, as an AppError: the archive freeze (triggers raising
 * SQLSTATE 55000 "…已归档…") is the last line behind the application's checks.
 */
export function databaseRefusal(error: unknown): AppError | null {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return text.includes("已归档") ? new AppError("CONFLICT", ARCHIVED_MESSAGE) : null;
}

/** Chinese names of audited actions, for the audit log page and its export. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "登录",
  "auth.sign_in_failed": "登录失败",
  "auth.locked": "账户锁定",
  "auth.sign_out": "退出登录",
  "auth.password_changed": "修改密码",
  "access.denied": "越权访问被拒绝",
  "audit.export": "导出审计日志",
  "seed.demo": "初始化演示数据",
};

export const AUDIT_OUTCOME_LABELS: Record<string, string> = { ok: "成功", denied: "拒绝", failed: "失败" };

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

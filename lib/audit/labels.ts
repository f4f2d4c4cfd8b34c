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
  "user.created": "开设账户",
  "user.updated": "修改账户",
  "user.password_reset": "重置密码",
  "user.locked": "管理员锁定账户",
  "user.unlocked": "解锁账户",
  "user.deactivated": "停用账户",
  "user.reactivated": "启用账户",
  "user.export": "导出账户列表",
  "org.create": "新建单位",
  "org.update": "修改单位",
  "org.deactivate": "停用单位",
  "org.reactivate": "启用单位",
  "org.export": "导出单位名单",
  "org.import": "导入单位名单",
  "scheme.builtin_installed": "安装内置指标体系模板",
  "scheme.draft_created": "新建指标体系版本",
  "scheme.draft_saved": "保存指标体系草稿",
  "scheme.published": "发布指标体系版本",
  "scheme.imported": "导入指标体系",
  "scheme.draft_deleted": "删除指标体系草稿",
  "scheme.exported": "下载指标体系 JSON",
  "scheme.exported_xlsx": "导出指标体系 Excel",
};

export const AUDIT_OUTCOME_LABELS: Record<string, string> = { ok: "成功", denied: "拒绝", failed: "失败" };

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

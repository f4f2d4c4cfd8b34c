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
  "cycle.created": "新建评价周期",
  "cycle.updated": "修改评价周期",
  "cycle.deadlines_extended": "延长归集截止日期",
  "cycle.scheme_set": "设置周期指标体系",
  "cycle.units_enrolled": "纳入受评单位",
  "cycle.units_removed": "移出受评单位",
  "cycle.units_exported": "导出周期受评单位",
  "cycle.default_assignments_applied": "应用默认数据来源",
  "cycle.assignment_changed": "调整数据来源分配",
  "cycle.collection_opened": "开始数据归集",
  "cycle.collection_closed": "结束数据归集",
  "collection.value_saved": "填报指标值",
  "collection.record_added": "新增报送记录",
  "collection.record_withdrawn": "撤回报送记录",
  "collection.marked_none": "报送标记为“无”",
  "collection.marked_none_for_all": "无记录单位批量标记为“无”",
  "collection.marked_not_applicable": "报送标记为“不涉及”",
  "collection.submitted": "提交报送",
  "collection.returned": "退回报送",
  "collection.reopened": "重新开放报送",
  "file.uploaded": "上传佐证材料",
  "file.downloaded": "下载文件",
  "unit.document_uploaded": "上传自查自评报告/政务承诺",
  "collection.imported": "表格导入报送数据",
  "collection.template_downloaded": "下载报送模板",
  "collection.urged": "催办",
  "collection.bad_record": "记入不良记录",
  "collection.exported": "导出归集进度",
};

export const AUDIT_OUTCOME_LABELS: Record<string, string> = { ok: "成功", denied: "拒绝", failed: "失败" };

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** Who did it: the user's name; an anonymous caller (a failed sign-in); or the system (seed, start-up). */
export function auditActorLabel(row: { actorName: string | null; action: string }): string {
  if (row.actorName) return row.actorName;
  return row.action.startsWith("auth.") || row.action === "access.denied" ? "（未登录）" : "系统";
}

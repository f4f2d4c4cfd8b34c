import type { UserRole } from "@/lib/auth/roles";
import { ROLE_LABELS } from "@/lib/auth/roles";

const TASKS: Record<UserRole, string[]> = {
  admin: ["管理用户账户、角色与密码重置", "维护工作日历（法定节假日与调休）", "查看审计日志、执行数据备份"],
  office: ["设置指标体系与评价周期，确定受评单位和数据来源", "监测数据归集进度，督促逾期的信源单位", "运行评分、签发初评报告、处理复评申请、归档与汇编"],
  source: ["按分配的指标为每个受评单位报送数据（记录、数值或“无”）", "上传佐证材料，在截止日期前提交"],
  unit: ["上传自评报告和年度政务承诺", "查看初评得分与报告，确认或在5个工作日内提出一次复评申请", "查阅本单位政务诚信档案"],
  reviewer: ["审阅评价结果与报告", "批准最终结果，或附意见退回"],
};

export function RoleTasks({ roles, organisationName }: { roles: readonly UserRole[]; organisationName: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {roles.map((role) => (
        <section
          key={role}
          data-testid={`home-${role}`}
          aria-labelledby={`role-${role}`}
          className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id={`role-${role}`} className="text-lg font-semibold text-brand-800">
            {ROLE_LABELS[role]}
          </h2>
          <p className="text-sm text-slate-600">{organisationName}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            {TASKS[role].map((task) => (
              <li key={task}>{task}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

import Link from "next/link";
import { ui } from "@/components/ui/styles";
import type { UserRole } from "@/lib/auth/roles";
import { ROLE_LABELS } from "@/lib/auth/roles";

type Task = { text: string; href?: string };

const TASKS: Record<UserRole, Task[]> = {
  admin: [
    { text: "管理用户账户、角色与密码重置", href: "/users" },
    { text: "维护单位名单与层级", href: "/orgs" },
    { text: "查看审计日志", href: "/audit" },
  ],
  office: [
    { text: "设置评价周期：指标体系、受评单位、数据来源", href: "/cycles" },
    { text: "维护指标体系：复制、修改、试算、发布", href: "/schemes" },
    { text: "维护单位名单，导入单位", href: "/orgs" },
    { text: "监测数据归集进度，督促逾期的信源单位", href: "/cycles" },
    { text: "评分、送达初评报告、处理复评申请，结果确定后提交审批并归档", href: "/cycles" },
    { text: "查阅各单位诚信档案，审核整改情况", href: "/dossiers" },
    { text: "年度对比：各单位得分变化", href: "/cycles/compare" },
  ],
  source: [
    { text: "按分配的指标为每个受评单位报送数据（记录、数值或“无”）", href: "/collect" },
    { text: "上传佐证材料，在截止日期前提交", href: "/collect" },
  ],
  unit: [
    { text: "上传自查自评报告和年度政务承诺", href: "/unit" },
    { text: "查看信源单位报送的本单位信息", href: "/unit" },
    { text: "查阅本单位诚信档案，报送问题整改情况", href: "/unit/dossier" },
    { text: "查阅评价指标体系", href: "/schemes" },
  ],
  reviewer: [
    { text: "审阅信用办提交的评价结果，批准或退回", href: "/review" },
    { text: "查阅各单位诚信档案和年度汇编", href: "/dossiers" },
    { text: "查阅评价指标体系", href: "/schemes" },
  ],
};

export function RoleTasks({ roles, organisationName }: { roles: readonly UserRole[]; organisationName: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {roles.map((role) => (
        <section key={role} data-testid={`home-${role}`} aria-labelledby={`role-${role}`} className={ui.card}>
          <h2 id={`role-${role}`} className="text-lg font-semibold text-brand-800">
            {ROLE_LABELS[role]}
          </h2>
          <p className="text-sm text-slate-600">{organisationName}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
            {TASKS[role].map((task) => (
              <li key={task.text}>{task.href ? <Link href={task.href} className={ui.link}>{task.text}</Link> : task.text}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

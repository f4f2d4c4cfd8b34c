import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS, type UserRole } from "@/lib/auth/roles";
import { now } from "@/lib/clock";
import { nextYearCalendar, officeHome, reviewerHome, sourceHome, unitHome } from "@/lib/home/data";
import { OfficeTasks } from "./office-tasks";
import { AdminTasks, ReviewerTasks, SourceTasks, UnitTasks } from "./party-tasks";
import { RolePanel, TaskList } from "./task-list";

/** Each role's main page: the panel's first link (the sign-in e2e test clicks it). */
const MAIN: Record<UserRole, { text: string; href: string }> = {
  admin: { text: "用户账户", href: "/users" },
  office: { text: "全部评价周期", href: "/cycles" },
  source: { text: "数据报送", href: "/collect" },
  unit: { text: "本单位评价", href: "/unit" },
  reviewer: { text: "结果审批", href: "/review" },
};

const OFFICE_MORE = [
  { text: "维护指标体系：复制、修改、试算、发布", href: "/schemes" },
  { text: "维护单位名单，导入单位", href: "/orgs" },
  { text: "查阅各单位诚信档案，审核整改情况", href: "/dossiers" },
  { text: "年度对比：各单位得分变化", href: "/cycles/compare" },
];

async function RoleBody({ role, actor, at }: { role: UserRole; actor: Actor; at: Date }) {
  switch (role) {
    case "office":
      return (
        <>
          <OfficeTasks cycles={await officeHome(at)} at={at} />
          <TaskList label="其他工作" tasks={OFFICE_MORE} />
        </>
      );
    case "source":
      return <SourceTasks cycles={await sourceHome(actor)} at={at} />;
    case "unit":
      return <UnitTasks home={await unitHome(actor, at)} at={at} />;
    case "reviewer":
      return <ReviewerTasks cycles={await reviewerHome()} />;
    case "admin":
      return <AdminTasks calendar={await nextYearCalendar(at)} />;
  }
}

export function RoleTasks({ actor }: { actor: Actor }) {
  const at = now();
  return (
    <div className={`grid gap-4 ${actor.roles.length > 1 ? "lg:grid-cols-2" : "max-w-4xl"}`}>
      {actor.roles.map((role) => (
        <RolePanel key={role} role={role} title={ROLE_LABELS[role]} organisationName={actor.organisationName} main={MAIN[role]}>
          <RoleBody role={role} actor={actor} at={at} />
        </RolePanel>
      ))}
    </div>
  );
}

import { timeLeft } from "@/components/collect/format";
import { formatDateCn } from "@/lib/clock";
import { UNIT_DOCUMENT_LABELS } from "@/lib/collection/schema";
import { FEEDBACK_STATE_LABELS } from "@/lib/feedback/state";
import type { ReviewerTask, SourceCycleTasks, UnitHome } from "@/lib/home/data";
import { TaskList, type HomeTask } from "./task-list";

const due = (end: Date, at: Date) => `截止 ${formatDateCn(end)}（${timeLeft(end, at)}）`;

function Empty({ children, testId }: { children: React.ReactNode; testId: string }) {
  return <p className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid={testId}>{children}</p>;
}

export function SourceTasks({ cycles, at }: { cycles: readonly SourceCycleTasks[]; at: Date }) {
  if (cycles.length === 0) {
    return <Empty testId="home-source-empty">目前没有正在归集数据的评价周期。信用办开始数据归集后，分配给本单位报送的指标会列在这里；往年的报送可在“数据报送”中查看。</Empty>;
  }
  return (
    <div className="space-y-3">
      {cycles.map((c) => {
        const tasks: HomeTask[] = c.submitted
          ? [{ text: "本单位的报送已提交", href: `/collect/${c.id}`, tone: "done" }]
          : c.missingCells > 0
            ? [
                { text: `还有 ${c.missingCells} 项未报送（${c.missingSlots.length} 个指标）`, href: `/collect/${c.id}`, tone: "warn", due: due(c.endsAt, at) },
                ...c.missingSlots.slice(0, 5).map((name) => ({ text: `待报送：${name}`, href: `/collect/${c.id}` })),
              ]
            : [{ text: "全部指标已报送，请检查后提交", href: `/collect/${c.id}/submit`, tone: "warn", due: due(c.endsAt, at) }];
        return (
          <div key={c.id} data-testid="home-source-cycle" className="rounded-md border border-slate-200 px-3 py-2">
            <p className="font-medium">{c.name}</p>
            <TaskList label={`${c.name}的报送任务`} tasks={tasks} />
          </div>
        );
      })}
    </div>
  );
}

function unitCycleTasks(c: UnitHome["cycles"][number], at: Date): HomeTask[] {
  const tasks: HomeTask[] = c.uploads.map((u) => ({
    text: u.uploaded ? `已上传${UNIT_DOCUMENT_LABELS[u.kind]}（截止前可上传新版本）` : `上传${UNIT_DOCUMENT_LABELS[u.kind]}`,
    href: `/unit/${c.id}`,
    tone: u.uploaded ? ("done" as const) : ("warn" as const),
    due: due(u.endsAt, at),
  }));
  const report = `/unit/${c.id}/report`;
  const f = c.feedback;
  if (f.kind === "open") tasks.push({ text: "初评报告已送达：请确认结果或申请复评", href: report, tone: "warn", due: `${formatDateCn(f.endsAt)}截止（${timeLeft(f.endsAt, at)}）` });
  else if (f.kind === "requested") tasks.push({ text: "已申请复评，等待信用办决定", href: report });
  else if (f.kind !== "not_issued") tasks.push({ text: `查看评价报告（${FEEDBACK_STATE_LABELS[f.kind]}）`, href: report, tone: "done" });
  else if (c.status !== "collecting") tasks.push({ text: "数据归集已结束，等待评分和送达初评报告", href: `/unit/${c.id}` });
  return tasks;
}

export function UnitTasks({ home, at }: { home: UnitHome; at: Date }) {
  const dossier: HomeTask =
    home.openRectifications > 0
      ? { text: `诚信档案中有 ${home.openRectifications} 项整改事项未办结${home.returnedRectifications > 0 ? `（${home.returnedRectifications} 项被退回）` : ""}，请报送整改情况`, href: "/unit/dossier", tone: "warn" }
      : { text: "查阅本单位诚信档案", href: "/unit/dossier" };
  return (
    <div className="space-y-3">
      {home.cycles.length === 0 ? (
        <Empty testId="home-unit-empty">本单位目前没有进行中的评价周期。信用办开始数据归集后，需要上传的材料和截止日期会列在这里；往年的评价报告在诚信档案中。</Empty>
      ) : (
        home.cycles.map((c) => (
          <div key={c.id} data-testid="home-unit-cycle" className="rounded-md border border-slate-200 px-3 py-2">
            <p className="font-medium">{c.name}</p>
            <TaskList label={`${c.name}的待办事项`} tasks={unitCycleTasks(c, at)} />
          </div>
        ))
      )}
      <TaskList label="诚信档案" tasks={[dossier, { text: "查阅评价指标体系", href: "/schemes" }]} />
    </div>
  );
}

export function ReviewerTasks({ cycles }: { cycles: readonly ReviewerTask[] }) {
  return (
    <div className="space-y-2">
      {cycles.length === 0 ? (
        <Empty testId="home-reviewer-empty">目前没有待审批的评价结果。信用办提交审批后会在这里出现；已归档年度的结果可在“结果审批”中查阅。</Empty>
      ) : (
        <TaskList
          label="待审批"
          tasks={cycles.map((c) => ({
            text: `审批${c.name}（${c.units.toLocaleString("zh-CN")} 个受评单位）`,
            href: `/review/${c.id}`,
            tone: "warn",
            due: c.openedAt ? `${formatDateCn(c.openedAt)}提交` : undefined,
          }))}
        />
      )}
      <TaskList tasks={[{ text: "查阅各单位诚信档案和年度汇编", href: "/dossiers" }, { text: "查阅评价指标体系", href: "/schemes" }]} />
    </div>
  );
}

export function AdminTasks({ calendar }: { calendar: { year: number; status: "missing" | "draft" | "official" } }) {
  const calendarTask: HomeTask =
    calendar.status === "official"
      ? { text: `${calendar.year}年工作日历已录入`, href: `/calendar/${calendar.year}`, tone: "done" }
      : calendar.status === "draft"
        ? { text: `${calendar.year}年工作日历尚是草稿，国务院办公厅通知发布后请核对并设为正式`, href: `/calendar/${calendar.year}`, tone: "warn" }
        : { text: `尚未录入${calendar.year}年工作日历：国务院办公厅发布放假安排后请添加，否则跨年的复评期限无法计算`, href: "/calendar/new", tone: "warn" };
  return (
    <TaskList
      tasks={[
        calendarTask,
        { text: "维护单位名单与层级", href: "/orgs" },
        { text: "查看审计日志", href: "/audit" },
      ]}
    />
  );
}


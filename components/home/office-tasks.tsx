import Link from "next/link";
import { timeLeft } from "@/components/collect/format";
import { ui } from "@/components/ui/styles";
import { formatDateCn } from "@/lib/clock";
import { CYCLE_STATE_LABELS } from "@/lib/cycles/workflow";
import type { OfficeCycleTasks } from "@/lib/home/data";
import { TaskList, type HomeTask } from "./task-list";

const n = (value: number) => value.toLocaleString("zh-CN");
const percent = (part: number, whole: number) => (whole === 0 ? "0.00" : ((part / whole) * 100).toFixed(2));

/** What blocks the cycle's next step, each one click from the page where it is done. */
export function officeCycleTasks(c: OfficeCycleTasks, at: Date): HomeTask[] {
  const base = `/cycles/${c.id}`;
  switch (c.status) {
    case "draft":
      return c.blockers.length === 0
        ? [{ text: "设置已完成，可以开始数据归集", href: base, tone: "done" }]
        : c.blockers.slice(0, 4).map((text) => ({ text, href: base, tone: "warn" as const }));
    case "collecting": {
      const p = c.collection!;
      const unsubmitted = p.sources - p.submitted;
      const tasks: HomeTask[] = [
        {
          text: `数据归集进度 ${percent(p.answered, p.cells)}%（${n(p.answered)}/${n(p.cells)} 项），信源单位已提交 ${p.submitted}/${p.sources}`,
          href: `${base}/monitor`,
          due: `截止 ${formatDateCn(c.collectionEndsAt)}（${timeLeft(c.collectionEndsAt, at)}）`,
        },
      ];
      if (p.late && unsubmitted > 0) tasks.push({ text: `${unsubmitted} 个信源单位逾期未提交，请督促`, href: `${base}/monitor`, tone: "warn" });
      if (unsubmitted === 0 || p.late) tasks.push({ text: "关闭数据归集，进入评分", href: `${base}/collection`, tone: unsubmitted === 0 ? "done" : undefined });
      return tasks;
    }
    case "scoring":
    case "feedback": {
      const s = c.scoring!;
      const f = c.finality!;
      const tasks: HomeTask[] = [];
      if (s.scored < s.units) tasks.push({ text: `${n(s.units - s.scored)} 个受评单位尚未评分`, href: `${base}/scoring`, tone: "warn" });
      if (s.issued < s.scored) tasks.push({ text: `${n(s.scored - s.issued)} 个单位已评分，初评报告待送达`, href: `${base}/issue`, tone: "warn" });
      if (f.requested > 0) tasks.push({ text: `${n(f.requested)} 件复评申请待决定`, href: `${base}/requests`, tone: "warn" });
      if (f.open > 0) {
        tasks.push({
          text: `${n(f.open)} 个单位仍在5个工作日反馈期内`,
          href: `${base}/approval`,
          due: f.lastWindowEndsAt ? `最晚 ${formatDateCn(f.lastWindowEndsAt)} 截止` : undefined,
        });
      }
      if (f.enrolled > 0 && f.notIssued === 0 && f.open === 0 && f.requested === 0) {
        tasks.push({ text: "全部单位结果已确定，可提交审批", href: `${base}/approval`, tone: "done" });
      }
      tasks.push({ text: "查看评分结果与排名", href: `${base}/results` });
      return tasks;
    }
    case "approval": {
      const a = c.approval!;
      if (a.approvedAt) return [{ text: `已于 ${formatDateCn(a.approvedAt)} 批准，待归档并汇编成册`, href: `${base}/archive`, tone: "warn" }];
      if (a.sendBacks > 0) return [{ text: `${n(a.sendBacks)} 个单位被审批退回，请重新评分或说明`, href: `${base}/approval`, tone: "warn" }];
      return [{ text: `已${a.openedAt ? `于 ${formatDateCn(a.openedAt)} ` : ""}提交审批，等待委托部门/领导小组审批`, href: `${base}/approval` }];
    }
    default:
      return [];
  }
}

export function OfficeTasks({ cycles, at }: { cycles: readonly OfficeCycleTasks[]; at: Date }) {
  if (cycles.length === 0) {
    return (
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="home-office-empty">
        目前没有进行中的评价周期。<Link href="/cycles/new" className={ui.link}>新建评价周期</Link>，选择指标体系、纳入受评单位并分配数据来源。
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {cycles.map((c) => (
        <div key={c.id} data-testid="home-office-cycle" className="rounded-md border border-slate-200 px-3 py-2">
          <p className="flex flex-wrap items-baseline gap-2">
            <Link href={`/cycles/${c.id}`} className="font-medium text-brand-800 underline">{c.name}</Link>
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{CYCLE_STATE_LABELS[c.status]}</span>
          </p>
          <TaskList label={`${c.name}的待办事项`} tasks={officeCycleTasks(c, at)} />
        </div>
      ))}
    </div>
  );
}

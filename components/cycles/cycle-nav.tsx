import Link from "next/link";
import type { CycleState } from "@/lib/cycles/workflow";
import { CycleStatusBadge } from "./labels";

type Tab = "overview" | "units" | "schemes" | "assignments" | "collection" | "monitor" | "scoring" | "results" | "issue" | "requests" | "approval" | "archive";

const SCORED: readonly CycleState[] = ["scoring", "feedback", "approval", "archived"];

/**
 * The cycle's title, its state and the tabs of its pages (归集进度 once collection has opened, 评分
 * and 评分结果 from scoring on). `readOnly` is for readers of the results (reviewers): only that tab.
 */
export function CycleNav({ cycle, current, readOnly = false }: { cycle: { id: string; name: string; status: CycleState }; current: Tab; readOnly?: boolean }) {
  const base = `/cycles/${cycle.id}`;
  const tabs: [Tab, string, string][] = [
    ["overview", "概览", base],
    ["units", "受评单位", `${base}/units`],
    ["schemes", "指标体系", `${base}/schemes`],
    ["assignments", "数据来源", `${base}/assignments`],
  ];
  if (cycle.status !== "draft") {
    tabs.push(["collection", "归集进度", `${base}/collection`], ["monitor", "实时监测", `${base}/monitor`]);
  }
  if (SCORED.includes(cycle.status)) {
    tabs.push(["scoring", "评分", `${base}/scoring`], ["results", "评分结果", `${base}/results`], ["issue", "送达", `${base}/issue`]);
  }
  if (cycle.status === "feedback" || cycle.status === "approval" || cycle.status === "archived") {
    tabs.push(["requests", "复评申请", `${base}/requests`], ["approval", "结果审批", `${base}/approval`]);
  }
  if (cycle.status === "approval" || cycle.status === "archived") tabs.push(["archive", "归档与汇编", `${base}/archive`]);
  const shown = readOnly ? tabs.filter(([key]) => key === "results") : tabs;
  return (
    <div className="space-y-3">
      <nav className="text-sm" aria-label="位置">
        {readOnly ? <Link href="/" className="text-brand-700 underline hover:text-brand-800">首页</Link> : <Link href="/cycles" className="text-brand-700 underline hover:text-brand-800">评价周期</Link>} › {cycle.name}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{cycle.name}</h1>
        <CycleStatusBadge status={cycle.status} />
      </div>
      <nav aria-label="周期页面" className="flex flex-wrap gap-1 border-b border-slate-200 text-sm">
        {shown.map(([key, label, href]) => (
          <Link
            key={key}
            href={href}
            aria-current={key === current ? "page" : undefined}
            className={`-mb-px rounded-t-md border px-3 py-1.5 ${key === current ? "border-slate-200 border-b-white bg-white font-semibold" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {label}
          </Link>
        ))}
      </nav>
    </div>
  );
}

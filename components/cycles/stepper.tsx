import { CYCLE_STATE_LABELS, CYCLE_STATES, type CycleState } from "@/lib/cycles/workflow";

const HINTS: Record<CycleState, string> = {
  draft: "确定指标体系、受评单位和数据来源",
  collecting: "信源单位报送，受评单位上传材料",
  scoring: "运行评分，编写并签发初评报告",
  feedback: "受评单位确认或申请复评",
  approval: "委托部门审批最终结果",
  archived: "归档入政务诚信档案，形成汇编",
};

/** The six states of the year, the current one marked. */
export function CycleStepper({ status }: { status: CycleState }) {
  const current = CYCLE_STATES.indexOf(status);
  return (
    <ol aria-label="评价周期进度" data-testid="cycle-stepper" className="grid gap-2 sm:grid-cols-6">
      {CYCLE_STATES.map((state, i) => {
        const tone = i < current ? "border-green-600 bg-green-50" : i === current ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : "border-slate-200 bg-white";
        return (
          <li key={state} aria-current={i === current ? "step" : undefined} className={`rounded-md border-t-4 p-3 text-sm shadow-sm ${tone}`}>
            <span className="block text-xs text-slate-600">第{i + 1}步{i < current ? " · 已完成" : i === current ? " · 当前" : ""}</span>
            <span className="block font-semibold">{CYCLE_STATE_LABELS[state]}</span>
            <span className="block text-xs text-slate-600">{HINTS[state]}</span>
          </li>
        );
      })}
    </ol>
  );
}

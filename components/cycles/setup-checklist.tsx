import Link from "next/link";
import { ui } from "@/components/ui/styles";
import type { Blocker, FixPage } from "@/lib/cycles/workflow";

type Step = { key: Exclude<FixPage, "overview">; label: string; done: boolean; detail: string };

const FIX_LABELS: Record<FixPage, string> = { overview: "修改截止日期", units: "去纳入受评单位", schemes: "去选择指标体系", assignments: "去分配数据来源" };

function fixHref(cycleId: string, fix: FixPage): string {
  return fix === "overview" ? `/cycles/${cycleId}?edit=1#settings` : `/cycles/${cycleId}/${fix}`;
}

/** What opening collection needs, step by step, and every problem still blocking it with where to fix it. */
export function SetupChecklist({ cycleId, steps, blockers }: { cycleId: string; steps: Step[]; blockers: Blocker[] }) {
  return (
    <section aria-labelledby="checklist-title" className={`${ui.card} space-y-3`} data-testid="setup-checklist">
      <h2 id="checklist-title" className="text-lg font-semibold">开始数据归集前的准备</h2>
      <ol className="space-y-2 text-sm">
        {steps.map((step, i) => {
          const blocked = blockers.some((b) => b.fix === step.key);
          const ok = step.done && !blocked;
          return (
            <li key={step.key} className="flex flex-wrap items-baseline gap-2">
              <span aria-hidden className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-xs text-white ${ok ? "bg-green-700" : "bg-slate-400"}`}>{ok ? "✓" : i + 1}</span>
              <span className="font-medium">{step.label}</span>
              <span className="text-slate-600">{step.detail}</span>
              <span className="sr-only">{ok ? "（已完成）" : "（未完成）"}</span>
              <Link href={fixHref(cycleId, step.key)} className={ui.link}>{ok ? "查看" : FIX_LABELS[step.key]}</Link>
            </li>
          );
        })}
      </ol>
      {blockers.length > 0 ? (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="open-blockers">
          <p className="font-semibold">还有{blockers.length}个问题，解决后才能开始数据归集：</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {blockers.map((b) => (
              <li key={b.message}>
                {b.message} <Link href={fixHref(cycleId, b.fix)} className={ui.link}>{FIX_LABELS[b.fix]}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="rounded-md bg-green-50 p-3 text-sm text-green-900">准备工作已完成，可以开始数据归集。</p>
      )}
    </section>
  );
}

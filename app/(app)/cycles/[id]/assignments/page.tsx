import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleActionForm } from "@/components/cycles/action-form";
import { AssignmentBoard, type BoardScheme } from "@/components/cycles/assignment-board";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { cycleAssignments, cycleHead, cycleSchemes, sourceOptions } from "@/lib/cycles/data";
import { defaultAssignments, type UnmatchedSource } from "@/lib/cycles/defaults";
import { setupLockedReason } from "@/lib/cycles/workflow";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { applyDefaultAssignmentsAction, setAssignmentAction } from "../../actions";

export const metadata: Metadata = { title: "数据来源 · 评价周期" };

type Props = { params: Promise<{ id: string }> };

export default async function CycleAssignmentsPage({ params }: Props) {
  await requirePermission("manage:cycles:any", "cycles");
  const cycle = await cycleHead((await params).id);
  if (!cycle) notFound();
  const [schemes, assignments, sources] = await Promise.all([cycleSchemes(cycle.id), cycleAssignments(cycle.id), sourceOptions()]);
  const locked = setupLockedReason(cycle.status, "assignments");
  const boards: BoardScheme[] = [];
  const unmatched = new Map<string, Set<string>>();
  for (const scheme of schemes) {
    const board = boards.find((b) => b.schemeVersionId === scheme.schemeVersionId);
    if (board) {
      board.kinds.push(UNIT_KIND_LABELS[scheme.unitKind]);
      continue;
    }
    for (const u of defaultAssignments(scheme.fullSlots, sources).unmatched) unmatched.set(u.name, new Set([...(unmatched.get(u.name) ?? []), ...u.slots]));
    boards.push({
      schemeVersionId: scheme.schemeVersionId,
      label: scheme.label,
      name: scheme.name,
      kinds: [UNIT_KIND_LABELS[scheme.unitKind]],
      slots: scheme.fullSlots.map((slot) => ({
        indicatorCode: slot.indicatorCode, subKey: slot.subKey, name: slot.name, categoryName: slot.categoryName, mode: slot.mode, defaults: slot.sources,
        assigned: assignments
          .filter((a) => a.schemeVersionId === scheme.schemeVersionId && a.indicatorCode === slot.indicatorCode && a.subKey === slot.subKey)
          .map((a) => ({ sourceOrgId: a.sourceOrgId, name: a.sourceName, lead: a.lead, usable: a.sourceUsable })),
      })),
    });
  }
  const missing: UnmatchedSource[] = [...unmatched].map(([name, slots]) => ({ name, slots: [...slots] }));
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="assignments" />
      <p className="text-sm text-slate-600">
        每项指标（或组合指标的每个子项）至少分配一个信源单位。按逐条记录计分的指标可以由多个信源单位共同报送，记录合并计算；按单一数值评分的指标须指定一个牵头报送单位，以其报送的数值为准。
      </p>
      {locked ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{locked}。</p> : null}
      {schemes.length === 0 ? (
        <p className={ui.card}>
          尚未选择指标体系。<Link href={`/cycles/${cycle.id}/schemes`} className={ui.link}>去选择指标体系</Link>
        </p>
      ) : null}
      {!locked && schemes.length > 0 ? (
        <CycleActionForm action={applyDefaultAssignmentsAction} hidden={{ cycleId: cycle.id, expectedVersion: cycle.version }} label="应用方案默认数据来源" tone="primary" className="flex flex-wrap items-start gap-3" testId="apply-defaults">
          <p className="max-w-xl text-sm text-slate-600">按指标体系中的“数据来源”名称匹配信源单位的简称（或全称）并分配；已有的分配保留，按单一数值评分的指标以第一个匹配的单位为牵头单位。</p>
        </CycleActionForm>
      ) : null}
      {missing.length > 0 ? (
        <section className="rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="unmatched-sources">
          <p className="font-semibold">以下方案默认来源名称没有匹配到在用的信源单位：</p>
          <ul className="mt-1 list-disc pl-5">
            {missing.map((u) => <li key={u.name}>“{u.name}”（{u.slots.join("、")}）</li>)}
          </ul>
          <p className="mt-1">请在<Link href="/orgs?role=source" className={ui.link}>单位管理</Link>中核对该单位的简称，或在下表中手工分配。</p>
        </section>
      ) : null}
      {boards.map((scheme) => (
        <AssignmentBoard key={scheme.schemeVersionId} action={setAssignmentAction} cycleId={cycle.id} version={cycle.version} locked={locked !== null} scheme={scheme} sources={sources} />
      ))}
    </div>
  );
}

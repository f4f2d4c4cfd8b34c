import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { slotHref } from "@/components/collect/links";
import { WindowBanner } from "@/components/collect/window-banner";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { sourceWorkspace } from "@/lib/collection/data";
import { ruleToText } from "@/lib/scoring";

export const metadata: Metadata = { title: "数据报送" };

type Props = { params: Promise<{ cycleId: string }> };

export default async function WorkspacePage({ params }: Props) {
  const actor = await requirePermission("submit:facts:assigned", "collect");
  const { cycleId } = await params;
  const workspace = await sourceWorkspace(actor, cycleId);
  if (!workspace) notFound();
  const missing = workspace.slots.filter((s) => s.answers).reduce((n, s) => n + s.counts.missing, 0);
  return (
    <div className="space-y-4">
      <PageHeader
        title={workspace.cycle.name}
        description={`${actor.organisationName}负责报送的指标 × 受评单位`}
        actions={
          <>
            <Link href={`/collect/import?cycle=${cycleId}`} className={ui.btnSecondary}>用表格批量报送</Link>
            <Link href={`/collect/${cycleId}/submit`} className={ui.btnPrimary}>提交报送{missing > 0 ? `（${missing}项未填）` : ""}</Link>
          </>
        }
      />
      <WindowBanner workspace={workspace} at={now()} />
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table}>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>指标</th>
              <th scope="col" className={ui.th}>填报方式</th>
              <th scope="col" className={ui.th}>未填</th>
              <th scope="col" className={ui.th}>已填记录</th>
              <th scope="col" className={ui.th}>已填值</th>
              <th scope="col" className={ui.th}>无</th>
              <th scope="col" className={ui.th}>不涉及</th>
              <th scope="col" className={ui.th}>单位数</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {workspace.slots.map((slot) => (
              <tr key={`${slot.schemeVersionId}:${slot.indicatorCode}:${slot.subKey}`}>
                <td className={ui.td}>
                  {slot.answers ? <Link href={slotHref(cycleId, slot)} className={ui.link}>{slot.name}</Link> : <span>{slot.name}</span>}
                  <div className="text-xs text-slate-500">{slot.indicatorCode}{slot.subKey ? `/${slot.subKey}` : ""} · {ruleToText(slot.rule, slot.max)}</div>
                  {slot.answers ? null : <div className="text-xs text-slate-500">单值指标，由牵头单位填报</div>}
                </td>
                <td className={ui.td}>{slot.mode === "records" ? "逐条记录" : "单值"}</td>
                <td className={`${ui.td} tabular-nums ${slot.counts.missing > 0 && slot.answers ? "font-semibold text-amber-800" : ""}`}>{slot.answers ? slot.counts.missing : "—"}</td>
                <td className={`${ui.td} tabular-nums`}>{slot.counts.records}</td>
                <td className={`${ui.td} tabular-nums`}>{slot.counts.value}</td>
                <td className={`${ui.td} tabular-nums`}>{slot.counts.none}</td>
                <td className={`${ui.td} tabular-nums`}>{slot.counts.not_applicable}</td>
                <td className={`${ui.td} tabular-nums`}>{slot.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

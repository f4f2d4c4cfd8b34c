import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cellHref } from "@/components/collect/links";
import { SubmitForm } from "@/components/collect/submit-form";
import { WindowBanner } from "@/components/collect/window-banner";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { sourceWorkspace, unansweredCells } from "@/lib/collection/data";
import { db } from "@/lib/db/client";
import { submitSubmissionAction } from "../../actions";

export const metadata: Metadata = { title: "提交报送" };

type Props = { params: Promise<{ cycleId: string }> };

export default async function SubmitPage({ params }: Props) {
  const actor = await requirePermission("submit:facts:assigned", "collect");
  const { cycleId } = await params;
  const workspace = await sourceWorkspace(actor, cycleId);
  if (!workspace) notFound();
  const { cells, missing } = await unansweredCells(db(), cycleId, actor.organisationId);
  const slots = workspace.slots.filter((s) => s.answers);
  const answered = cells - missing.length;
  return (
    <div className="space-y-4">
      <PageHeader title="提交报送" description={workspace.cycle.name} actions={<Link href={`/collect/${cycleId}`} className={ui.btnSecondary}>返回指标列表</Link>} />
      <WindowBanner workspace={workspace} at={now()} />
      <section aria-label="报送汇总" className={`${ui.card} space-y-3`}>
        <h2 className="text-lg font-semibold">汇总</h2>
        <p className="text-sm">
          共 <strong>{cells}</strong> 项（{slots.length} 个指标 × 受评单位），已填报 <strong>{answered}</strong> 项，未填报 <strong data-testid="missing-count">{missing.length}</strong> 项。
        </p>
        <table className={ui.table}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={ui.th}>指标</th>
              <th scope="col" className={ui.th}>记录/值</th>
              <th scope="col" className={ui.th}>无</th>
              <th scope="col" className={ui.th}>不涉及</th>
              <th scope="col" className={ui.th}>未填</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {slots.map((s) => (
              <tr key={`${s.schemeVersionId}:${s.indicatorCode}:${s.subKey}`}>
                <td className={ui.td}>{s.name}</td>
                <td className={`${ui.td} tabular-nums`}>{s.counts.records + s.counts.value}</td>
                <td className={`${ui.td} tabular-nums`}>{s.counts.none}</td>
                <td className={`${ui.td} tabular-nums`}>{s.counts.not_applicable}</td>
                <td className={`${ui.td} tabular-nums`}>{s.counts.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {missing.length > 0 ? (
        <section aria-label="未填报的项目" className={`${ui.card} space-y-2`}>
          <h2 className="text-lg font-semibold">未填报的项目</h2>
          <ul className="list-disc space-y-0.5 pl-6 text-sm">
            {missing.map((m) => {
              const slot = slots.find((s) => s.indicatorCode === m.indicatorCode && s.subKey === m.subKey);
              return (
                <li key={`${m.unitId}:${m.indicatorCode}:${m.subKey}`}>
                  {slot ? <Link href={cellHref(cycleId, slot, m.unitId)} className={ui.link}>{m.unitName} · {m.slotName}</Link> : `${m.unitName} · ${m.slotName}`}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {workspace.refusal === null ? <SubmitForm cycleId={cycleId} missing={missing.length} action={submitSubmissionAction} /> : null}
    </div>
  );
}

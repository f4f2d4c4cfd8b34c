import type { Metadata } from "next";
import Link from "next/link";
import { SUBMISSION_LABELS } from "@/components/collect/format";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { listSourceCycles } from "@/lib/collection/data";
import { CYCLE_STATE_LABELS, type CycleState } from "@/lib/cycles/workflow";

export const metadata: Metadata = { title: "数据报送" };

export default async function CollectPage() {
  const actor = await requirePermission("submit:facts:assigned", "collect");
  const cycles = await listSourceCycles(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="数据报送" description={`${actor.organisationName}：按分配的指标，为每个受评单位报送记录、数值或“无”。`} />
      {cycles.length === 0 ? (
        <p className={ui.card}>目前没有分配给本单位的评价周期。评价周期开始数据归集后，会显示在这里。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className={ui.table}>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className={ui.th}>评价周期</th>
                <th scope="col" className={ui.th}>阶段</th>
                <th scope="col" className={ui.th}>数据归集截止</th>
                <th scope="col" className={ui.th}>本单位报送</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {cycles.map((c) => (
                <tr key={c.id}>
                  <td className={ui.td}>
                    <Link href={`/collect/${c.id}`} className={ui.link}>{c.name}</Link>
                  </td>
                  <td className={ui.td}>{CYCLE_STATE_LABELS[c.status as CycleState] ?? c.status}</td>
                  <td className={ui.td}>{c.collectionDeadline}</td>
                  <td className={ui.td}>{SUBMISSION_LABELS[c.submissionStatus ?? "draft"]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

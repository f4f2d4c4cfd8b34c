import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { listUnitCycles } from "@/lib/collection/data";
import { CYCLE_STATE_LABELS, type CycleState } from "@/lib/cycles/workflow";

export const metadata: Metadata = { title: "本单位评价" };

export default async function UnitCyclesPage() {
  const actor = await requirePermission("read:collection:own", "unit");
  const cycles = await listUnitCycles(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="本单位评价" description={`${actor.organisationName}：上传自查自评报告和政务承诺，查看各信源单位报送的本单位信息。`} />
      {cycles.length === 0 ? (
        <p className={ui.card}>本单位目前没有参加的评价周期。信用办将本单位纳入评价周期并开始数据归集后，需要上传的材料和截止日期会显示在这里；往年的评价结果见<Link href="/unit/dossier" className={ui.link}>本单位诚信档案</Link>。</p>
      ) : (
        <ul className="space-y-2">
          {cycles.map((c) => (
            <li key={c.id} className={`${ui.card} flex flex-wrap items-center justify-between gap-2`}>
              <Link href={`/unit/${c.id}`} className={`${ui.link} text-lg`}>{c.name}</Link>
              <span className="text-sm text-slate-600">
                {CYCLE_STATE_LABELS[c.status as CycleState] ?? c.status} · 政务承诺截止 {c.commitmentsDeadline} · 数据归集截止 {c.collectionDeadline}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { CycleStatusBadge } from "@/components/cycles/labels";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { reviewerCycles } from "@/lib/archive/data";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "结果审批" };

/** The reviewer's cycles: those submitted for approval, and the archived ones. */
export default async function ReviewListPage() {
  await requirePermission("approve:cycles:any", "review");
  const cycles = await reviewerCycles(db());
  return (
    <div className="space-y-4">
      <PageHeader title="结果审批" description="信用办提交审批的评价周期：审阅评价结果和各单位评价报告，批准，或退回部分单位并写明理由。" />
      {cycles.length === 0 ? <p className={`${ui.card} text-sm text-slate-600`}>目前没有提交审批的评价周期。信用办提交后，您会收到通知；各单位往年的结果可在<Link href="/dossiers" className={ui.link}>诚信档案</Link>中查阅。</p> : (
        <ul className="space-y-3" data-testid="review-cycles">
          {cycles.map((c) => (
            <li key={c.id} className={`${ui.card} flex flex-wrap items-center justify-between gap-3`}>
              <div>
                <p className="flex items-center gap-2 font-semibold"><Link href={`/review/${c.id}`} className={ui.link}>{c.name}</Link><CycleStatusBadge status={c.status} /></p>
                <p className="text-sm text-slate-600">
                  受评单位{c._count.units.toLocaleString("zh-CN")}个；{c.approvalOpenedAt ? `${formatDateTimeCn(c.approvalOpenedAt)}提交审批` : ""}
                  {c.approvedAt ? `；${formatDateTimeCn(c.approvedAt)}批准` : "；待审批"}{c.archivedAt ? `；${formatDateTimeCn(c.archivedAt)}归档` : ""}
                </p>
              </div>
              <Link href={`/review/${c.id}`} className={c.status === "approval" && !c.approvedAt ? ui.btnPrimary : ui.btnSecondary}>{c.status === "approval" && !c.approvedAt ? "审阅并审批" : "查看"}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

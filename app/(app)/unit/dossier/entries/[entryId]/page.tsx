import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedReportView } from "@/components/dossiers/archived-report";
import { requirePermission } from "@/lib/auth/session";
import { archivedReport } from "@/lib/dossiers/data";

export const metadata: Metadata = { title: "归档评价报告" };

type Props = { params: Promise<{ entryId: string }> };

/** One archived report of the unit's own dossier; another unit's entry is not found (404). */
export default async function OwnArchivedReportPage({ params }: Props) {
  const actor = await requirePermission("read:dossier:own", "unit.dossier");
  const entry = await archivedReport(actor.organisationId, (await params).entryId);
  if (!entry) notFound();
  return (
    <div className="space-y-4">
      <nav className="no-print text-sm" aria-label="位置">
        <Link href="/unit/dossier" className="text-brand-700 underline">本单位诚信档案</Link> › {entry.year}年度评价报告
      </nav>
      <ArchivedReportView entry={entry} base={`/unit/dossier/entries/${entry.id}`} back={{ href: "/unit/dossier", label: "返回档案" }} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchivedReportView } from "@/components/dossiers/archived-report";
import { requirePermission } from "@/lib/auth/session";
import { archivedReport } from "@/lib/dossiers/data";

export const metadata: Metadata = { title: "归档评价报告" };

type Props = { params: Promise<{ orgId: string; entryId: string }> };

export default async function ArchivedReportPage({ params }: Props) {
  await requirePermission("read:dossiers:any", "dossiers");
  const { orgId, entryId } = await params;
  const entry = await archivedReport(orgId, entryId);
  if (!entry) notFound();
  const base = `/dossiers/${orgId}`;
  return (
    <div className="space-y-4">
      <nav className="no-print text-sm" aria-label="位置">
        <Link href="/dossiers" className="text-brand-700 underline">诚信档案</Link> ›{" "}
        <Link href={base} className="text-brand-700 underline">{entry.report.unit.name}</Link> › {entry.year}年度评价报告
      </nav>
      <ArchivedReportView entry={entry} base={`${base}/entries/${entry.id}`} back={{ href: base, label: "返回档案" }} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AmendmentForm } from "@/components/dossiers/amendment-form";
import { DossierView } from "@/components/dossiers/dossier-view";
import { ReviewForm } from "@/components/dossiers/review-form";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { amendableIndicators, dossierOf } from "@/lib/dossiers/data";
import { reviewRefusal } from "@/lib/dossiers/policy";
import { dossierRecords } from "@/lib/dossiers/records";
import { dossierRecordsSchema, RECORD_PAGE_SIZE } from "@/lib/dossiers/schema";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { addAmendmentAction, reviewRectificationAction } from "../actions";

export const metadata: Metadata = { title: "诚信档案" };

type Props = { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One unit's dossier for staff and reviewers; the office also amends entries and reviews rectification. */
export default async function DossierPage({ params, searchParams }: Props) {
  const actor = await requirePermission("read:dossiers:any", "dossiers");
  const { orgId } = await params;
  const recordsQuery = dossierRecordsSchema.parse(await searchParams);
  const mayAmend = hasPermission(actor.roles, "amend:dossiers:any");
  const mayReview = hasPermission(actor.roles, "review:rectification:any");
  const [dossier, records, indicators] = await Promise.all([
    dossierOf(orgId),
    dossierRecords(orgId, recordsQuery, RECORD_PAGE_SIZE),
    mayAmend ? amendableIndicators(orgId) : null,
  ]);
  if (!dossier) notFound();
  const { organisation } = dossier;
  const base = `/dossiers/${organisation.id}`;
  return (
    <div className="space-y-6">
      <nav className="text-sm" aria-label="位置">
        <Link href="/dossiers" className="text-brand-700 underline">诚信档案</Link> › {organisation.name}
      </nav>
      <PageHeader
        title={`${organisation.name}诚信档案`}
        description={`${UNIT_KIND_LABELS[organisation.kind]} · 统一社会信用代码 ${organisation.uscc}${organisation.active ? "" : " · 已停用"}`}
      />
      <DossierView
        dossier={dossier}
        records={records}
        recordsQuery={recordsQuery}
        basePath={base}
        entryHref={(entryId) => `${base}/entries/${entryId}`}
        amendSlot={indicators ? (entry) => (
          <details className="mt-3 rounded-md bg-slate-50 p-3">
            <summary className="cursor-pointer text-sm font-semibold">更正该年度档案</summary>
            <div className="mt-3"><AmendmentForm action={addAmendmentAction} entry={{ id: entry.id, year: entry.year, total: entry.total, grade: entry.grade }} indicators={indicators.get(entry.id) ?? []} /></div>
          </details>
        ) : undefined}
        rectificationSlot={mayReview ? (item) => (reviewRefusal(item) ? null : <ReviewForm action={reviewRectificationAction} item={item} />) : undefined}
      />
    </div>
  );
}

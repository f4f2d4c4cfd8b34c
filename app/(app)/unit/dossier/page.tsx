import type { Metadata } from "next";
import { DossierView } from "@/components/dossiers/dossier-view";
import { RectifyForm } from "@/components/dossiers/rectify-form";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { dossierOf } from "@/lib/dossiers/data";
import { rectifyRefusal } from "@/lib/dossiers/policy";
import { dossierRecords } from "@/lib/dossiers/records";
import { dossierRecordsSchema, RECORD_PAGE_SIZE } from "@/lib/dossiers/schema";
import { notFound } from "next/navigation";
import { updateRectificationAction } from "./actions";

export const metadata: Metadata = { title: "本单位诚信档案" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The unit's own dossier: every query below is scoped to the caller's organisation. */
export default async function OwnDossierPage({ searchParams }: Props) {
  const actor = await requirePermission("read:dossier:own", "unit.dossier");
  const recordsQuery = dossierRecordsSchema.parse(await searchParams);
  const [dossier, records] = await Promise.all([dossierOf(actor.organisationId), dossierRecords(actor.organisationId, recordsQuery, RECORD_PAGE_SIZE)]);
  if (!dossier) notFound();
  const mayRectify = hasPermission(actor.roles, "rectify:dossier:own");
  return (
    <div className="space-y-6">
      <PageHeader title="本单位诚信档案" description={`${dossier.organisation.name}：历年最终评价结果和报告、整改情况、守信激励与失信记录、不良记录。对评价报告所列问题逐项报送整改情况，由信用办审核。`} />
      <DossierView
        dossier={dossier}
        records={records}
        recordsQuery={recordsQuery}
        basePath="/unit/dossier"
        entryHref={(entryId) => `/unit/dossier/entries/${entryId}`}
        rectificationSlot={mayRectify ? (item) => (rectifyRefusal(item) ? null : <RectifyForm action={updateRectificationAction} item={item} open={item.review === null || item.review === "returned"} />) : undefined}
      />
    </div>
  );
}

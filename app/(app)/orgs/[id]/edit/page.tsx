import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrgForm } from "@/components/orgs/org-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { organisationDetail } from "@/lib/orgs/data";
import { saveOrganisationAction } from "../../actions";

export const metadata: Metadata = { title: "修改单位" };

export default async function EditOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("manage:orgs:any");
  const org = await organisationDetail((await params).id);
  if (!org) notFound();
  return (
    <div className="space-y-4">
      <PageHeader title={`修改：${org.name}`} description="如果他人在您编辑期间修改了该单位，保存会被拒绝，您的修改不会覆盖他人的修改。" />
      <OrgForm action={saveOrganisationAction} values={{ ...org, parent: org.parent }} />
    </div>
  );
}

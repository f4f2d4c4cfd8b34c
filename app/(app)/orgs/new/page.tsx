import type { Metadata } from "next";
import { OrgForm } from "@/components/orgs/org-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { saveOrganisationAction } from "../actions";

export const metadata: Metadata = { title: "新建单位" };

export default async function NewOrganisationPage() {
  await requirePermission("manage:orgs:any");
  return (
    <div className="space-y-4">
      <PageHeader title="新建单位" description="统一社会信用代码按 GB 32100-2015 校验（含第18位校验码和组织机构代码校验位）。" />
      <OrgForm
        action={saveOrganisationAction}
        values={{ name: "", shortName: null, kind: "municipal_department", uscc: "", parent: null, legalRep: null, phone: null, email: null, note: null, roles: ["evaluated"] }}
      />
    </div>
  );
}

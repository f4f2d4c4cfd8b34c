import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requirePermission } from "@/lib/auth/session";
import { organisationOption } from "@/lib/orgs/data";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "开设账户" };

type Props = { searchParams: Promise<{ org?: string | string[] }> };

export default async function NewUserPage({ searchParams }: Props) {
  await requirePermission("manage:users:any", "page:/users/new");
  const { org } = await searchParams;
  const organisation = typeof org === "string" && org.length <= 40 ? await organisationOption(org) : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title="开设账户"
        description="账户属于一个单位，可有多个角色；角色须与单位的角色相符（如“受评单位”角色只能授予受评单位的账户）。"
      />
      <CreateUserForm action={createUserAction} organisation={organisation?.active ? organisation : null} />
    </div>
  );
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { createOrganisation, setOrganisationActive, updateOrganisation } from "@/lib/orgs/mutations";
import { orgActiveSchema, orgEditSchema, orgFormData, orgFormSchema } from "@/lib/orgs/schema";

export type OrgFormState = ActionResult<{ id: string }> | null;

const create = protectedAction({ permission: "manage:orgs:any", schema: orgFormSchema }, async (actor, input) =>
  createOrganisation(actor, input, await requestIp()),
);

const update = protectedAction({ permission: "manage:orgs:any", schema: orgEditSchema }, async (actor, input) => {
  await updateOrganisation(actor, input, await requestIp());
  return { id: input.id };
});

const setActive = protectedAction({ permission: "manage:orgs:any", schema: orgActiveSchema }, async (actor, input) => {
  await setOrganisationActive(actor, input, await requestIp());
  return { id: input.id };
});

export async function saveOrganisationAction(_prev: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const data = orgFormData(formData);
  const result = data.id ? await update(data) : await create(data);
  if (!result.ok) return result;
  revalidatePath("/orgs");
  redirect(`/orgs/${result.data.id}?saved=1`);
}

export async function setOrganisationActiveAction(_prev: OrgFormState, formData: FormData): Promise<OrgFormState> {
  const result = await setActive({ ...Object.fromEntries(formData), active: formData.get("active") === "true" });
  if (result.ok) revalidatePath(`/orgs/${result.data.id}`);
  return result;
}

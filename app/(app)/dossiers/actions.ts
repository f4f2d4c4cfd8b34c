"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { addAmendment, reviewRectification } from "@/lib/dossiers/mutations";
import { addAmendmentSchema, reviewRectificationSchema } from "@/lib/dossiers/schema";

// Thin edges over lib/dossiers/mutations.ts: the office reviews rectification and amends archived entries.

type Result = ActionResult<{ message: string }>;

const review = protectedAction({ permission: "review:rectification:any", schema: reviewRectificationSchema }, async (actor, input) => reviewRectification(db(), actor, input, await requestIp()));
const amend = protectedAction({ permission: "amend:dossiers:any", schema: addAmendmentSchema }, async (actor, input) => addAmendment(db(), actor, input, await requestIp()));

export async function reviewRectificationAction(_prev: Result | null, formData: FormData): Promise<Result> {
  const result = await review(Object.fromEntries(formData));
  if (!result.ok) return result;
  revalidatePath("/dossiers", "layout");
  return { ok: true, data: { message: result.data.closed ? "已认可，该问题整改办结" : "审核意见已保存，已通知受评单位" } };
}

export async function addAmendmentAction(_prev: Result | null, formData: FormData): Promise<Result> {
  const result = await amend(Object.fromEntries(formData));
  if (!result.ok) return result;
  revalidatePath("/dossiers", "layout");
  return { ok: true, data: { message: "更正已记录，已通知受评单位" } };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { confirmResult, feedbackTargetSchema, fileRequest, fileRequestSchema, withdrawRequest } from "@/lib/feedback/mutations";

// Thin edges: the unit acts only for its own organisation (the mutations use actor.organisationId).

const permission = "respond:feedback:own" as const;
export type FeedbackResult = ActionResult<{ message: string }>;

const confirm = protectedAction({ permission, schema: feedbackTargetSchema }, async (actor, input) => confirmResult(db(), actor, input, await requestIp()));
const withdraw = protectedAction({ permission, schema: feedbackTargetSchema }, async (actor, input) => withdrawRequest(db(), actor, input, await requestIp()));
const file = protectedAction({ permission, schema: fileRequestSchema }, async (actor, input) => fileRequest(db(), actor, input, await requestIp()));

export async function confirmResultAction(_prev: FeedbackResult | null, formData: FormData): Promise<FeedbackResult> {
  const cycleId = String(formData.get("cycleId") ?? "");
  const result = await confirm({ cycleId });
  if (!result.ok) return result;
  revalidatePath(`/unit/${cycleId}`, "layout");
  return { ok: true, data: { message: "已确认初评结果，初评结果即为最终评价结果。" } };
}

export async function withdrawRequestAction(_prev: FeedbackResult | null, formData: FormData): Promise<FeedbackResult> {
  const cycleId = String(formData.get("cycleId") ?? "");
  const result = await withdraw({ cycleId });
  if (!result.ok) return result;
  revalidatePath(`/unit/${cycleId}`, "layout");
  return { ok: true, data: { message: "复评申请已撤回，视为确认初评结果。" } };
}

export async function fileRequestAction(input: unknown): Promise<ActionResult<{ requestId: string }>> {
  const result = await file(input);
  if (!result.ok) return result;
  const cycleId = (input as { cycleId: string }).cycleId;
  revalidatePath(`/unit/${cycleId}`, "layout");
  redirect(`/unit/${cycleId}/report?requested=1`);
}

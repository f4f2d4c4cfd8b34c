"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { completeReview, completeReviewSchema, decideItem, decideItemSchema } from "@/lib/feedback/decide";

// Thin edges over lib/feedback/decide.ts (four eyes, one transaction, audit).

const permission = "decide:requests:any" as const;
export type DecisionResult = ActionResult<{ message: string }>;

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.keys()].map((key) => [key, formData.get(key)]));
}

const decide = protectedAction({ permission, schema: decideItemSchema }, async (actor, input) => decideItem(db(), actor, input, await requestIp()));
const complete = protectedAction({ permission, schema: completeReviewSchema }, async (actor, input) => completeReview(db(), actor, input, await requestIp()));

export async function decideItemAction(_prev: DecisionResult | null, formData: FormData): Promise<DecisionResult> {
  const result = await decide(fields(formData));
  if (!result.ok) return result;
  revalidatePath(`/cycles/${String(formData.get("cycleId"))}/requests`, "layout");
  return { ok: true, data: { message: result.data.open > 0 ? `已记录决定；还有${result.data.open}项待决定` : "已记录决定；全部指标已决定，可以完成复评" } };
}

export async function completeReviewAction(_prev: DecisionResult | null, formData: FormData): Promise<DecisionResult> {
  const result = await complete(fields(formData));
  if (!result.ok) return result;
  const cycleId = String(formData.get("cycleId"));
  revalidatePath(`/cycles/${cycleId}`, "layout");
  // The form is gone once the request is decided: the page says what happened.
  const done = new URLSearchParams({ from: result.data.initialTotal, to: result.data.total, grade: result.data.grade ?? "" });
  redirect(`/cycles/${cycleId}/requests/${String(formData.get("requestId"))}?${done.toString()}`);
}

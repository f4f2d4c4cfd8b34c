"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { openApproval, openApprovalSchema, resolveSendBack, resolveSendBackSchema } from "@/lib/archive/approval";

// Thin edges over lib/archive/approval.ts (the office's side of approval).

export type ApprovalActionResult = ActionResult<{ message: string }>;

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.keys()].map((key) => [key, formData.get(key)]));
}

const open = protectedAction({ permission: "open:approval:any", schema: openApprovalSchema }, async (actor, input) => {
  await openApproval(db(), actor, input, await requestIp());
  return { message: "已提交审批，审批部门已收到通知" };
});

const resolve = protectedAction({ permission: "resolve:sendbacks:any", schema: resolveSendBackSchema }, async (actor, input) => {
  const { total } = await resolveSendBack(db(), actor, input, await requestIp());
  return { message: input.resolution === "rescored" ? `已重新评分，最终得分${total ?? ""}分` : "已记录处理说明，维持原评价结果" };
});

export async function openApprovalAction(_prev: ApprovalActionResult | null, formData: FormData): Promise<ApprovalActionResult> {
  const result = await open(fields(formData));
  if (result.ok) revalidatePath(`/cycles/${String(formData.get("cycleId"))}`, "layout");
  return result;
}

export async function resolveSendBackAction(_prev: ApprovalActionResult | null, formData: FormData): Promise<ApprovalActionResult> {
  const result = await resolve(fields(formData));
  if (result.ok) revalidatePath(`/cycles/${String(formData.get("cycleId"))}`, "layout");
  return result;
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { decideApproval, decideApprovalSchema } from "@/lib/archive/approval";

// The reviewer's decision (lib/archive/approval.ts). Units sent back come as parallel fields
// unitId / unitComment, one pair per chosen unit.

export type ReviewActionResult = ActionResult<{ message: string }>;

const decide = protectedAction({ permission: "approve:cycles:any", schema: decideApprovalSchema }, async (actor, input) => {
  const { round } = await decideApproval(db(), actor, input, await requestIp());
  return { message: input.decision === "approved" ? `第${round}轮审批：已批准` : `第${round}轮审批：已退回${input.units.length}个单位` };
});

export async function decideApprovalAction(_prev: ReviewActionResult | null, formData: FormData): Promise<ReviewActionResult> {
  const ids = formData.getAll("unitId").map(String);
  const comments = formData.getAll("unitComment").map(String);
  const decision = formData.get("decision");
  const cycleId = String(formData.get("cycleId"));
  const result = await decide({
    cycleId,
    decision,
    comment: formData.get("comment"),
    units: decision === "sent_back" ? ids.map((unitId, i) => ({ unitId, comment: comments[i] ?? "" })) : [],
  });
  if (!result.ok) return result;
  revalidatePath(`/review/${cycleId}`);
  redirect(`/review/${cycleId}?done=${decision === "approved" ? "approved" : "sent_back"}`);
}

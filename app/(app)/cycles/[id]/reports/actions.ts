"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { issueReports, issueReportsSchema, saveReportText, saveReportTextSchema } from "@/lib/reports/mutations";

// Thin edges over lib/reports/mutations.ts: signed in → permission → zod → one audited transaction.

const save = protectedAction({ permission: "edit:reports:any", schema: saveReportTextSchema }, async (actor, input) => saveReportText(db(), actor, input, await requestIp()));

export async function saveReportTextAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const result = await save(input);
  if (result.ok) {
    const { cycleId, unitId } = input as { cycleId: string; unitId: string };
    revalidatePath(`/cycles/${cycleId}/reports/${unitId}`);
  }
  return result;
}

const issue = protectedAction({ permission: "issue:reports:any", schema: issueReportsSchema }, async (actor, input) => {
  const done = await issueReports(db(), actor, input, await requestIp());
  return { issued: done.issued, notified: done.notified };
});

export type IssueResult = ActionResult<{ issued: number; notified: number }>;

export async function issueReportsAction(_prev: IssueResult | null, formData: FormData): Promise<IssueResult> {
  const cycleId = String(formData.get("cycleId") ?? "");
  const unitIds = formData.getAll("unitId").map(String).filter(Boolean);
  const result = await issue({ cycleId, unitIds });
  if (!result.ok) return result;
  revalidatePath(`/cycles/${cycleId}`, "layout");
  // The form that was used may be gone once nothing is left to issue: the page says what happened.
  redirect(`/cycles/${cycleId}/issue?issued=${result.data.issued}&notified=${result.data.notified}`);
}

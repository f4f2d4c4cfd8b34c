"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { reopenSubmission, returnSubmission } from "@/lib/collection/mutations";
import { reopenSubmissionSchema, returnSubmissionSchema } from "@/lib/collection/schema";

// The office's actions on a source's submission, for the cycle and monitoring pages
// (components/collect/submission-office-actions.tsx renders their forms).

export type OfficeSubmissionResult = ActionResult<{ message: string }>;

const PERMISSION = "manage:cycles:any" as const;

const returnOne = protectedAction({ permission: PERMISSION, schema: returnSubmissionSchema }, async (actor, input) => {
  await returnSubmission(actor, input, await requestIp());
  revalidatePath("/", "layout");
  return { message: "已退回，信源单位会收到退回意见" };
});

const reopenOne = protectedAction({ permission: PERMISSION, schema: reopenSubmissionSchema }, async (actor, input) => {
  await reopenSubmission(actor, input, await requestIp());
  revalidatePath("/", "layout");
  return { message: `已重新开放至${input.until}` };
});

/** Form fields: cycleId, sourceOrgId, comment. */
export async function returnSubmissionAction(_prev: OfficeSubmissionResult | null, formData: FormData): Promise<OfficeSubmissionResult> {
  return returnOne(Object.fromEntries(formData));
}

/** Form fields: cycleId, sourceOrgId, reason, until (YYYY-MM-DD, Beijing). */
export async function reopenSubmissionAction(_prev: OfficeSubmissionResult | null, formData: FormData): Promise<OfficeSubmissionResult> {
  return reopenOne(Object.fromEntries(formData));
}

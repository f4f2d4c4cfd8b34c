"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { cycleOnlySchema, partySchema, recordAllBadRecords, recordBadRecord, urgeParty, urgeSchema } from "@/lib/collection/urge";

// The office's urges and bad records on the collection page (components/cycles/collection renders the forms).

type Result = ActionResult<{ message: string }>;
const PERMISSION = "manage:cycles:any" as const;

const urge = protectedAction({ permission: PERMISSION, schema: urgeSchema }, async (actor, input) => {
  const outcome = await urgeParty(actor, input, await requestIp());
  revalidatePath(`/cycles/${input.cycleId}/collection`);
  return { message: `已催办：站内通知${outcome.notified}人；电子邮件：${outcome.email}` };
});

const badRecord = protectedAction({ permission: PERMISSION, schema: partySchema }, async (actor, input) => {
  const party = await recordBadRecord(actor, input, await requestIp());
  revalidatePath(`/cycles/${input.cycleId}/collection`);
  return { message: `已为${party.name}记入不良记录` };
});

const allBadRecords = protectedAction({ permission: PERMISSION, schema: cycleOnlySchema }, async (actor, input) => {
  const parties = await recordAllBadRecords(actor, input, await requestIp());
  revalidatePath(`/cycles/${input.cycleId}/collection`);
  return { message: parties.length > 0 ? `已为${parties.length}个单位记入不良记录：${parties.map((p) => p.name).join("、")}` : "没有催办后仍逾期、尚未记录的单位" };
});

/** Form fields: cycleId, targetOrgId, targetRole (source | unit), message (optional). */
export async function urgeAction(_prev: Result | null, formData: FormData): Promise<Result> {
  return urge(Object.fromEntries(formData));
}

/** Form fields: cycleId, targetOrgId, targetRole. */
export async function badRecordAction(_prev: Result | null, formData: FormData): Promise<Result> {
  return badRecord(Object.fromEntries(formData));
}

/** Form fields: cycleId. */
export async function allBadRecordsAction(_prev: Result | null, formData: FormData): Promise<Result> {
  return allBadRecords(Object.fromEntries(formData));
}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { slotForUnit } from "@/lib/collection/access";
import { addRecord, markNone, markNoneForAll, markNotApplicable, saveValue, submitSubmission, withdrawRecord } from "@/lib/collection/mutations";
import {
  addRecordSchema,
  cellRefSchema,
  markNoneSchema,
  markNotApplicableSchema,
  slotRefSchema,
  submitSubmissionSchema,
  valueFromForm,
  withdrawRecordSchema,
} from "@/lib/collection/schema";
import { db } from "@/lib/db/client";

// The source's form actions: signed in → "submit:facts:assigned" → zod → mutation (which scopes
// every cell to the caller's organisation and checks the collection window itself).

export type CollectResult = ActionResult<{ message: string }>;

const PERMISSION = "submit:facts:assigned" as const;
const done = (message: string) => {
  revalidatePath("/collect", "layout");
  return { message };
};
const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));

const add = protectedAction({ permission: PERMISSION, schema: addRecordSchema }, async (actor, input) => {
  await addRecord(actor, input, await requestIp());
  return done("记录已添加");
});

const withdraw = protectedAction({ permission: PERMISSION, schema: withdrawRecordSchema }, async (actor, input) => {
  await withdrawRecord(actor, input, await requestIp());
  return done("记录已撤回，撤回原因已留存");
});

const none = protectedAction({ permission: PERMISSION, schema: markNoneSchema }, async (actor, input) => {
  await markNone(actor, input, await requestIp());
  return done("已标记为“无”");
});

const notApplicable = protectedAction({ permission: PERMISSION, schema: markNotApplicableSchema }, async (actor, input) => {
  await markNotApplicable(actor, input, await requestIp());
  return done("已标记为“不涉及”");
});

const noneForAll = protectedAction({ permission: PERMISSION, schema: slotRefSchema }, async (actor, input) => {
  const { marked } = await markNoneForAll(actor, input, await requestIp());
  return done(marked > 0 ? `已将${marked}个无记录的单位标记为“无”` : "没有需要标记的单位");
});

const submit = protectedAction({ permission: PERMISSION, schema: submitSubmissionSchema }, async (actor, input) => {
  const { cells } = await submitSubmission(actor, input, await requestIp());
  return done(`已提交，共${cells}项`);
});

const valueSchema = cellRefSchema.extend({ expectedVersion: z.coerce.number().int().min(0), form: z.instanceof(FormData) });
const value = protectedAction({ permission: PERMISSION, schema: valueSchema }, async (actor, { form, ...ref }) => {
  const { slot } = await slotForUnit(db(), actor.organisationId, ref);
  const evidenceIds = form.getAll("evidenceIds").map(String);
  await saveValue(actor, { ...ref, value: valueFromForm(slot.rule, form), evidenceIds }, await requestIp());
  return done("已保存");
});

export async function addRecordAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return add({ ...fields(formData), evidenceIds: formData.getAll("evidenceIds").map(String) });
}
export async function withdrawRecordAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return withdraw(fields(formData));
}
export async function markNoneAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return none(fields(formData));
}
export async function markNotApplicableAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return notApplicable(fields(formData));
}
export async function markNoneForAllAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return noneForAll(fields(formData));
}
export async function submitSubmissionAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return submit(fields(formData));
}
export async function saveValueAction(_prev: CollectResult | null, formData: FormData): Promise<CollectResult> {
  return value({ ...fields(formData), form: formData });
}

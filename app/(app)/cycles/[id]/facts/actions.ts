"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { correctionSlot } from "@/lib/collection/correction-data";
import { correctionTargetSchema, correctNoneSchema, correctNotApplicableSchema, correctWithdrawSchema } from "@/lib/collection/correction-schema";
import { correctAddRecord, correctToNone, correctToNotApplicable, correctValue, correctWithdrawRecord } from "@/lib/collection/corrections";
import { valueFromForm } from "@/lib/collection/schema";
import { AppError } from "@/lib/errors";

// The office's corrections of one cell: signed in → "correct:facts:any" → zod → mutation (which
// checks the cycle's state, the unit's issue and the source's assignment itself). The value and
// record forms pass every field on, so the mutation reports all their problems at once.

export type CorrectionResult = ActionResult<{ message: string }>;

const PERMISSION = "correct:facts:any" as const;
const fields = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
const done = (cycleId: string, message: string) => {
  revalidatePath(`/cycles/${cycleId}/facts`);
  return { message };
};

const valueSchema = correctionTargetSchema.extend({ form: z.instanceof(FormData) });
const value = protectedAction({ permission: PERMISSION, schema: valueSchema }, async (actor, { form, ...target }) => {
  const slot = await correctionSlot(target);
  if (!slot) throw new AppError("NOT_FOUND");
  await correctValue(actor, { ...fields(form), value: valueFromForm(slot.rule, form) }, await requestIp());
  return done(target.cycleId, "已更正数值，更正原因已留存");
});

const record = protectedAction({ permission: PERMISSION, schema: correctionTargetSchema.loose() }, async (actor, input) => {
  await correctAddRecord(actor, input, await requestIp());
  return done(input.cycleId, "已补录记录，更正原因已留存");
});

const withdraw = protectedAction({ permission: PERMISSION, schema: correctWithdrawSchema }, async (actor, input) => {
  await correctWithdrawRecord(actor, input, await requestIp());
  return done(input.cycleId, "记录已撤回，撤回原因和更正原因已留存");
});

const none = protectedAction({ permission: PERMISSION, schema: correctNoneSchema }, async (actor, input) => {
  await correctToNone(actor, input, await requestIp());
  return done(input.cycleId, "已更正为“无”，更正原因已留存");
});

const notApplicable = protectedAction({ permission: PERMISSION, schema: correctNotApplicableSchema }, async (actor, input) => {
  await correctToNotApplicable(actor, input, await requestIp());
  return done(input.cycleId, "已更正为“不涉及”，更正原因已留存");
});

export async function correctValueAction(_prev: CorrectionResult | null, formData: FormData): Promise<CorrectionResult> {
  return value({ ...fields(formData), form: formData });
}
export async function correctAddRecordAction(_prev: CorrectionResult | null, formData: FormData): Promise<CorrectionResult> {
  return record(fields(formData));
}
export async function correctWithdrawRecordAction(_prev: CorrectionResult | null, formData: FormData): Promise<CorrectionResult> {
  return withdraw(fields(formData));
}
export async function correctToNoneAction(_prev: CorrectionResult | null, formData: FormData): Promise<CorrectionResult> {
  return none(fields(formData));
}
export async function correctToNotApplicableAction(_prev: CorrectionResult | null, formData: FormData): Promise<CorrectionResult> {
  return notApplicable(fields(formData));
}

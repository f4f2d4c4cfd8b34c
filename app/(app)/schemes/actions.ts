"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { displayFileName } from "@/lib/files/policy";
import { throttleUpload } from "@/lib/http/limits";
import type { Problem } from "@/lib/scoring";
import { createDraftFrom, deleteDraft, importScheme, publishVersion, saveDraft } from "@/lib/schemes/mutations";
import { createDraftSchema, importFileSchema, saveDraftSchema, versionLockSchema } from "@/lib/schemes/schema";

// Thin edges: protectedAction (signed in → "manage:schemes:any" → zod) then the mutation, which
// takes the acting user explicitly and writes the change and its audit row in one transaction.

const permission = "manage:schemes:any" as const;

export type SchemeCheckResult = ActionResult<{ lock: number; errors: Problem[]; warnings: Problem[] }>;

function refresh(id?: string) {
  revalidatePath("/schemes");
  if (id) revalidatePath(`/schemes/${id}`);
}

const save = protectedAction({ permission, schema: saveDraftSchema }, async (actor, input) => saveDraft(actor, input, await requestIp()));

/** Saves a draft's document (the editor's save). Refused: published, stale lock, malformed document. */
export async function saveSchemeDraftAction(input: { id: string; expectedLock: number; document: unknown }): Promise<SchemeCheckResult> {
  const result = await save(input);
  if (result.ok) refresh(input.id);
  return result;
}

const publish = protectedAction({ permission, schema: versionLockSchema }, async (actor, input) =>
  publishVersion(actor, input, await requestIp()),
);

/** Publishes a draft without validation errors, then shows its (now immutable) detail page. */
export async function publishSchemeAction(input: { id: string; expectedLock: number }): Promise<SchemeCheckResult> {
  const result = await publish(input);
  if (!result.ok) return result;
  refresh(input.id);
  redirect(`/schemes/${input.id}?published=1`);
}

export type CreateDraftState = ActionResult<{ id: string }> | null;

const create = protectedAction({ permission, schema: createDraftSchema }, async (actor, { sourceId, ...options }) =>
  createDraftFrom(actor, sourceId, options, await requestIp()),
);

export async function createSchemeDraftAction(_prev: CreateDraftState, formData: FormData): Promise<CreateDraftState> {
  const result = await create(Object.fromEntries(formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/schemes/${result.data.id}?created=1`);
}

export type ImportState = ActionResult<{ id: string }> | null;

const importFile = protectedAction({ permission, schema: importFileSchema }, async (actor, { file }) => {
  await throttleUpload(actor, "scheme");
  return importScheme(actor, await file.text(), await requestIp(), displayFileName(file.name));
});

export async function importSchemeAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const result = await importFile({ file: formData.get("file") });
  if (!result.ok) return result;
  refresh();
  redirect(`/schemes/${result.data.id}?imported=1`);
}

export type DeleteState = ActionResult<{ code: string }> | null;

const remove = protectedAction({ permission, schema: versionLockSchema }, async (actor, input) => deleteDraft(actor, input, await requestIp()));

export async function deleteSchemeDraftAction(_prev: DeleteState, formData: FormData): Promise<DeleteState> {
  const result = await remove(Object.fromEntries(formData));
  if (!result.ok) return result;
  refresh();
  redirect(`/schemes?q=${encodeURIComponent(result.data.code)}&deleted=1`);
}

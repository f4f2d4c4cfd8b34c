"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { executeArchive, startArchive, startArchiveSchema } from "@/lib/archive/archive";
import { executeVolume, recordDispatch, recordDispatchSchema, startVolume, startVolumeSchema } from "@/lib/archive/volume-job";

// Thin edges over lib/archive: the jobs are recorded here and run in the background of the Node
// server (not awaited); the page follows them through background_job.

export type ArchiveActionResult = ActionResult<{ message: string }>;

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.keys()].map((key) => [key, formData.get(key)]));
}

const archive = protectedAction({ permission: "archive:cycles:any", schema: startArchiveSchema }, async (actor, input) => {
  const ip = await requestIp();
  const { jobId } = await startArchive(db(), actor, input, ip);
  void executeArchive(db(), actor, jobId, ip).catch((error: unknown) => console.error(`archive job ${jobId} could not finish`, error));
  return { message: "归档已开始" };
});

const volume = protectedAction({ permission: "archive:cycles:any", schema: startVolumeSchema }, async (actor, input) => {
  const ip = await requestIp();
  const { jobId } = await startVolume(db(), actor, input, ip);
  void executeVolume(db(), actor, jobId, ip).catch((error: unknown) => console.error(`volume job ${jobId} could not finish`, error));
  return { message: "汇编生成已开始" };
});

const dispatch = protectedAction({ permission: "record:dispatch:any", schema: recordDispatchSchema }, async (actor, input) => {
  await recordDispatch(db(), actor, input, await requestIp());
  return { message: "已记录报送情况" };
});

export async function startArchiveAction(_prev: ArchiveActionResult | null, formData: FormData): Promise<ArchiveActionResult> {
  const result = await archive(fields(formData));
  if (result.ok) revalidatePath(`/cycles/${String(formData.get("cycleId"))}`, "layout");
  return result;
}

export async function startVolumeAction(_prev: ArchiveActionResult | null, formData: FormData): Promise<ArchiveActionResult> {
  const result = await volume(fields(formData));
  if (result.ok) revalidatePath(`/cycles/${String(formData.get("cycleId"))}/archive`);
  return result;
}

export async function recordDispatchAction(_prev: ArchiveActionResult | null, formData: FormData): Promise<ArchiveActionResult> {
  const result = await dispatch(fields(formData));
  if (result.ok) revalidatePath(`/cycles/${String(formData.get("cycleId"))}/archive`);
  return result;
}

"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { updateRectification } from "@/lib/dossiers/mutations";
import { updateRectificationSchema } from "@/lib/dossiers/schema";

// Thin edge over lib/dossiers/mutations.ts: the unit reports its rectification (scoped there to its organisation).

type Result = ActionResult<{ message: string }>;

const update = protectedAction({ permission: "rectify:dossier:own", schema: updateRectificationSchema }, async (actor, input) => updateRectification(db(), actor, input, await requestIp()));

export async function updateRectificationAction(_prev: Result | null, formData: FormData): Promise<Result> {
  const result = await update(Object.fromEntries(formData));
  if (!result.ok) return result;
  revalidatePath("/unit/dossier");
  return { ok: true, data: { message: "整改情况已报送，等待信用办审核" } };
}

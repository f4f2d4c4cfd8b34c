"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { DeleteYearState } from "@/components/calendar/delete-year-form";
import type { SaveYearState } from "@/components/calendar/year-form";
import { protectedAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { deleteCalendarYear, saveCalendarYear } from "@/lib/calendar/mutations";

// Thin edges: protectedAction (signed in → "manage:calendar:any") then the mutation, which
// validates with the form's schema (every bad line with its number) and writes the change and its
// audit row in one transaction.

const permission = "manage:calendar:any" as const;
// The mutations parse their own input with the form's schema; here it only has to be an object.
const formSchema = z.record(z.string(), z.unknown());

const save = protectedAction({ permission, schema: formSchema }, async (actor, input) => saveCalendarYear(actor, input, await requestIp()));

export async function saveCalendarYearAction(_prev: SaveYearState, formData: FormData): Promise<SaveYearState> {
  const result = await save(Object.fromEntries(formData));
  if (!result.ok) return result;
  revalidatePath("/calendar");
  revalidatePath(`/calendar/${result.data.year}`);
  if (result.data.created) redirect(`/calendar/${result.data.year}?created=1`);
  return result;
}

const remove = protectedAction({ permission, schema: formSchema }, async (actor, input) => deleteCalendarYear(actor, input, await requestIp()));

export async function deleteCalendarYearAction(_prev: DeleteYearState, formData: FormData): Promise<DeleteYearState> {
  const result = await remove(Object.fromEntries(formData));
  if (!result.ok) return result;
  revalidatePath("/calendar");
  redirect(`/calendar?deleted=${result.data.year}`);
}

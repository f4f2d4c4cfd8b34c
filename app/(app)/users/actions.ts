"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import {
  createAccount,
  deactivateAccount,
  lockAccount,
  reactivateAccount,
  resetPassword,
  unlockAccount,
  updateAccount,
  type IssuedCredential,
} from "@/lib/users/admin-mutations";
import { createUserSchema, lockUserSchema, updateUserSchema, userVersionSchema } from "@/lib/users/schema";

// Thin edges: protectedAction (signed in → "manage:users:any" → zod) then the mutation, which takes
// the acting admin explicitly and writes the change and its audit row in one transaction.

const permission = "manage:users:any" as const;
type State<T> = ActionResult<T> | null;

/** FormData → plain input; the role checkboxes arrive as several values of one name. */
function formInput(formData: FormData): Record<string, unknown> {
  return { ...Object.fromEntries(formData), roles: formData.getAll("roles") };
}

function refresh(id?: string) {
  revalidatePath("/users");
  if (id) revalidatePath(`/users/${id}`);
}

const create = protectedAction({ permission, schema: createUserSchema }, async (actor, input) => createAccount(actor, input, await requestIp()));
export async function createUserAction(_prev: State<IssuedCredential>, formData: FormData): Promise<ActionResult<IssuedCredential>> {
  const result = await create(formInput(formData));
  if (result.ok) refresh();
  return result;
}

const update = protectedAction({ permission, schema: updateUserSchema }, async (actor, input) => updateAccount(actor, input, await requestIp()));
export async function updateUserAction(_prev: State<{ changed: boolean }>, formData: FormData): Promise<ActionResult<{ changed: boolean }>> {
  const result = await update(formInput(formData));
  if (result.ok) refresh(String(formData.get("id")));
  return result;
}

const reset = protectedAction({ permission, schema: userVersionSchema }, async (actor, input) => resetPassword(actor, input, await requestIp()));
export async function resetPasswordAction(_prev: State<IssuedCredential>, formData: FormData): Promise<ActionResult<IssuedCredential>> {
  const result = await reset(Object.fromEntries(formData));
  if (result.ok) refresh(result.data.id);
  return result;
}

const lock = protectedAction({ permission, schema: lockUserSchema }, async (actor, input) => lockAccount(actor, input, await requestIp()));
export async function lockUserAction(_prev: State<{ lockedUntil: Date }>, formData: FormData): Promise<ActionResult<{ lockedUntil: Date }>> {
  const result = await lock(Object.fromEntries(formData));
  if (result.ok) refresh(String(formData.get("id")));
  return result;
}

const unlock = protectedAction({ permission, schema: userVersionSchema }, async (actor, input) => unlockAccount(actor, input, await requestIp()));
export async function unlockUserAction(_prev: State<void>, formData: FormData): Promise<ActionResult<void>> {
  const result = await unlock(Object.fromEntries(formData));
  if (result.ok) refresh(String(formData.get("id")));
  return result;
}

const deactivate = protectedAction({ permission, schema: userVersionSchema }, async (actor, input) => deactivateAccount(actor, input, await requestIp()));
export async function deactivateUserAction(_prev: State<void>, formData: FormData): Promise<ActionResult<void>> {
  const result = await deactivate(Object.fromEntries(formData));
  if (result.ok) refresh(String(formData.get("id")));
  return result;
}

const reactivate = protectedAction({ permission, schema: userVersionSchema }, async (actor, input) => reactivateAccount(actor, input, await requestIp()));
export async function reactivateUserAction(_prev: State<void>, formData: FormData): Promise<ActionResult<void>> {
  const result = await reactivate(Object.fromEntries(formData));
  if (result.ok) refresh(String(formData.get("id")));
  return result;
}

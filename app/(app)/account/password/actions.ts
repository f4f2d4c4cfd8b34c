"use server";

import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/next-auth";
import { changeOwnPassword } from "@/lib/users/mutations";
import { changePasswordSchema } from "@/lib/users/schema";

const change = protectedAction(
  { permission: null, schema: changePasswordSchema, allowPendingPasswordChange: true },
  async (actor, input) => changeOwnPassword(actor, input, await requestIp()),
);

export async function changePasswordAction(_prev: ActionResult<void> | null, formData: FormData): Promise<ActionResult<void> | null> {
  const result = await change(Object.fromEntries(formData));
  if (!result.ok) return result;
  await signOut({ redirect: false });
  redirect("/login?changed=1");
}

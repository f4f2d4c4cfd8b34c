"use server";

import { signOut } from "@/lib/auth/next-auth";
import { recordSignOut } from "@/lib/auth/sign-in";
import { getActor, requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await recordSignOut(db(), actor, await requestIp());
  }
  await signOut({ redirectTo: "/login" });
}

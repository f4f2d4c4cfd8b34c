"use server";

import { writeAudit } from "@/lib/audit/mutations";
import { signOut } from "@/lib/auth/next-auth";
import { getActor, requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    await writeAudit(db(), { actor, action: "auth.sign_out", entityType: "user", entityId: actor.id, ip: await requestIp() });
  }
  await signOut({ redirectTo: "/login" });
}

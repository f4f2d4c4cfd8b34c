import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/session";
import { signOutAction } from "./actions";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor({ allowPendingPasswordChange: true });
  return (
    <AppShell actor={actor} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}

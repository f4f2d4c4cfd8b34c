import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { navFor } from "@/lib/auth/nav";
import { roleLabels } from "@/lib/auth/roles";
import { NotificationBell } from "@/components/notifications/bell";
import { NavLinks } from "./nav-links";

type Props = { actor: Actor; signOut: () => Promise<void>; children: React.ReactNode };

export function AppShell({ actor, signOut, children }: Props) {
  const items = actor.mustChangePassword ? [] : navFor(actor.roles);
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
        跳到主要内容
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-800">
            政务诚信评价平台
          </Link>
          <NavLinks items={items.map(({ href, label }) => ({ href, label }))} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            {actor.mustChangePassword ? null : <NotificationBell userId={actor.id} />}
            <div className="text-right leading-tight" data-testid="shell-identity">
              <div className="font-medium">
                {actor.displayName}
                <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800" data-testid="shell-roles">
                  {roleLabels(actor.roles)}
                </span>
              </div>
              <div className="text-xs text-slate-600" data-testid="shell-org">
                {actor.organisationName}
              </div>
            </div>
            <form action={signOut}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                退出
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-7xl px-4 pb-6 text-xs text-slate-500">内部资料 注意保密</footer>
    </div>
  );
}

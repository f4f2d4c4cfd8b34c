import type { Metadata } from "next";
import Link from "next/link";
import { RoleTasks } from "@/components/home/role-tasks";
import { listAudit } from "@/lib/audit/data";
import { auditActionLabel, auditActorLabel } from "@/lib/audit/labels";
import { hasPermission } from "@/lib/auth/roles";
import { requireActor } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";

export const metadata: Metadata = { title: "首页" };

export default async function HomePage() {
  const actor = await requireActor();
  const recent = hasPermission(actor.roles, "read:audit:any")
    ? (await listAudit({ order: "desc", page: 1 })).rows.slice(0, 8)
    : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">您好，{actor.displayName}</h1>
      <RoleTasks actor={actor} />
      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="flex items-baseline justify-between">
            <h2 id="recent-heading" className="text-lg font-semibold">最近操作</h2>
            <Link href="/audit" className="text-sm text-brand-700 underline">查看全部审计日志</Link>
          </div>
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {recent.map((row) => (
              <li key={row.id} className="flex flex-wrap gap-x-4 py-2">
                <span className="text-slate-500 tabular-nums">{formatDateTimeCn(row.at)}</span>
                <span>{auditActorLabel(row)}</span>
                <span className="font-medium">{auditActionLabel(row.action)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

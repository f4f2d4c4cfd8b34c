import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { ancestorsOf, organisationChildren, organisationDetail } from "@/lib/orgs/data";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

export const metadata: Metadata = { title: "单位层级" };

type Props = { searchParams: Promise<{ root?: string }> };

/** The hierarchy city → county → township → community, one level at a time (it scales to a province). */
export default async function OrganisationTreePage({ searchParams }: Props) {
  await requirePermission("manage:orgs:any");
  const { root } = await searchParams;
  const rootOrg = root ? await organisationDetail(root) : null;
  const [nodes, trail] = await Promise.all([organisationChildren(rootOrg?.id ?? null), rootOrg ? ancestorsOf(rootOrg.parentId) : []]);
  return (
    <div className="space-y-4">
      <PageHeader title="单位层级" description="市 → 县区 → 乡镇/街道 → 社区。点击单位名称查看其下级；市直部门没有下级单位，见单位列表。" />
      <nav aria-label="层级路径" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1">
          <li><Link href="/orgs/tree" className={ui.link}>全市</Link></li>
          {[...trail, ...(rootOrg ? [{ id: rootOrg.id, name: rootOrg.name }] : [])].map((a) => (
            <li key={a.id} className="flex items-center gap-1">
              <span aria-hidden>›</span>
              <Link href={`/orgs/tree?root=${a.id}`} className={ui.link} aria-current={a.id === rootOrg?.id ? "page" : undefined}>{a.name}</Link>
            </li>
          ))}
        </ol>
      </nav>
      {rootOrg ? (
        <p className="text-sm">
          <Link href={`/orgs?under=${rootOrg.id}&status=all`} className={ui.link}>在列表中查看 {rootOrg.name} 及全部下级单位</Link>
        </p>
      ) : null}
      <ul className={`${ui.card} divide-y divide-slate-100 p-0`} aria-label="下级单位">
        {nodes.length === 0 ? <li className="px-5 py-6 text-slate-500">没有下级单位。</li> : null}
        {nodes.map((n) => (
          <li key={n.id} className="flex items-center justify-between gap-4 px-5 py-2.5">
            <span>
              {n.childCount > 0 ? (
                <Link href={`/orgs/tree?root=${n.id}`} className={`${ui.link} font-medium`}>{n.name}</Link>
              ) : (
                <span className="font-medium">{n.name}</span>
              )}
              <span className="ml-2 text-xs text-slate-500">{UNIT_KIND_LABELS[n.kind]}</span>
              {n.active ? null : <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs">已停用</span>}
            </span>
            <span className="flex items-center gap-3 text-sm">
              <span className="text-slate-600">下级 {n.childCount} 个</span>
              <Link href={`/orgs/${n.id}`} className={ui.link}>详情</Link>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivationForm } from "@/components/orgs/activation-form";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { organisationDetail } from "@/lib/orgs/data";
import { ORG_ROLE_LABELS, UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { setOrganisationActiveAction } from "../actions";

export const metadata: Metadata = { title: "单位详情" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function OrganisationPage({ params, searchParams }: Props) {
  await requirePermission("manage:orgs:any");
  const org = await organisationDetail((await params).id);
  if (!org) notFound();
  const { saved } = await searchParams;
  const facts: [string, React.ReactNode][] = [
    ["统一社会信用代码", <span key="u" className="font-mono">{org.uscc}</span>],
    ["简称", org.shortName ?? "—"],
    ["单位类别", UNIT_KIND_LABELS[org.kind]],
    ["单位角色", org.roles.map((r) => ORG_ROLE_LABELS[r]).join("、")],
    ["上级单位", org.parent ? <Link key="p" href={`/orgs/${org.parent.id}`} className={ui.link}>{org.parent.name}</Link> : "—"],
    ["下级单位", org._count.children > 0 ? <Link key="c" href={`/orgs/tree?root=${org.id}`} className={ui.link}>{org._count.children} 个</Link> : "无"],
    ["法定代表人", org.legalRep ?? "—"],
    ["联系电话", org.phone ?? "—"],
    ["电子邮箱", org.email ?? "—"],
    ["备注", org.note ?? "—"],
    ["登录账户", `${org._count.users} 个`],
    ["状态", org.active ? "在用" : "已停用"],
    ["最后修改", formatDateTimeCn(org.updatedAt)],
  ];
  return (
    <div className="space-y-4">
      <nav aria-label="层级路径" className="text-sm text-slate-600">
        <Link href="/orgs" className={ui.link}>单位管理</Link>
        {org.ancestors.map((a) => (
          <span key={a.id}> › <Link href={`/orgs/${a.id}`} className={ui.link}>{a.name}</Link></span>
        ))}
      </nav>
      <PageHeader title={org.name} actions={<Link href={`/orgs/${org.id}/edit`} className={ui.btnPrimary}>修改</Link>} />
      {saved ? <p role="status" className={ui.alertOk}>已保存。</p> : null}
      <dl className={`${ui.card} grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]`}>
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <ActivationForm key={org.version} id={org.id} version={org.version} active={org.active} action={setOrganisationActiveAction} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparePicker } from "@/components/schemes/compare-picker";
import { CompareView } from "@/components/schemes/compare-view";
import { VersionBadges } from "@/components/schemes/status-badges";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { compareSchemes } from "@/lib/scoring";
import { schemeVersionFor, schemeVersionOptions, type SchemeVersionDetail } from "@/lib/schemes/data";
import { compareQuerySchema } from "@/lib/schemes/schema";

export const metadata: Metadata = { title: "指标体系版本对比" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Heading({ label, version }: { label: string; version: SchemeVersionDetail }) {
  return (
    <div className="rounded-lg bg-white p-3 text-sm ring-1 ring-slate-200">
      <div className="text-xs text-slate-500">{label}</div>
      <Link href={`/schemes/${version.id}`} className={`${ui.link} font-medium`}>
        {version.code} 第{version.version}版
      </Link>{" "}
      <VersionBadges status={version.status} builtIn={version.builtIn} />
      <div className="text-slate-600">{version.name}</div>
    </div>
  );
}

export default async function CompareSchemesPage({ searchParams }: Props) {
  const actor = await requirePermission("read:schemes:any");
  const query = compareQuerySchema.parse(await searchParams);
  const [versions, a, b] = await Promise.all([
    schemeVersionOptions(actor),
    query.a ? schemeVersionFor(actor, query.a) : null,
    query.b ? schemeVersionFor(actor, query.b) : null,
  ]);
  if ((query.a && !a) || (query.b && !b)) notFound();
  const comparison = a && b ? compareSchemes(a.document, b.document) : null;
  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href="/schemes" className={ui.link}>指标体系</Link> › 版本对比</nav>
      <PageHeader title="版本对比" description="按指标代码对照两个版本：新增、删除和修改的指标，评分规则以文字列出原规则和新规则。" />
      <div className={ui.card}>
        <ComparePicker versions={versions} a={query.a} b={query.b} />
      </div>
      {a && b && comparison ? (
        <>
          <div className="grid gap-2 sm:grid-cols-2">
            <Heading label="原版本" version={a} />
            <Heading label="新版本" version={b} />
          </div>
          <p className="text-sm text-slate-700" data-testid="comparison-summary">
            共{comparison.count}处不同：新增指标{comparison.indicators.added.length}个，删除{comparison.indicators.removed.length}个，修改
            {comparison.indicators.changed.length}个。
          </p>
          <CompareView comparison={comparison} />
        </>
      ) : (
        <p className="text-sm text-slate-600">请选择要对比的两个版本。</p>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparePicker } from "@/components/schemes/compare-picker";
import { DeleteDraftForm } from "@/components/schemes/delete-draft-form";
import { gradesText, NOT_APPLICABLE_LABELS, unitKindsText } from "@/components/schemes/labels";
import { ProblemList } from "@/components/schemes/problem-list";
import { PublishForm } from "@/components/schemes/publish-form";
import { SchemeTable } from "@/components/schemes/scheme-table";
import { VersionBadges } from "@/components/schemes/status-badges";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { canManageSchemes, schemeVersionFor, schemeVersionOptions, sourceDepartmentNames } from "@/lib/schemes/data";

export const metadata: Metadata = { title: "指标体系版本" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

const NOTICES: Record<string, string> = {
  created: "已创建草稿。可以编辑，校验无误后发布。",
  imported: "已导入为草稿。请核对后发布。",
  published: "已发布。该版本从此不能修改，评价周期可以固定使用它。",
};

export default async function SchemeVersionPage({ params, searchParams }: Props) {
  const actor = await requirePermission("read:schemes:any");
  const version = await schemeVersionFor(actor, (await params).id);
  if (!version) notFound();
  const query = await searchParams;
  const notice = Object.keys(NOTICES).find((key) => query[key]);
  const manage = canManageSchemes(actor);
  const draft = version.status === "draft";
  const [versions, sources] = await Promise.all([schemeVersionOptions(actor), manage ? sourceDepartmentNames() : null]);
  const { document: scheme, validation } = version;
  // Compare with what it was based on, else with the nearest other version of the same scheme.
  const compareDefault =
    version.basedOn?.id ?? versions.find((v) => v.code === version.code && v.id !== version.id)?.id;
  const facts: [string, React.ReactNode][] = [
    ["方案代码", <span key="c" className="font-mono">{version.code}</span>],
    ["版本", `第${version.version}版`],
    ["状态", <VersionBadges key="s" status={version.status} builtIn={version.builtIn} />],
    ["适用单位", unitKindsText(scheme.unitKinds)],
    ["不涉及的指标", NOT_APPLICABLE_LABELS[scheme.notApplicable]],
    ["等级划分", gradesText(scheme.grades)],
    [
      "基于",
      version.basedOn && (manage || version.basedOn.status === "published") ? (
        <Link key="b" href={`/schemes/${version.basedOn.id}`} className={ui.link}>{version.basedOn.code} 第{version.basedOn.version}版</Link>
      ) : (
        "—"
      ),
    ],
    ["发布", version.publishedAt ? `${formatDateTimeCn(version.publishedAt)}${version.publishedByName ? `，${version.publishedByName}` : ""}` : "未发布"],
    ["最后修改", formatDateTimeCn(version.updatedAt)],
  ];
  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href="/schemes" className={ui.link}>指标体系</Link> › {version.code} 第{version.version}版</nav>
      <PageHeader
        title={scheme.name}
        description={scheme.description}
        actions={
          <>
            <a href={`/schemes/${version.id}/download`} className={ui.btnSecondary} download>下载 JSON</a>
            <a href={`/schemes/${version.id}/export`} className={ui.btnSecondary} download>导出 Excel</a>
            {versions.length > 1 ? <a href="#compare" className={ui.btnSecondary}>对比</a> : null}
            {manage ? <Link href={`/schemes/new?from=${version.id}`} className={ui.btnSecondary}>新建版本</Link> : null}
            {manage && draft ? <Link href={`/schemes/${version.id}/edit`} className={ui.btnPrimary}>编辑</Link> : null}
          </>
        }
      />
      {notice ? <p role="status" className={ui.alertOk}>{NOTICES[notice]}</p> : null}
      {draft ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">这是草稿：只有信用办工作人员能看到，评价周期不能使用，发布后才生效。</p>
      ) : null}
      <dl data-testid="scheme-facts" className={`${ui.card} grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]`}>
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {scheme.notes?.length ? (
        <section className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4 text-sm" aria-labelledby="notes-title" data-testid="scheme-notes">
          <h2 id="notes-title" className="font-semibold text-brand-800">解释说明</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {scheme.notes.map((note) => <li key={note}>{note}</li>)}
          </ul>
        </section>
      ) : null}
      <ProblemList title="错误" tone="error" problems={validation.errors} testId="scheme-errors" />
      <ProblemList title="提醒" tone="warning" problems={validation.warnings} testId="scheme-warnings" />
      {manage && draft ? (
        <div className="flex flex-wrap items-start gap-3">
          <PublishForm id={version.id} lock={version.lock} errorCount={validation.errors.length} warningCount={validation.warnings.length} />
          <DeleteDraftForm id={version.id} lock={version.lock} />
        </div>
      ) : null}
      <SchemeTable scheme={scheme} knownSources={sources ? new Set(sources) : undefined} />
      {versions.length > 1 ? (
        <section id="compare" className={`${ui.card} space-y-2`}>
          <h2 className="font-semibold">与其他版本对比</h2>
          <ComparePicker versions={versions} a={compareDefault} b={version.id} fixedB />
        </section>
      ) : null}
    </div>
  );
}

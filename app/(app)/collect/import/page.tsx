import type { Metadata } from "next";
import Link from "next/link";
import { dateCn } from "@/components/cycles/labels";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { listSourceCycles } from "@/lib/collection/data";
import { MAX_IMPORT_BYTES } from "@/lib/collection/spreadsheet";
import { GUIDE_LINES } from "@/lib/collection/spreadsheet/guide";
import { FactImportForm } from "./import-form";

export const metadata: Metadata = { title: "表格导入报送数据" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FactImportPage({ searchParams }: Props) {
  const actor = await requirePermission("submit:facts:assigned", "collect.import");
  const cycles = (await listSourceCycles(actor)).filter((c) => c.status === "collecting");
  const wanted = (await searchParams).cycle;
  const cycle = cycles.find((c) => c.id === wanted) ?? cycles[0];
  return (
    <div className="space-y-4">
      <PageHeader
        title="表格导入报送数据"
        description={`${actor.organisationName}：下载预填了本单位负责的受评单位和指标的 Excel 模板，填好后导入。导入前逐行检查，全部无误才一次性写入，否则不做任何更改并列出每个问题。`}
        actions={cycle ? <Link href={`/collect/${cycle.id}`} className={ui.btnSecondary}>返回报送工作台</Link> : null}
      />
      {!cycle ? (
        <p className={`${ui.card} text-slate-600`}>目前没有处于数据归集阶段、需要本单位报送数据的评价周期。</p>
      ) : (
        <>
          {cycles.length > 1 ? (
            <nav aria-label="评价周期" className="flex flex-wrap gap-2 text-sm">
              {cycles.map((c) => (
                <Link key={c.id} href={`/collect/import?cycle=${c.id}`} aria-current={c.id === cycle.id ? "page" : undefined} className={c.id === cycle.id ? ui.btnPrimary : ui.btnSecondary}>{c.name}</Link>
              ))}
            </nav>
          ) : null}
          <section aria-labelledby="step1" className={`${ui.card} space-y-3`}>
            <h2 id="step1" className="font-semibold">第一步：下载模板</h2>
            <p className="text-sm text-slate-600">模板按当前已报送的内容预填；数据归集截止日期为 {dateCn(cycle.collectionDeadline)}。</p>
            <a href={`/collect/import/template?cycle=${cycle.id}`} className={ui.btnPrimary} download data-testid="template-download">下载“{cycle.name}”报送模板（.xlsx）</a>
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">填写说明</summary>
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-700">{GUIDE_LINES.map((line) => <li key={line}>{line}</li>)}</ol>
            </details>
          </section>
          <FactImportForm cycleId={cycle.id} maxBytes={MAX_IMPORT_BYTES} />
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CycleActionForm } from "@/components/cycles/action-form";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { cycleHead, cycleSchemes, cycleUnitCounts, publishedSchemeOptions } from "@/lib/cycles/data";
import { setupLockedReason } from "@/lib/cycles/workflow";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/orgs/kinds";
import { setCycleSchemeAction } from "../../actions";

export const metadata: Metadata = { title: "指标体系 · 评价周期" };

type Props = { params: Promise<{ id: string }> };

export default async function CycleSchemesPage({ params }: Props) {
  await requirePermission("manage:cycles:any", "cycles");
  const cycle = await cycleHead((await params).id);
  if (!cycle) notFound();
  const [schemes, counts, options] = await Promise.all([cycleSchemes(cycle.id), cycleUnitCounts(cycle.id), publishedSchemeOptions()]);
  const locked = setupLockedReason(cycle.status, "schemes");
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="schemes" />
      <p className="text-sm text-slate-600">
        每类受评单位选用一个<strong>已发布</strong>的指标体系版本（草稿不能使用）。更换版本会删除原版本的数据来源分配。
        <Link href="/schemes" className={`${ui.link} ml-1`}>管理指标体系</Link>
      </p>
      {locked ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">{locked}。</p> : null}
      <div className="space-y-3">
        {UNIT_KINDS.map((kind) => {
          const current = schemes.find((s) => s.unitKind === kind);
          const choices = options.filter((o) => o.unitKinds.includes(kind));
          const units = counts[kind] ?? 0;
          return (
            <section key={kind} aria-labelledby={`kind-${kind}`} className={`${ui.card} space-y-2`} data-kind={kind}>
              <div className="flex flex-wrap items-baseline gap-3">
                <h2 id={`kind-${kind}`} className="font-semibold">{UNIT_KIND_LABELS[kind]}</h2>
                <span className="text-sm text-slate-600">已纳入{units}个</span>
                <span className="text-sm">
                  当前：{current ? <Link href={`/schemes/${current.schemeVersionId}`} className={ui.link}>{current.name}（{current.label}）</Link> : <span className={units > 0 ? "text-amber-800" : "text-slate-500"}>未选择</span>}
                </span>
              </div>
              {locked ? null : choices.length === 0 ? (
                <p className="text-sm text-slate-500">没有适用于{UNIT_KIND_LABELS[kind]}的已发布版本。</p>
              ) : (
                <CycleActionForm action={setCycleSchemeAction} hidden={{ cycleId: cycle.id, expectedVersion: cycle.version, unitKind: kind }} label="保存" className="flex flex-wrap items-end gap-2">
                  <label htmlFor={`scheme-${kind}`} className="text-sm">
                    {UNIT_KIND_LABELS[kind]}的指标体系
                    <select id={`scheme-${kind}`} name="schemeVersionId" defaultValue={current?.schemeVersionId ?? ""} className={`${ui.input} min-w-96`}>
                      <option value="">（不使用）</option>
                      {choices.map((o) => <option key={o.id} value={o.id}>{o.name}（{o.code} 第{o.version}版）</option>)}
                    </select>
                  </label>
                </CycleActionForm>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

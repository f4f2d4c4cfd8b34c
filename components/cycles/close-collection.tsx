"use client";

import Link from "next/link";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useFormAction } from "@/components/users/use-form-action";
import { describeGaps, hasGaps, type CollectionGaps } from "@/lib/cycles/workflow";
import type { CycleAction } from "./action-form";

type Props = { action: CycleAction; cycleId: string; version: number; gaps: CollectionGaps };

const STATUS: Record<string, string> = { draft: "未提交", returned: "已退回待重报", submitted: "已提交但有缺项", missing: "未建立报送" };

/** 结束数据归集: the list of what is still missing, and a reason when anything is. */
export function CloseCollection({ action, cycleId, version, gaps }: Props) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const missing = hasGaps(gaps);
  return (
    <section role="dialog" aria-labelledby="close-title" className={`${ui.card} space-y-3 text-sm`} data-testid="close-collection">
      <h2 id="close-title" className="text-lg font-semibold">确认结束数据归集？</h2>
      <p>结束后信源单位不能再报送，周期进入“评分”阶段。</p>
      {missing ? (
        <>
          <p className="rounded-md bg-amber-50 p-3 text-amber-950">仍有{describeGaps(gaps)}。缺报的单位将按信用办掌握的信息评价，未报送的信源单位记入本次结束归集的审计记录。</p>
          {gaps.lateSources.length > 0 ? (
            <table className={ui.table} data-testid="late-sources">
              <thead className="bg-slate-100">
                <tr><th scope="col" className={ui.th}>信源单位</th><th scope="col" className={ui.th}>报送状态</th><th scope="col" className={ui.th}>无人报送的数据项</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {gaps.lateSources.map((s) => (
                  <tr key={s.sourceOrgId}><td className={ui.td}>{s.name}</td><td className={ui.td}>{STATUS[s.status]}</td><td className={`${ui.td} tabular-nums`}>{s.missingCells}</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : (
        <p className={ui.alertOk}>所有信源单位均已提交，所有受评单位的数据项均已报送。</p>
      )}
      <form onSubmit={onSubmit} className="space-y-2" noValidate>
        <input type="hidden" name="cycleId" value={cycleId} />
        <input type="hidden" name="expectedVersion" value={version} />
        <label htmlFor="close-reason" className={ui.label}>{missing ? "在缺报情况下结束归集的原因（必填，写入审计日志）" : "备注（可不填）"}</label>
        <textarea
          id="close-reason"
          name="reason"
          rows={3}
          required={missing}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? "close-reason-error" : undefined}
          className={ui.input}
        />
        <FieldError id="close-reason-error" messages={errors.reason} />
        {state && !state.ok && !errors.reason ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
        <div className="flex gap-2">
          <button type="submit" disabled={pending} className={ui.btnDanger}>{pending ? "正在结束…" : "确认结束数据归集"}</button>
          <Link href={`/cycles/${cycleId}`} className={ui.btnSecondary}>取消</Link>
        </div>
      </form>
    </section>
  );
}

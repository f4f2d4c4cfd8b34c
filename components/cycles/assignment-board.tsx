"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import { CycleActionForm, type CycleAction } from "./action-form";

export type BoardSource = { sourceOrgId: string; name: string; lead: boolean; usable: boolean };
export type BoardSlot = {
  indicatorCode: string; subKey: string; name: string; categoryName: string; mode: "records" | "value";
  defaults: string[]; assigned: BoardSource[];
};
export type BoardScheme = { schemeVersionId: string; label: string; name: string; kinds: string[]; slots: BoardSlot[] };
type Props = {
  action: CycleAction;
  cycleId: string;
  version: number;
  locked: boolean;
  scheme: BoardScheme;
  sources: { id: string; name: string; shortName: string | null }[];
};

function problemOf(slot: BoardSlot): string | null {
  const usable = slot.assigned.filter((a) => a.usable);
  if (usable.length === 0) return "未分配数据来源";
  const leads = usable.filter((a) => a.lead).length;
  if (slot.mode === "value" && leads !== 1) return leads === 0 ? "未指定牵头报送单位" : "牵头报送单位多于一个";
  return null;
}

/** One scheme's slots with their sources: add, remove, make lead (value slots only). */
export function AssignmentBoard({ action, cycleId, version, locked, scheme, sources }: Props) {
  const [adding, setAdding] = useState<string | null>(null);
  const slotHidden = (slot: BoardSlot) => ({ cycleId, expectedVersion: version, schemeVersionId: scheme.schemeVersionId, indicatorCode: slot.indicatorCode, subKey: slot.subKey });
  return (
    <section aria-labelledby={`board-${scheme.schemeVersionId}`} className="space-y-2" data-scheme={scheme.label}>
      <h2 id={`board-${scheme.schemeVersionId}`} className="font-semibold">{scheme.name}（{scheme.label}，用于{scheme.kinds.join("、")}）</h2>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table}>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>指标</th>
              <th scope="col" className={ui.th}>报送方式</th>
              <th scope="col" className={ui.th}>方案默认来源</th>
              <th scope="col" className={ui.th}>已分配的信源单位</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {scheme.slots.map((slot) => {
              const key = `${slot.indicatorCode}/${slot.subKey}`;
              const problem = problemOf(slot);
              const free = sources.filter((s) => !slot.assigned.some((a) => a.sourceOrgId === s.id));
              return (
                <tr key={key} data-slot={key} className={problem ? "bg-amber-50" : ""}>
                  <td className={ui.td}>
                    <span className="block text-xs text-slate-500">{slot.categoryName} · {slot.indicatorCode}{slot.subKey ? `/${slot.subKey}` : ""}</span>
                    <span className="font-medium">{slot.name}</span>
                    {problem ? <span className="mt-1 block text-xs font-medium text-amber-900">{problem}</span> : null}
                  </td>
                  <td className={`${ui.td} text-xs`}>{slot.mode === "records" ? "逐条记录（多个来源合并）" : "单一数值（一个牵头单位）"}</td>
                  <td className={`${ui.td} text-xs`}>{slot.defaults.join("、") || "—"}</td>
                  <td className={ui.td}>
                    <ul className="space-y-1">
                      {slot.assigned.map((a) => (
                        <li key={a.sourceOrgId} className="flex flex-wrap items-center gap-2">
                          <span className={a.usable ? "" : "text-red-700 line-through"}>{a.name}</span>
                          {a.lead ? <span className="rounded bg-brand-100 px-1.5 text-xs text-brand-800">牵头</span> : null}
                          {!a.usable ? <span className="text-xs text-red-700">已停用</span> : null}
                          {locked ? null : (
                            <>
                              {slot.mode === "value" && !a.lead ? (
                                <CycleActionForm action={action} hidden={{ ...slotHidden(slot), sourceOrgId: a.sourceOrgId, op: "lead" }} label="设为牵头" ariaLabel={`将${a.name}设为“${slot.name}”的牵头单位`} tone="link" quiet className="inline" />
                              ) : null}
                              <CycleActionForm action={action} hidden={{ ...slotHidden(slot), sourceOrgId: a.sourceOrgId, op: "remove" }} label="移除" ariaLabel={`从“${slot.name}”移除${a.name}`} tone="link" quiet className="inline" />
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                    {locked ? null : adding === key ? (
                      <CycleActionForm action={action} hidden={{ ...slotHidden(slot), op: "add" }} label="添加" quiet className="mt-2 flex flex-wrap items-end gap-2">
                        <label className="text-sm">
                          信源单位
                          <select name="sourceOrgId" className={ui.input} required>
                            {free.map((s) => <option key={s.id} value={s.id}>{s.shortName ?? s.name}</option>)}
                          </select>
                        </label>
                        <button type="button" className={ui.btnSecondary} onClick={() => setAdding(null)}>完成</button>
                      </CycleActionForm>
                    ) : (
                      <button type="button" className="mt-1 text-sm text-brand-700 underline" onClick={() => setAdding(key)} aria-label={`为“${slot.name}”添加信源单位`}>
                        + 添加信源单位
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

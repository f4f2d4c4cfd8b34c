import { useState } from "react";
import { ui } from "@/components/ui/styles";
import type { PlanAction, UnitListCheckOutcome } from "@/lib/orgs/import/types";

type Preview = Extract<UnitListCheckOutcome, { status: "preview" }>;

const ACTION: Record<PlanAction, { label: string; className: string }> = {
  create: { label: "新建", className: "bg-green-100 text-green-800" },
  update: { label: "更新", className: "bg-amber-100 text-amber-900" },
  unchanged: { label: "无变化", className: "bg-slate-100 text-slate-600" },
};

type Props = { outcome: Preview; pending: boolean; onApply: (createAccounts: boolean) => void };

/** What the import will create and change, as the hierarchy of the file; then the one button that applies it. */
export function PlanPreview({ outcome, pending, onApply }: Props) {
  const [createAccounts, setCreateAccounts] = useState(false);
  const { counts } = outcome;
  const nothingToDo = counts.create + counts.update === 0;
  return (
    <section aria-labelledby="preview-title" className="space-y-3">
      <div role="status" className={ui.alertOk}>
        <h2 id="preview-title" className="font-semibold">检查通过：共 {outcome.rows} 行单位，没有发现问题</h2>
        <p className="mt-1">
          导入后将新建 <strong>{counts.create}</strong> 个单位，更新 <strong>{counts.update}</strong> 个，<strong>{counts.unchanged}</strong> 个无变化（按统一社会信用代码匹配已有单位）。
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} aria-label="导入预览">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>单位名称（按层级）</th>
              <th scope="col" className={ui.th}>统一社会信用代码</th>
              <th scope="col" className={ui.th}>类别</th>
              <th scope="col" className={ui.th}>上级单位</th>
              <th scope="col" className={ui.th}>操作</th>
              <th scope="col" className={ui.th}>变化</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {outcome.items.map((item) => (
              <tr key={item.row} data-row={item.row}>
                <td className={ui.td}>
                  <span style={{ paddingLeft: `${item.depth * 1.5}rem` }} className="inline-block">
                    {item.depth > 0 ? <span aria-hidden="true" className="mr-1 text-slate-400">└</span> : null}
                    {item.name}
                  </span>
                </td>
                <td className={`${ui.td} font-mono text-xs`}>{item.uscc}</td>
                <td className={ui.td}>{item.kindLabel}</td>
                <td className={ui.td}>{item.parentName ?? "—"}</td>
                <td className={ui.td}>
                  <span className={`rounded px-2 py-0.5 text-xs ${ACTION[item.action].className}`}>{ACTION[item.action].label}</span>
                </td>
                <td className={`${ui.td} text-xs`}>
                  {item.changes.map((c) => (
                    <div key={c.label}>
                      {c.label}：<del className="text-slate-500">{c.before ?? "（空）"}</del> → {c.after ?? "（空）"}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome.omitted > 0 ? <p className="text-sm text-slate-600">另有 {outcome.omitted} 行未在预览中列出，导入时一并处理。</p> : null}
      <div className={`${ui.card} flex flex-wrap items-center justify-between gap-3`}>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={createAccounts} disabled={counts.create === 0} onChange={(e) => setCreateAccounts(e.target.checked)} />
          为新单位创建登录账户（每个新单位一个“受评单位”账户，初始密码只提供一次下载）
        </label>
        <button type="button" className={ui.btnPrimary} disabled={pending || nothingToDo} onClick={() => onApply(createAccounts && counts.create > 0)}>
          {pending ? "正在导入…" : nothingToDo ? "名单与系统一致，无需导入" : "应用导入"}
        </button>
      </div>
    </section>
  );
}

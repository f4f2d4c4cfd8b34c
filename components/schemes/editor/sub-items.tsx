"use client";

import { ui } from "@/components/ui/styles";
import type { Indicator } from "@/lib/scoring";
import { subItemMaxTotal, type EditorAction, type IndicatorAt } from "@/lib/schemes/editor-state";
import { NumberField, RowButton, TextAreaField, TextField } from "./fields";
import { problemsUnder, useProblems } from "./problems-context";
import { RuleEditor } from "./rule-editor";

type Props = { indicator: Indicator; at: IndicatorAt; path: string; dispatch: (action: EditorAction) => void };

/** The sub-items of a composite indicator, each with its own key, name, maximum and rule form. */
export function SubItems({ indicator, at, path, dispatch }: Props) {
  const items = indicator.items ?? [];
  const { errors } = useProblems();
  const listErrors = errors.get(`${path}.items`) ?? [];
  const total = subItemMaxTotal(indicator);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        子项满分合计 <strong>{total}</strong> 分（指标满分 {Number.isFinite(indicator.max) ? indicator.max : "—"} 分；合计不得低于指标满分，得分合计超过指标满分的按满分计）
      </p>
      {listErrors.length > 0 ? <p className={ui.alertError}>{listErrors.join("；")}</p> : null}
      {items.map((item, s) => {
        const itemPath = `${path}.items[${s}]`;
        const legend = `子项${s + 1}：${item.name}`;
        const itemErrors = problemsUnder(errors, itemPath).length;
        return (
          <fieldset key={s} className="space-y-3 rounded-md border border-slate-300 bg-white p-3">
            <legend className="px-1 text-sm font-semibold">
              {legend}
              {itemErrors > 0 ? <span className="ml-2 text-xs font-normal text-red-700">{itemErrors}个错误</span> : null}
            </legend>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField label="子项名称" path={`${itemPath}.name`} value={item.name} onChange={(name) => dispatch({ type: "subItem", at, s, patch: { name } })} />
              <TextField label="子项键" hint="字母开头，数据中使用" path={`${itemPath}.key`} value={item.key} onChange={(key) => dispatch({ type: "subItem", at, s, patch: { key } })} />
              <NumberField label="子项满分" path={`${itemPath}.max`} value={item.max} onChange={(max) => dispatch({ type: "subItem", at, s, patch: { max: max ?? Number.NaN } })} />
            </div>
            <TextAreaField label="子项评价内容（可选）" path={`${itemPath}.content`} value={item.content} onChange={(content) => dispatch({ type: "subItem", at, s, patch: { content: content === "" ? undefined : content } })} />
            <RuleEditor
              rule={item.rule}
              max={item.max}
              path={`${itemPath}.rule`}
              onChange={(rule) => dispatch({ type: "rule", at: { ...at, s }, rule })}
              onKind={(kind) => dispatch({ type: "ruleKind", at: { ...at, s }, kind })}
            />
            <div className="flex gap-1">
              <RowButton label={`上移${legend}`} text="上移" disabled={s === 0} onClick={() => dispatch({ type: "moveSubItem", at, s, by: -1 })} />
              <RowButton label={`下移${legend}`} text="下移" disabled={s === items.length - 1} onClick={() => dispatch({ type: "moveSubItem", at, s, by: 1 })} />
              <RowButton label={`删除${legend}`} text="删除子项" disabled={items.length === 1} onClick={() => dispatch({ type: "removeSubItem", at, s })} />
            </div>
          </fieldset>
        );
      })}
      <button type="button" className={ui.btnSecondary} onClick={() => dispatch({ type: "addSubItem", at })}>
        添加子项
      </button>
    </div>
  );
}

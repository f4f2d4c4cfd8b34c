"use client";

import { ui } from "@/components/ui/styles";
import type { Indicator, SchemeDocument } from "@/lib/scoring";
import type { EditorAction, IndicatorAt, IndicatorPatch } from "@/lib/schemes/editor-state";
import { NumberField, RowButton, TextAreaField, TextField } from "./fields";
import { problemsUnder, useProblems } from "./problems-context";
import { RuleEditor } from "./rule-editor";
import { RulePreview } from "./rule-preview";
import type { StoredFact } from "./sample-facts";
import { SourcesPicker } from "./sources-picker";
import { SubItems } from "./sub-items";

type Props = {
  indicator: Indicator;
  at: IndicatorAt;
  count: number;
  categoryName: string;
  notApplicable: SchemeDocument["notApplicable"];
  sourceOptions: readonly string[];
  stored: StoredFact | undefined;
  onStored: (stored: StoredFact) => void;
  dispatch: (action: EditorAction) => void;
};

const optional = (text: string) => (text === "" ? undefined : text);

/** One indicator: its fields, default sources, its rule or sub-items, and the live preview beside them. */
export function IndicatorForm({ indicator, at, count, categoryName, notApplicable, sourceOptions, stored, onStored, dispatch }: Props) {
  const path = `categories[${at.c}].indicators[${at.i}]`;
  const { errors } = useProblems();
  const composite = indicator.items !== undefined;
  const set = (patch: IndicatorPatch) => dispatch({ type: "indicator", at, patch });
  const blocked = problemsUnder(errors, path).length > 0;
  const switchTo = (toComposite: boolean) => {
    if (toComposite === composite) return;
    if (toComposite) return dispatch({ type: "toComposite", at });
    const many = (indicator.items?.length ?? 0) > 1;
    if (!many || window.confirm("改为单一规则后只保留第一个子项的规则，其余子项将被删除。是否继续？")) dispatch({ type: "toSingleRule", at });
  };
  return (
    <section aria-labelledby="indicator-heading" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-xs text-slate-500">{categoryName} · 二级指标</p>
          <h2 id="indicator-heading" className="text-lg font-semibold">
            {indicator.code} {indicator.name}
          </h2>
        </div>
        <div className="flex gap-1">
          <RowButton label="上移该指标" text="上移" disabled={at.i === 0} onClick={() => dispatch({ type: "moveIndicator", at, by: -1 })} />
          <RowButton label="下移该指标" text="下移" disabled={at.i === count - 1} onClick={() => dispatch({ type: "moveIndicator", at, by: 1 })} />
          <RowButton
            label="删除该指标"
            text="删除指标"
            onClick={() => {
              if (window.confirm(`删除指标“${indicator.code} ${indicator.name}”？`)) dispatch({ type: "removeIndicator", at });
            }}
          />
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-4">
        <TextField label="指标代码" hint="如 LAW.EXAM，方案内唯一" path={`${path}.code`} value={indicator.code} onChange={(code) => set({ code })} />
        <TextField className="md:col-span-2" label="指标名称" path={`${path}.name`} value={indicator.name} onChange={(name) => set({ name })} />
        <NumberField label="满分" path={`${path}.max`} value={indicator.max} onChange={(max) => set({ max: max ?? Number.NaN })} />
      </div>
      <TextAreaField label="主要评价内容" rows={3} path={`${path}.content`} value={indicator.content} onChange={(content) => set({ content: optional(content) })} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextAreaField label="佐证材料说明" path={`${path}.evidence`} value={indicator.evidence} onChange={(evidence) => set({ evidence: optional(evidence) })} />
        <TextAreaField label="填报说明" path={`${path}.note`} value={indicator.note} onChange={(note) => set({ note: optional(note) })} />
      </div>
      <SourcesPicker path={`${path}.sources`} value={indicator.sources ?? []} options={sourceOptions} onChange={(sources) => set({ sources })} />
      <fieldset>
        <legend className="block text-sm font-medium text-slate-700">计分方式</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="indicator-structure" checked={!composite} onChange={() => switchTo(false)} />
            单一规则
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="indicator-structure" checked={composite} onChange={() => switchTo(true)} />
            组合指标（由子项分别计分后相加）
          </label>
        </div>
      </fieldset>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div>
          {composite ? (
            <SubItems indicator={indicator} at={at} path={path} dispatch={dispatch} />
          ) : indicator.rule !== undefined ? (
            <RuleEditor
              rule={indicator.rule}
              max={indicator.max}
              path={`${path}.rule`}
              onChange={(rule) => dispatch({ type: "rule", at, rule })}
              onKind={(kind) => dispatch({ type: "ruleKind", at, kind })}
            />
          ) : (
            <button type="button" className={ui.btnSecondary} onClick={() => dispatch({ type: "ruleKind", at, kind: "deduction" })}>
              设置计分规则
            </button>
          )}
        </div>
        <div className="xl:sticky xl:top-4">
          <RulePreview indicator={indicator} notApplicable={notApplicable} stored={stored} onChange={onStored} blocked={blocked} />
        </div>
      </div>
    </section>
  );
}

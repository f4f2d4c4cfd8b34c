"use client";

import type { RuleKind, RuleOf } from "@/lib/scoring";
import { CheckboxField, NumberField, SelectField, TextField } from "./fields";
import { optionalText, patched } from "./rule-kinds";

/** The forms of the rule kinds whose parameters are plain fields. */

export type RuleFormProps<K extends RuleKind> = { rule: RuleOf<K>; path: string; max: number; onChange: (rule: RuleOf<K>) => void };

const grid = "grid gap-3 sm:grid-cols-2";

export function BinaryForm({ rule, path, onChange }: RuleFormProps<"binary">) {
  return (
    <div className={grid}>
      <TextField className="sm:col-span-2" label="判断事项" hint="如：债务未超警戒线" path={`${path}.question`} value={rule.question} onChange={(question) => onChange(patched(rule, { question }))} />
      <NumberField label="达到时得分" hint="留空则得满分" optional path={`${path}.points`} value={rule.points} onChange={(points) => onChange(patched(rule, { points }))} />
    </div>
  );
}

export function VetoForm({ rule, path, onChange }: RuleFormProps<"veto">) {
  return (
    <TextField label="否决事项（可选）" hint="如：被列为失信被执行人；发生1次及以上即得0分" path={`${path}.event`} value={rule.event} onChange={(event) => onChange(patched(rule, { event: optionalText(event) }))} />
  );
}

export function RatioForm({ rule, path, onChange }: RuleFormProps<"ratio">) {
  return (
    <div className={grid}>
      <TextField label="比率名称（可选）" hint="如：办结率" path={`${path}.label`} value={rule.label} onChange={(label) => onChange(patched(rule, { label: optionalText(label) }))} />
      <SelectField
        label="计分方式"
        path={`${path}.mode`}
        value={rule.mode ?? "proportional"}
        options={[
          { value: "proportional", label: "按比例（满分×比率÷满分线）" },
          { value: "linear", label: "线性（零分线到满分线之间）" },
        ]}
        onChange={(mode) => onChange(patched(rule, { mode }))}
      />
      <NumberField label="满分线（0–1）" hint="留空为1；达到即得满分" optional path={`${path}.fullAt`} value={rule.fullAt} onChange={(fullAt) => onChange(patched(rule, { fullAt }))} />
      <NumberField label="零分线（0–1）" hint="留空为0；低于即得0分" optional path={`${path}.zeroBelow`} value={rule.zeroBelow} onChange={(zeroBelow) => onChange(patched(rule, { zeroBelow }))} />
    </div>
  );
}

export function CountForm({ rule, path, onChange }: RuleFormProps<"count">) {
  const words = { label: rule.label, unit: rule.unit };
  const setMode = (mode: "additive" | "shortfall") => {
    if (mode === rule.mode) return;
    onChange(
      patched(
        mode === "additive"
          ? { kind: "count", mode, perItem: 1, ...words }
          : { kind: "count", mode, target: 4, perMissing: 1, ...words },
        {},
      ),
    );
  };
  return (
    <div className={grid}>
      <SelectField
        label="计数方式"
        path={`${path}.mode`}
        value={rule.mode}
        options={[
          { value: "additive", label: "累加（每项得分）" },
          { value: "shortfall", label: "差额扣分（应达目标数）" },
        ]}
        onChange={setMode}
      />
      <TextField label="计数名称（可选）" hint="如：创建工作会议" path={`${path}.label`} value={rule.label} onChange={(label) => onChange(patched(rule, { label: optionalText(label) }))} />
      <TextField label="计量单位（可选）" hint="如：次、项；留空为“项”" path={`${path}.unit`} value={rule.unit} onChange={(unit) => onChange(patched(rule, { unit: optionalText(unit) }))} />
      {rule.mode === "additive" ? (
        <NumberField label="每项得分" path={`${path}.perItem`} value={rule.perItem} onChange={(perItem) => onChange(patched(rule, { perItem: perItem ?? Number.NaN }))} />
      ) : (
        <>
          <NumberField label="目标数" path={`${path}.target`} value={rule.target} onChange={(target) => onChange(patched(rule, { target: target ?? Number.NaN }))} />
          <NumberField label="每少一项扣分" path={`${path}.perMissing`} value={rule.perMissing} onChange={(perMissing) => onChange(patched(rule, { perMissing: perMissing ?? Number.NaN }))} />
        </>
      )}
    </div>
  );
}

export function StepForm({ rule, path, onChange }: RuleFormProps<"step">) {
  const set = (change: Partial<RuleOf<"step">>) => onChange(patched(rule, change));
  return (
    <div className={grid}>
      <TextField label="指标值名称（可选）" hint="如：群众满意度" path={`${path}.label`} value={rule.label} onChange={(label) => set({ label: optionalText(label) })} />
      <NumberField label="满分线" hint="达到即得满分" path={`${path}.fullAt`} value={rule.fullAt} onChange={(fullAt) => set({ fullAt: fullAt ?? Number.NaN })} />
      <NumberField label="档距" hint="每低多少算一档" path={`${path}.step`} value={rule.step} onChange={(step) => set({ step: step ?? Number.NaN })} />
      <NumberField label="每档扣分" path={`${path}.perStep`} value={rule.perStep} onChange={(perStep) => set({ perStep: perStep ?? Number.NaN })} />
    </div>
  );
}

const OPS = [
  { value: "lt", label: "低于（<）" },
  { value: "lte", label: "不高于（≤）" },
  { value: "gt", label: "高于（>）" },
  { value: "gte", label: "不低于（≥）" },
] as const;

export function ThresholdForm({ rule, path, onChange }: RuleFormProps<"threshold">) {
  const set = (change: Partial<RuleOf<"threshold">>) => onChange(patched(rule, change));
  return (
    <div className={grid}>
      <TextField label="指标值名称（可选）" hint="如：信易贷入驻比例" path={`${path}.label`} value={rule.label} onChange={(label) => set({ label: optionalText(label) })} />
      <SelectField label="扣分条件" path={`${path}.op`} value={rule.op} options={OPS} onChange={(op) => set({ op })} />
      <NumberField label="阈值" path={`${path}.value`} value={rule.value} onChange={(value) => set({ value: value ?? Number.NaN })} />
      <NumberField label="满足条件时扣分" path={`${path}.points`} value={rule.points} onChange={(points) => set({ points: points ?? Number.NaN })} />
      <div className="sm:col-span-2">
        <CheckboxField label="按百分比显示数值（0.2 显示为 20.00%）" checked={rule.percent === true} onChange={(percent) => set({ percent: percent ? true : undefined })} />
      </div>
    </div>
  );
}

export function RankForm({ rule, path, onChange }: RuleFormProps<"rank">) {
  const set = (change: Partial<RuleOf<"rank">>) => onChange(patched(rule, change));
  return (
    <div className={grid}>
      <TextField label="排名依据名称（可选）" hint="如：行政诉讼败诉案件数" path={`${path}.label`} value={rule.label} onChange={(label) => set({ label: optionalText(label) })} />
      <TextField label="排名对象（可选）" hint="留空为“案件”" path={`${path}.subject`} value={rule.subject} onChange={(subject) => set({ subject: optionalText(subject) })} />
      <NumberField label="无案件得分" path={`${path}.full`} value={rule.full} onChange={(full) => set({ full: full ?? Number.NaN })} />
      <NumberField label="第一名得分" path={`${path}.top`} value={rule.top} onChange={(top) => set({ top: top ?? Number.NaN })} />
      <SelectField
        label="排序方向"
        path={`${path}.better`}
        value={rule.better}
        options={[
          { value: "lower", label: "数值越低越好" },
          { value: "higher", label: "数值越高越好" },
        ]}
        onChange={(better) => set({ better })}
      />
    </div>
  );
}

export function ManualForm({ rule, path, onChange }: RuleFormProps<"manual">) {
  return (
    <TextField label="评分说明（可选）" hint="告诉评分人员如何评定" path={`${path}.guidance`} value={rule.guidance} onChange={(guidance) => onChange(patched(rule, { guidance: optionalText(guidance) }))} />
  );
}

"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import { levelName, type DeductionItem, type RuleOf } from "@/lib/scoring";
import { segment } from "@/lib/scoring/paths";
import { key as keySchema } from "@/lib/scoring/schema-fields";
import { moveIn, uniqueName } from "@/lib/schemes/editor-state";
import { NumberField, RowButton, SelectField, TextField } from "./fields";
import { fieldId, useFieldErrors } from "./problems-context";
import { patched } from "./rule-kinds";
import type { RuleFormProps } from "./rule-forms-simple";

/** The forms of the rule kinds with rows: deduction items, tiers and award levels. */

function Row({ legend, children, onUp, onDown, onRemove, first, last, only }: {
  legend: string;
  children: React.ReactNode;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
  only: boolean;
}) {
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-medium text-slate-600">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">{children}</div>
      <div className="mt-2 flex gap-1">
        <RowButton label={`上移${legend}`} text="上移" onClick={onUp} disabled={first} />
        <RowButton label={`下移${legend}`} text="下移" onClick={onDown} disabled={last} />
        <RowButton label={`删除${legend}`} text="删除" onClick={onRemove} disabled={only} />
      </div>
    </fieldset>
  );
}

function replaced<T>(list: readonly T[], index: number, entry: T): T[] {
  return list.map((old, k) => (k === index ? entry : old));
}

export function DeductionForm({ rule, path, onChange }: RuleFormProps<"deduction">) {
  const items = rule.items;
  const setItems = (next: DeductionItem[]) => onChange({ ...rule, items: next });
  const add = () => {
    const key = uniqueName(
      items.map((item) => item.key),
      "item",
    );
    setItems([...items, { key, label: "扣分项", points: 1, per: "each" }]);
  };
  return (
    <div className="space-y-2">
      {items.map((item, k) => {
        const at = `${path}.items[${k}]`;
        const set = (change: Partial<DeductionItem>) => setItems(replaced(items, k, patched(item, change)));
        return (
          <Row key={k} legend={`扣分项${k + 1}`} first={k === 0} last={k === items.length - 1} only={items.length === 1} onUp={() => setItems(moveIn(items, k, -1))} onDown={() => setItems(moveIn(items, k, 1))} onRemove={() => setItems(items.filter((_, j) => j !== k))}>
            <TextField label="扣分项名称" hint="如：考核扣分项" path={`${at}.label`} value={item.label} onChange={(label) => set({ label })} />
            <TextField label="键（数据中使用）" hint="字母开头，如 items" path={`${at}.key`} value={item.key} onChange={(key) => set({ key })} />
            <NumberField label="每项扣分" path={`${at}.points`} value={item.points} onChange={(points) => set({ points: points ?? Number.NaN })} />
            <SelectField
              label="扣分方式"
              path={`${at}.per`}
              value={item.per ?? "each"}
              options={[
                { value: "each", label: "每发生一项扣一次" },
                { value: "once", label: "发生即扣一次" },
              ]}
              onChange={(per) => set({ per })}
            />
            <NumberField label="该项最多扣分（可选）" hint="留空不设上限" optional path={`${at}.cap`} value={item.cap} onChange={(cap) => set({ cap })} />
          </Row>
        );
      })}
      <button type="button" className={ui.btnSecondary} onClick={add}>
        添加扣分项
      </button>
    </div>
  );
}

export function TieredForm({ rule, path, onChange }: RuleFormProps<"tiered">) {
  const tiers = rule.tiers;
  const setTiers = (next: RuleOf<"tiered">["tiers"]) => onChange({ ...rule, tiers: next });
  return (
    <div className="space-y-2">
      {tiers.map((tier, k) => (
        <Row key={k} legend={`等次${k + 1}`} first={k === 0} last={k === tiers.length - 1} only={tiers.length === 1} onUp={() => setTiers(moveIn(tiers, k, -1))} onDown={() => setTiers(moveIn(tiers, k, 1))} onRemove={() => setTiers(tiers.filter((_, j) => j !== k))}>
          <TextField label="等次名称" hint="如：优秀" path={`${path}.tiers[${k}].label`} value={tier.label} onChange={(label) => setTiers(replaced(tiers, k, { ...tier, label }))} />
          <NumberField label="得分" path={`${path}.tiers[${k}].points`} value={tier.points} onChange={(points) => setTiers(replaced(tiers, k, { ...tier, points: points ?? Number.NaN }))} />
        </Row>
      ))}
      <button type="button" className={ui.btnSecondary} onClick={() => setTiers([...tiers, { label: `等次${tiers.length + 1}`, points: 0 }])}>
        添加等次
      </button>
    </div>
  );
}

type Level = [key: string, points: number];

function LevelRow({ level, index, levels, path, setLevels }: { level: Level; index: number; levels: Level[]; path: string; setLevels: (next: Level[]) => void }) {
  const [key, points] = level;
  const [typed, setTyped] = useState(key);
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    setTyped(key);
  }
  const at = `${path}.levels${segment(key)}`;
  const rowErrors = useFieldErrors(at);
  const duplicate = typed !== key && levels.some(([other], j) => j !== index && other === typed);
  const keyCheck = keySchema("奖励级别").safeParse(typed);
  const keyErrors = [...(duplicate ? [`奖励级别“${typed}”重复`] : []), ...(keyCheck.success ? [] : keyCheck.error.issues.map((issue) => issue.message))];
  const legend = `奖励级别${index + 1}`;
  return (
    <Row legend={legend} first={index === 0} last={index === levels.length - 1} only={levels.length === 1} onUp={() => setLevels(moveIn(levels, index, -1))} onDown={() => setLevels(moveIn(levels, index, 1))} onRemove={() => setLevels(levels.filter((_, j) => j !== index))}>
      <TextField
        label="级别键"
        hint={`national 国家级、provincial 省级、municipal 市级、county 县级；显示为“${levelName(typed)}”`}
        id={fieldId(`${at}.key`)}
        errors={keyErrors}
        value={typed}
        onChange={(next) => {
          setTyped(next);
          if (!levels.some(([other], j) => j !== index && other === next)) setLevels(replaced(levels, index, [next, points]));
        }}
      />
      <NumberField label="分值" id={fieldId(at)} errors={keyCheck.success ? rowErrors : undefined} value={points} onChange={(next) => setLevels(replaced(levels, index, [key, next ?? Number.NaN]))} />
    </Row>
  );
}

export function AwardForm({ rule, path, onChange }: RuleFormProps<"award">) {
  const levels = Object.entries(rule.levels);
  const setLevels = (next: Level[]) => onChange({ ...rule, levels: Object.fromEntries(next) });
  const add = () => setLevels([...levels, [uniqueName(levels.map(([key]) => key), "level"), 0]]);
  return (
    <div className="space-y-2">
      {levels.map((level, k) => (
        <LevelRow key={k} level={level} index={k} levels={levels} path={path} setLevels={setLevels} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <button type="button" className={ui.btnSecondary} onClick={add}>
          添加奖励级别
        </button>
        <SelectField
          className="min-w-56"
          label="多项奖励"
          path={`${path}.combine`}
          value={rule.combine ?? "max"}
          options={[
            { value: "max", label: "按最高一项计分" },
            { value: "sum", label: "累加计分" },
          ]}
          onChange={(combine) => onChange(patched(rule, { combine }))}
        />
      </div>
    </div>
  );
}

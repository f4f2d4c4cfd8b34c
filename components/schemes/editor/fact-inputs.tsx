"use client";

import { z } from "zod";
import { factSchemaFor, levelName, NOT_APPLICABLE, ruleSchema, type Indicator, type Rule } from "@/lib/scoring";
import { formatPath } from "@/lib/scoring/paths";
import { CheckboxField, NumberField, SelectField, TextField } from "./fields";

/*
 * Inputs for the facts of one indicator, per rule kind, checked with the engine's own fact
 * schemas (factSchemaFor) so each input shows the engine's message for what it holds.
 */

const zhCN = z.locales.zhCN();
type Errors = Map<string, string[]>;

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function numberOf(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** The engine's fact problems of one rule, by path within the indicator's facts. */
function factErrors(rule: Rule, max: number, value: unknown, base: PropertyKey[], into: Errors): void {
  if (!Number.isFinite(max) || !ruleSchema.safeParse(rule).success) return;
  const parsed = factSchemaFor(rule, max).safeParse(value, { error: zhCN.localeError });
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const path = formatPath([...base, ...issue.path]);
    into.set(path, [...(into.get(path) ?? []), issue.message]);
  }
}

/** Every fact problem of an indicator's facts ("N/A" has none), keyed by path ("" for the whole). */
export function indicatorFactErrors(indicator: Indicator, value: unknown): Errors {
  const errors: Errors = new Map();
  if (value === NOT_APPLICABLE) return errors;
  if (indicator.items === undefined) {
    if (indicator.rule !== undefined) factErrors(indicator.rule, indicator.max, value, [], errors);
    return errors;
  }
  const items = record(record(value).items);
  for (const item of indicator.items) factErrors(item.rule, item.max, items[item.key], ["items", item.key], errors);
  return errors;
}

type RuleFactProps = { rule: Rule; max: number; value: unknown; onChange: (value: unknown) => void; id: string; at: string; errors: Errors; srPrefix?: string };

function at(base: string, ...segments: PropertyKey[]): string {
  const tail = formatPath(segments);
  return base === "" ? tail : `${base}.${tail}`;
}

/** The inputs of one rule's facts; `at` is their path within the indicator's facts. */
export function RuleFactInput(props: RuleFactProps) {
  const { rule, max, value, onChange, id, errors, srPrefix } = props;
  const fact = record(value);
  const field = (...segments: PropertyKey[]) => {
    const path = at(props.at, ...segments);
    return { id: `${id}-${segments.join("-")}`, errors: errors.get(path), srPrefix };
  };
  const number = (name: string, label: string, hint?: string) => (
    <NumberField {...field(name)} label={label} hint={hint} value={numberOf(fact[name])} onChange={(n) => onChange({ ...fact, [name]: n ?? Number.NaN })} />
  );
  switch (rule.kind) {
    case "binary":
      return (
        <SelectField {...field("met")} label={rule.question || "是否达到"} value={fact.met === true ? "yes" : fact.met === false ? "no" : undefined}
          options={[{ value: "yes", label: "是" }, { value: "no", label: "否" }]} onChange={(met) => onChange({ met: met === "yes" })} />
      );
    case "veto":
      return number("count", `${rule.event ?? "否决事项"}（次数）`);
    case "count":
      return number("count", `${rule.label ?? "数量"}（${rule.unit ?? "项"}）`);
    case "ratio":
      return number("value", `${rule.label ?? "比率"}（0–1）`, "以小数填报，85%填0.85");
    case "step":
    case "threshold":
      return number("value", rule.label ?? "指标值");
    case "deduction": {
      const counts = record(fact.counts);
      return (
        <div className="space-y-2">
          {rule.items.map((item) => (
            <NumberField key={item.key} {...field("counts", item.key)} label={`${item.label}（项数）`} value={numberOf(counts[item.key])}
              onChange={(n) => onChange({ counts: { ...counts, [item.key]: n ?? Number.NaN } })} />
          ))}
        </div>
      );
    }
    case "tiered":
      return (
        <SelectField {...field("tier")} label="等次" value={typeof fact.tier === "string" ? fact.tier : undefined}
          options={rule.tiers.map((tier) => ({ value: tier.label, label: tier.label }))} onChange={(tier) => onChange({ tier })} />
      );
    case "award": {
      const awards = Array.isArray(fact.awards) ? fact.awards.filter((a): a is string => typeof a === "string") : [];
      const levels = Object.keys(rule.levels);
      const setCount = (level: string, n: number | undefined) =>
        onChange({ awards: levels.flatMap((l) => Array<string>(l === level ? Math.max(0, Math.min(n ?? 0, 20) | 0) : awards.filter((a) => a === l).length).fill(l)) });
      return (
        <div className="space-y-2">
          {levels.map((level) => (
            <NumberField key={level} {...field("awards", level)} errors={errors.get(at(props.at, "awards"))} label={`获${levelName(level)}奖励（项数）`}
              value={awards.filter((a) => a === level).length} onChange={(n) => setCount(level, n)} />
          ))}
        </div>
      );
    }
    case "rank": {
      const none = fact.value === null;
      return (
        <div className="space-y-2">
          <CheckboxField id={`${id}-none`} srPrefix={srPrefix} label={`无${rule.subject ?? "案件"}`} checked={none} onChange={(checked) => onChange({ value: checked ? null : 0 })} />
          {none ? null : number("value", rule.label ?? "数值")}
        </div>
      );
    }
    case "manual":
      return (
        <div className="space-y-2">
          {number("score", `评定得分（0–${max}）`)}
          <TextField {...field("note")} label="评分说明" value={typeof fact.note === "string" ? fact.note : ""} onChange={(note) => onChange({ ...fact, note })} />
        </div>
      );
  }
}

type IndicatorFactProps = { indicator: Indicator; value: unknown; onChange: (value: unknown) => void; id: string; srPrefix?: string };

/** The facts of a whole indicator: 不涉及 (N/A), the rule's facts, or each sub-item's facts. */
export function IndicatorFactInput({ indicator, value, onChange, id, srPrefix }: IndicatorFactProps) {
  const notApplicable = value === NOT_APPLICABLE;
  const errors = indicatorFactErrors(indicator, value);
  const whole = errors.get("");
  let body: React.ReactNode = null;
  if (!notApplicable && indicator.items !== undefined) {
    const items = record(record(value).items);
    body = indicator.items.map((item) => (
      <fieldset key={item.key} className="rounded border border-slate-200 p-2">
        <legend className="px-1 text-xs font-medium text-slate-600">{item.name || item.key}</legend>
        <RuleFactInput rule={item.rule} max={item.max} value={items[item.key]} id={`${id}-${item.key}`} at={formatPath(["items", item.key])} errors={errors} srPrefix={srPrefix}
          onChange={(fact) => onChange({ items: { ...items, [item.key]: fact } })} />
      </fieldset>
    ));
  } else if (!notApplicable && indicator.rule !== undefined) {
    body = <RuleFactInput rule={indicator.rule} max={indicator.max} value={value} id={id} at="" errors={errors} srPrefix={srPrefix} onChange={onChange} />;
  }
  return (
    <div className="space-y-2">
      <CheckboxField id={`${id}-na`} srPrefix={srPrefix} label="不涉及（N/A）" checked={notApplicable} onChange={(checked) => onChange(checked ? NOT_APPLICABLE : undefined)} />
      {body}
      {whole ? <p className="text-sm text-red-700">{whole.join("；")}</p> : null}
    </div>
  );
}

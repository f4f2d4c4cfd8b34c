"use client";

import { ruleSchema, ruleToText, type Rule, type RuleKind } from "@/lib/scoring";
import { SelectField } from "./fields";
import { problemsUnder, useProblems } from "./problems-context";
import { AwardForm, DeductionForm, TieredForm } from "./rule-forms-lists";
import { BinaryForm, CountForm, ManualForm, RankForm, RatioForm, StepForm, ThresholdForm, VetoForm } from "./rule-forms-simple";
import { FIELD_PATHS, RULE_KIND_OPTIONS } from "./rule-kinds";

type Props = {
  rule: Rule;
  max: number;
  /** JSON path of the rule in the draft, e.g. categories[0].indicators[0].rule */
  path: string;
  onChange: (rule: Rule) => void;
  onKind: (kind: RuleKind) => void;
};

function KindForm({ rule, max, path, onChange }: Omit<Props, "onKind">) {
  switch (rule.kind) {
    case "binary":
      return <BinaryForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "veto":
      return <VetoForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "deduction":
      return <DeductionForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "tiered":
      return <TieredForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "ratio":
      return <RatioForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "count":
      return <CountForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "award":
      return <AwardForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "step":
      return <StepForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "threshold":
      return <ThresholdForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "rank":
      return <RankForm rule={rule} max={max} path={path} onChange={onChange} />;
    case "manual":
      return <ManualForm rule={rule} max={max} path={path} onChange={onChange} />;
  }
}

/**
 * The form of one rule: its kind, the kind's parameters (each field validated as it is typed by
 * the engine's schemas through validateScheme), the rule in words (ruleToText), and the rule's
 * other problems and warnings.
 */
export function RuleEditor({ rule, max, path, onChange, onKind }: Props) {
  const { errors, warnings } = useProblems();
  const pattern = FIELD_PATHS[rule.kind];
  const others = problemsUnder(errors, path, (relative) => relative === ".kind" || pattern.test(relative));
  const ruleWarnings = problemsUnder(warnings, path);
  const parsed = ruleSchema.safeParse(rule);
  const words = parsed.success && Number.isFinite(max) && max > 0 ? ruleToText(parsed.data, max) : null;
  return (
    <div className="space-y-3">
      <SelectField label="计分规则类型" path={`${path}.kind`} value={rule.kind} options={RULE_KIND_OPTIONS} onChange={onKind} />
      <KindForm rule={rule} max={max} path={path} onChange={onChange} />
      {others.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-700">
          {others.map((message, k) => (
            <li key={k}>{message}</li>
          ))}
        </ul>
      ) : null}
      {ruleWarnings.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-amber-800">
          {ruleWarnings.map((message, k) => (
            <li key={k}>提示：{message}</li>
          ))}
        </ul>
      ) : null}
      <p className="rounded-md bg-slate-100 px-3 py-2 text-sm" data-testid="rule-text">
        <span className="font-medium">规则说明：</span>
        {words ?? "规则填写完整、无误后显示文字说明"}
      </p>
    </div>
  );
}

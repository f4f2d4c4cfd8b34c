import type { Change, IndicatorSummary, SchemeComparison, TextChanges } from "@/lib/scoring";
import { gradesText, NOT_APPLICABLE_LABELS, unitKindsText } from "./labels";

const FIELD_LABELS: Record<keyof TextChanges, string> = {
  name: "名称",
  max: "分值",
  rule: "评分规则",
  content: "主要评价内容",
  sources: "数据来源",
  evidence: "佐证材料",
  note: "说明",
};

const none = <span className="text-slate-400">（无）</span>;

function show(value: unknown) {
  if (value === undefined || value === null || value === "") return none;
  if (Array.isArray(value)) return value.length === 0 ? none : value.join("、");
  return String(value);
}

function OldNew({ label, oldValue, newValue }: { label: string; oldValue: React.ReactNode; newValue: React.ReactNode }) {
  return (
    <div className="grid gap-2 border-t border-slate-100 py-2 text-sm sm:grid-cols-[8rem_1fr_1fr]" data-field={label}>
      <div className="font-medium text-slate-700">{label}</div>
      <div className="rounded bg-red-50 px-2 py-1 text-red-900">
        <span className="sr-only">原：</span>
        {oldValue}
      </div>
      <div className="rounded bg-green-50 px-2 py-1 text-green-900">
        <span className="sr-only">新：</span>
        {newValue}
      </div>
    </div>
  );
}

function FieldChanges({ changes }: { changes: TextChanges }) {
  return (
    <>
      {(Object.keys(FIELD_LABELS) as (keyof TextChanges)[]).map((field) => {
        const change = changes[field];
        if (!change) return null;
        const suffix = field === "max" ? "分" : "";
        return <OldNew key={field} label={FIELD_LABELS[field]} oldValue={<>{show(change.old)}{suffix}</>} newValue={<>{show(change.new)}{suffix}</>} />;
      })}
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">
        {title}（{count}）
      </h2>
      {children}
    </section>
  );
}

function SummaryCard({ indicator, tone }: { indicator: IndicatorSummary; tone: "added" | "removed" }) {
  const colours = tone === "added" ? "ring-green-200 bg-green-50/40" : "ring-red-200 bg-red-50/40";
  return (
    <article className={`rounded-lg p-4 text-sm ring-1 ${colours}`} data-indicator={indicator.code}>
      <h3 className="font-semibold">
        {indicator.name} <span className="font-mono text-xs text-slate-500">{indicator.code}</span> · {indicator.max}分
        <span className="ml-2 text-xs font-normal text-slate-600">（{indicator.category.name}）</span>
      </h3>
      <p className="mt-1">{indicator.rule}</p>
      {indicator.items ? (
        <ul className="mt-1 list-disc pl-5">
          {indicator.items.map((item) => (
            <li key={item.key}>
              {item.name}（{item.max}分）：{item.rule}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

function schemeFields(scheme: SchemeComparison["scheme"]): [string, Change<unknown>, (v: unknown) => React.ReactNode][] {
  const rows: [string, Change<unknown> | undefined, (v: unknown) => React.ReactNode][] = [
    ["方案名称", scheme.name, show],
    ["方案说明", scheme.description, show],
    ["解释说明", scheme.notes, (v) => (Array.isArray(v) && v.length > 0 ? <ul className="list-disc pl-4">{v.map((n) => <li key={String(n)}>{String(n)}</li>)}</ul> : none)],
    ["适用单位", scheme.unitKinds, (v) => unitKindsText(v as Parameters<typeof unitKindsText>[0])],
    ["不涉及的处理", scheme.notApplicable, (v) => NOT_APPLICABLE_LABELS[v as keyof typeof NOT_APPLICABLE_LABELS]],
    ["等级划分", scheme.grades, (v) => gradesText(v as Parameters<typeof gradesText>[0])],
  ];
  return rows.filter((row): row is [string, Change<unknown>, (v: unknown) => React.ReactNode] => row[1] !== undefined);
}

/** Two versions side by side: what was added, removed and changed, old and new rule in words. */
export function CompareView({ comparison }: { comparison: SchemeComparison }) {
  if (comparison.count === 0) {
    return <p className={`rounded-md bg-green-50 px-3 py-2 text-sm text-green-800`}>两个版本的内容完全相同。</p>;
  }
  const { categories, indicators } = comparison;
  const fields = schemeFields(comparison.scheme);
  const categoryCount = categories.added.length + categories.removed.length + categories.changed.length;
  return (
    <div className="space-y-6" data-testid="comparison">
      <div className="hidden gap-2 px-1 text-xs font-semibold text-slate-600 sm:grid sm:grid-cols-[8rem_1fr_1fr]">
        <span />
        <span>原版本</span>
        <span>新版本</span>
      </div>
      <Section title="方案信息的变化" count={fields.length}>
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
          {fields.map(([label, change, render]) => (
            <OldNew key={label} label={label} oldValue={render(change.old)} newValue={render(change.new)} />
          ))}
        </div>
      </Section>
      <Section title="一级指标的变化" count={categoryCount}>
        <div className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
          {categories.added.map((c) => (
            <OldNew key={`+${c.code}`} label={`新增 ${c.code}`} oldValue={none} newValue={`${c.name}（权重${c.weight}）`} />
          ))}
          {categories.removed.map((c) => (
            <OldNew key={`-${c.code}`} label={`删除 ${c.code}`} oldValue={`${c.name}（权重${c.weight}）`} newValue={none} />
          ))}
          {categories.changed.map((c) => (
            <div key={c.code}>
              {c.changes.name ? <OldNew label={`${c.code} 名称`} oldValue={c.changes.name.old} newValue={c.changes.name.new} /> : null}
              {c.changes.weight ? <OldNew label={`${c.name} 权重`} oldValue={c.changes.weight.old} newValue={c.changes.weight.new} /> : null}
            </div>
          ))}
        </div>
      </Section>
      <Section title="修改的指标" count={indicators.changed.length}>
        {indicators.changed.map((change) => (
          <article key={change.code} className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-indicator={change.code}>
            <h3 className="font-semibold">
              {change.name} <span className="font-mono text-xs text-slate-500">{change.code}</span>
              <span className="ml-2 text-xs font-normal text-slate-600">（{change.category.name}）</span>
            </h3>
            {change.moved ? <OldNew label="所属一级指标" oldValue={change.moved.old.name} newValue={change.moved.new.name} /> : null}
            <FieldChanges changes={change.changes} />
            {change.items?.added.map((item) => (
              <OldNew key={`+${item.key}`} label={`新增子项 ${item.name}`} oldValue={none} newValue={`${item.max}分：${item.rule}`} />
            ))}
            {change.items?.removed.map((item) => (
              <OldNew key={`-${item.key}`} label={`删除子项 ${item.name}`} oldValue={`${item.max}分：${item.rule}`} newValue={none} />
            ))}
            {change.items?.changed.map((item) => (
              <div key={item.key} className="mt-2 border-l-2 border-slate-200 pl-3">
                <div className="text-sm font-medium">子项：{item.name}</div>
                <FieldChanges changes={item.changes} />
              </div>
            ))}
          </article>
        ))}
      </Section>
      <Section title="新增的指标" count={indicators.added.length}>
        {indicators.added.map((i) => <SummaryCard key={i.code} indicator={i} tone="added" />)}
      </Section>
      <Section title="删除的指标" count={indicators.removed.length}>
        {indicators.removed.map((i) => <SummaryCard key={i.code} indicator={i} tone="removed" />)}
      </Section>
    </div>
  );
}

"use client";

import { FieldError } from "@/components/ui/field-error";
import { fieldId, problemsUnder, useProblems } from "./problems-context";

type Props = {
  /** JSON path of the sources list, e.g. categories[0].indicators[0].sources */
  path: string;
  value: readonly string[];
  /** Short names of the organisations with the role "source". */
  options: readonly string[];
  onChange: (sources: string[]) => void;
};

/**
 * Default source departments as a checkbox list of the source organisations' short names.
 * Names already in the draft that are not (or no longer) such an organisation stay listed, so
 * nothing disappears unseen; unticking removes them.
 */
export function SourcesPicker({ path, value, options, onChange }: Props) {
  const { errors } = useProblems();
  const messages = problemsUnder(errors, path);
  const unknown = value.filter((name) => !options.includes(name));
  const names = [...options, ...unknown];
  const id = fieldId(path);
  const toggle = (name: string, on: boolean) => onChange(on ? [...value, name] : value.filter((v) => v !== name));
  return (
    <fieldset aria-describedby={messages.length > 0 ? `${id}-error` : undefined}>
      <legend className="block text-sm font-medium text-slate-700">默认数据来源单位</legend>
      {names.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">还没有角色为“信源单位”的单位；请先在单位管理中设置。</p>
      ) : (
        <div className="mt-1 flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {names.map((name) => (
            <label key={name} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={value.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
              {name}
              {options.includes(name) ? null : <span className="text-xs text-amber-700">（不在来源单位名单中）</span>}
            </label>
          ))}
        </div>
      )}
      <FieldError id={`${id}-error`} messages={messages} />
    </fieldset>
  );
}

"use client";

import { ui } from "@/components/ui/styles";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { UNIT_KINDS, type Grade, type SchemeDocument } from "@/lib/scoring";
import type { EditorAction } from "@/lib/schemes/editor-state";
import { NumberField, RowButton, SelectField, TextAreaField, TextField } from "./fields";
import { problemsUnder, useProblems } from "./problems-context";

type Props = { doc: SchemeDocument; dispatch: (action: EditorAction) => void };

/** The scheme as a whole: name, description, unit kinds, the not-applicable policy and the grade bands. */
export function SchemeForm({ doc, dispatch }: Props) {
  const { errors } = useProblems();
  const set = (patch: Extract<EditorAction, { type: "scheme" }>["patch"]) => dispatch({ type: "scheme", patch });
  const grades = doc.grades;
  const setGrades = (next: Grade[]) => set({ grades: next });
  const kindErrors = problemsUnder(errors, "unitKinds");
  const gradeErrors = errors.get("grades") ?? [];
  return (
    <section aria-labelledby="scheme-heading" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="scheme-heading" className="text-lg font-semibold">
        方案信息
      </h2>
      <p className="text-sm text-slate-600">
        方案代码 {doc.code}，版本 {doc.version}（由版本管理确定，不在此修改）。
      </p>
      <TextField label="方案名称" path="name" value={doc.name} onChange={(name) => set({ name })} />
      <TextAreaField label="方案说明" rows={3} path="description" value={doc.description} onChange={(description) => set({ description: description === "" ? undefined : description })} />
      <div className="grid gap-3 md:grid-cols-2">
        <fieldset>
          <legend className={ui.label}>适用单位类别</legend>
          <div className="mt-1 flex flex-wrap gap-3 text-sm">
            {UNIT_KINDS.map((kind) => (
              <label key={kind} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={doc.unitKinds.includes(kind)}
                  onChange={(e) => set({ unitKinds: e.target.checked ? [...doc.unitKinds, kind] : doc.unitKinds.filter((k) => k !== kind) })}
                />
                {UNIT_KIND_LABELS[kind]}
              </label>
            ))}
          </div>
          {kindErrors.length > 0 ? <p className="mt-1 text-sm text-red-700">{kindErrors.join("；")}</p> : null}
        </fieldset>
        <SelectField
          label="不涉及的指标"
          path="notApplicable"
          value={doc.notApplicable ?? "full_marks"}
          options={[
            { value: "full_marks", label: "按满分计（标注“不涉及”）" },
            { value: "rescale", label: "不计入，总分按适用指标折算" },
          ]}
          onChange={(notApplicable) => set({ notApplicable })}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className={ui.label}>等级（按分数线从高到低）</legend>
        {grades.map((grade, k) => (
          <div key={k} className="flex flex-wrap items-end gap-2">
            <TextField className="w-40" label={`等级${k + 1}名称`} path={`grades[${k}].label`} value={grade.label} onChange={(label) => setGrades(grades.map((g, j) => (j === k ? { ...g, label } : g)))} />
            <NumberField className="w-40" label={`等级${k + 1}分数线`} path={`grades[${k}].min`} value={grade.min} onChange={(min) => setGrades(grades.map((g, j) => (j === k ? { ...g, min: min ?? Number.NaN } : g)))} />
            <RowButton label={`删除等级${k + 1}`} text="删除" disabled={grades.length === 1} onClick={() => setGrades(grades.filter((_, j) => j !== k))} />
          </div>
        ))}
        {gradeErrors.length > 0 ? <p className="text-sm text-red-700">{gradeErrors.join("；")}</p> : null}
        <button type="button" className={ui.btnSecondary} onClick={() => setGrades([...grades, { label: `等级${grades.length + 1}`, min: 0 }])}>
          添加等级
        </button>
      </fieldset>
    </section>
  );
}

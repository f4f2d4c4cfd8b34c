"use client";

import { OrgPicker } from "@/components/orgs/org-picker";
import { ui } from "@/components/ui/styles";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/orgs/kinds";
import { CycleActionForm, type CycleAction } from "./action-form";

type Props = { enrol: CycleAction; unenrol: CycleAction; cycleId: string; version: number };

const row = "flex flex-wrap items-end gap-2";

/** Enrolment: a whole kind, a hierarchy subtree, or one unit at a time; removing a whole kind. */
export function EnrolForms({ enrol, unenrol, cycleId, version }: Props) {
  const hidden = { cycleId, expectedVersion: version };
  const kindSelect = (id: string) => (
    <label htmlFor={id} className="text-sm">
      单位类别
      <select id={id} name="kind" className={ui.input} defaultValue="municipal_department">
        {UNIT_KINDS.map((k) => <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>)}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="enrol-title" className={`${ui.card} space-y-4`} data-testid="enrol-forms">
      <h2 id="enrol-title" className="font-semibold">纳入受评单位</h2>
      <p className="text-sm text-slate-600">只纳入在用的、角色含“受评单位”的单位；已在名单中的不会重复纳入。</p>
      <div className="grid gap-4 lg:grid-cols-3">
        <CycleActionForm action={enrol} hidden={{ ...hidden, by: "kind" }} label="纳入该类别全部单位" className={`${row} content-start`} testId="enrol-kind">
          {kindSelect("enrol-kind")}
        </CycleActionForm>
        <CycleActionForm action={enrol} hidden={{ ...hidden, by: "subtree" }} label="纳入该单位及其全部下级" className={`${row} content-start`} testId="enrol-subtree">
          <OrgPicker name="rootId" label="按层级（如某县区）" initial={null} className="w-72" />
        </CycleActionForm>
        <CycleActionForm action={enrol} hidden={{ ...hidden, by: "ids" }} label="纳入" className={`${row} content-start`} testId="enrol-one">
          <OrgPicker name="ids" label="逐个添加" initial={null} className="w-72" />
        </CycleActionForm>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">按类别移出</summary>
        <CycleActionForm action={unenrol} hidden={{ ...hidden, by: "kind" }} label="移出该类别全部单位" tone="danger" className={`${row} mt-2`}>
          {kindSelect("unenrol-kind")}
        </CycleActionForm>
      </details>
    </section>
  );
}

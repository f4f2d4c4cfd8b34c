"use client";

import { useActionState, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import type { ActionResult } from "@/lib/actions/safe-action";

type OrgFormState = ActionResult<{ id: string }> | null;
import { allowedParentKind } from "@/lib/orgs/hierarchy";
import { ORG_ROLE_LABELS, ORG_ROLES, UNIT_KIND_LABELS, UNIT_KINDS, type OrgRole, type UnitKind } from "@/lib/orgs/kinds";
import type { OrganisationOption } from "@/lib/orgs/data";
import { OrgPicker } from "./org-picker";

export type OrgFormValues = {
  id?: string;
  version?: number;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  uscc: string;
  parent: OrganisationOption | null;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  roles: OrgRole[];
};

type Props = { values: OrgFormValues; action: (state: OrgFormState, data: FormData) => Promise<OrgFormState> };

const TEXT_FIELDS = [
  { name: "name", label: "单位名称", required: true },
  { name: "shortName", label: "简称（如“市司法局”，用作数据来源名称）" },
  { name: "uscc", label: "统一社会信用代码（18位）", required: true },
  { name: "legalRep", label: "法定代表人" },
  { name: "phone", label: "联系电话" },
  { name: "email", label: "电子邮箱" },
] as const;

export function OrgForm({ values, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const [kind, setKind] = useState<UnitKind>(values.kind);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const parentKind = allowedParentKind(kind);
  const field = (name: string) => ({
    id: name,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  return (
    <form onSubmit={onSubmit} className="grid max-w-3xl gap-4 md:grid-cols-2" noValidate>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {values.version ? <input type="hidden" name="expectedVersion" value={values.version} /> : null}
      {TEXT_FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className={ui.label}>
            {f.label}
            {"required" in f ? <span className="text-red-700"> *</span> : null}
          </label>
          <input {...field(f.name)} defaultValue={values[f.name] ?? ""} className={ui.input} />
          <FieldError id={`${f.name}-error`} messages={errors[f.name]} />
        </div>
      ))}
      <div>
        <label htmlFor="kind" className={ui.label}>单位类别</label>
        <select {...field("kind")} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)} className={ui.input}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
          ))}
        </select>
        <FieldError id="kind-error" messages={errors.kind} />
      </div>
      <div>
        {parentKind ? (
          <OrgPicker
            key={kind}
            name="parentId"
            label={`上级单位（${UNIT_KIND_LABELS[parentKind]}）`}
            kind={parentKind}
            initial={kind === values.kind ? values.parent : null}
            invalid={Boolean(errors.parentId)}
            describedBy="parentId-error"
          />
        ) : (
          <>
            <span className={ui.label}>上级单位</span>
            <p className="mt-1 text-sm text-slate-600">该类别是最上一级，没有上级单位。</p>
          </>
        )}
        <FieldError id="parentId-error" messages={errors.parentId} />
      </div>
      <fieldset className="md:col-span-2" aria-describedby={errors.roles ? "roles-error" : undefined}>
        <legend className={ui.label}>单位角色（可多选）</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {ORG_ROLES.map((r) => (
            <label key={r} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="roles" value={r} defaultChecked={values.roles.includes(r)} />
              {ORG_ROLE_LABELS[r]}
            </label>
          ))}
        </div>
        <FieldError id="roles-error" messages={errors.roles} />
      </fieldset>
      <div className="md:col-span-2">
        <label htmlFor="note" className={ui.label}>备注</label>
        <textarea {...field("note")} defaultValue={values.note ?? ""} rows={2} className={ui.input} />
        <FieldError id="note-error" messages={errors.note} />
      </div>
      {state && !state.ok ? <p role="alert" className={`${ui.alertError} md:col-span-2`}>{state.error}</p> : null}
      <div className="md:col-span-2">
        <button type="submit" disabled={pending} className={ui.btnPrimary}>{pending ? "正在保存…" : "保存"}</button>
      </div>
    </form>
  );
}

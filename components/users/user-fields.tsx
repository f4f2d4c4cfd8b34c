"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { USER_ROLE_LABELS, USER_ROLES, type UserRole } from "@/lib/orgs/kinds";
import type { OrganisationOption } from "@/lib/orgs/data";
import { REQUIRED_ORG_ROLE, roleFitMessage } from "@/lib/users/policy";
import { OrgPicker } from "@/components/orgs/org-picker";

const ROLE_HINTS: Record<UserRole, string> = {
  admin: "账户、角色、密码重置、工作日历与备份；不参与评分",
  office: "指标体系、评价周期、评分、报告签发与归档",
  source: "为分配的指标报送数据与佐证材料",
  unit: "查看本单位结果与报告，确认或申请复评",
  reviewer: "审阅并批准或退回评价结果",
};

export type UserFieldDefaults = {
  displayName: string;
  email: string;
  organisation: OrganisationOption | null;
  roles: UserRole[];
};

/** Name, e-mail, organisation and roles, shared by the create and edit forms. */
export function UserFields({ defaults, errors }: { defaults: UserFieldDefaults; errors: Record<string, string[]> }) {
  const [org, setOrg] = useState<OrganisationOption | null>(defaults.organisation);
  const [roles, setRoles] = useState<UserRole[]>(defaults.roles);
  const invalid = (field: string) => (errors[field] ? true : undefined);
  const describe = (field: string) => (errors[field] ? `${field}-error` : undefined);

  return (
    <>
      <div>
        <label htmlFor="displayName" className={ui.label}>姓名</label>
        <input id="displayName" name="displayName" defaultValue={defaults.displayName} maxLength={50} required aria-invalid={invalid("displayName")} aria-describedby={describe("displayName")} className={ui.input} />
        <FieldError id="displayName-error" messages={errors.displayName} />
      </div>
      <div>
        <label htmlFor="email" className={ui.label}>电子邮箱（选填，可用于登录，不得与其他账户重复）</label>
        <input id="email" name="email" type="email" defaultValue={defaults.email} maxLength={200} aria-invalid={invalid("email")} aria-describedby={describe("email")} className={ui.input} />
        <FieldError id="email-error" messages={errors.email} />
      </div>
      <div>
        <OrgPicker name="organisationId" label="所属单位" initial={defaults.organisation} onSelect={setOrg} invalid={Boolean(errors.organisationId)} describedBy={describe("organisationId")} />
        <FieldError id="organisationId-error" messages={errors.organisationId} />
      </div>
      <fieldset aria-describedby={describe("roles")}>
        <legend className={ui.label}>角色（可多选）</legend>
        {!org ? <p className="mt-1 text-xs text-slate-500">选择单位后，系统会提示角色是否与单位相符。</p> : null}
        <div className="mt-2 space-y-2">
          {USER_ROLES.map((role) => {
            const checked = roles.includes(role);
            const misfit = checked && org !== null && !org.roles.includes(REQUIRED_ORG_ROLE[role]);
            return (
              <div key={role}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="roles"
                    value={role}
                    checked={checked}
                    onChange={(event) => setRoles((rs) => (event.target.checked ? [...rs, role] : rs.filter((r) => r !== role)))}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="font-medium">{USER_ROLE_LABELS[role]}</span>
                    <span className="ml-2 text-xs text-slate-500">{ROLE_HINTS[role]}</span>
                  </span>
                </label>
                {misfit ? (
                  <p className="ml-6 mt-1 text-xs text-amber-800" role="status">
                    ⚠ {roleFitMessage(role)}，保存时将被拒绝。
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        <FieldError id="roles-error" messages={errors.roles} />
      </fieldset>
    </>
  );
}

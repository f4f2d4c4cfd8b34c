"use client";

import { useActionState, useState, type ChangeEvent } from "react";
import { importSchemeAction } from "@/app/(app)/schemes/actions";
import { ui } from "@/components/ui/styles";
import { useSubmitKeepingValues } from "@/components/ui/use-keep-values";
import { fieldErrorsToProblems } from "@/lib/schemes/problems";
import { IMPORT_MAX_BYTES } from "@/lib/schemes/schema";
import { ProblemList } from "./problem-list";

/** Upload of an integrity-scheme/v1 document; it becomes a draft, or every problem is listed. */
export function ImportForm() {
  const [state, formAction, pending] = useActionState(importSchemeAction, null);
  const onSubmit = useSubmitKeepingValues(formAction);
  const [tooLarge, setTooLarge] = useState(false);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => setTooLarge((event.target.files?.[0]?.size ?? 0) > IMPORT_MAX_BYTES);
  const refused = state && !state.ok ? state : null;
  const problems = fieldErrorsToProblems(refused?.fieldErrors).filter((p) => p.path !== "file");
  return (
    <form onSubmit={onSubmit} className={`${ui.card} max-w-3xl space-y-4`}>
      <label className={ui.label}>
        方案文档（JSON，integrity-scheme/v1 格式，不超过 1 MB）
        <input
          type="file"
          name="file"
          accept=".json,application/json"
          required
          onChange={onChange}
          className={`${ui.input} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1`}
          aria-invalid={tooLarge || Boolean(refused?.fieldErrors?.file)}
        />
      </label>
      {tooLarge ? <p role="alert" className={ui.alertError}>文件超过 1 MB，不能导入</p> : null}
      {refused ? <p role="alert" className={ui.alertError}>{refused.fieldErrors?.file?.join("；") ?? refused.error}</p> : null}
      <ProblemList title="文档中的问题" tone="error" problems={problems} testId="import-problems" />
      <button type="submit" className={ui.btnPrimary} disabled={pending || tooLarge}>
        {pending ? "正在导入…" : "导入为草稿"}
      </button>
    </form>
  );
}

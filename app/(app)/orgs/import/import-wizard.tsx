"use client";

import { useRef, useState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { UnitImportOutcome, UnitListCheckOutcome } from "@/lib/orgs/import/types";
import { applyUnitImportAction, checkUnitListAction } from "./actions";
import { ImportResult } from "./import-result";
import { PlanPreview } from "./plan-preview";
import { ProblemReport } from "./problem-report";

type Failure = { error: string; fieldErrors?: Record<string, string[]> };

const NETWORK_FAILURE = "上传失败：文件可能过大，或网络连接中断，请稍后重试";

function failureOf<T>(result: ActionResult<T>): Failure | null {
  return result.ok ? null : { error: result.error, fieldErrors: result.fieldErrors };
}

/** Upload → problems or preview → apply → result. The chosen file stays in the browser between the steps. */
export function UnitImportWizard({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<UnitListCheckOutcome | null>(null);
  const [result, setResult] = useState<UnitImportOutcome | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const inputRef = useRef<HTMLInputElement>(null);

  function restart() {
    setFile(null);
    setChecked(null);
    setResult(null);
    setFailure(null);
    if (inputRef.current) inputRef.current.value = "";
  }

  function run<T>(action: () => Promise<ActionResult<T>>, onOk: (data: T) => void) {
    setFailure(null);
    startTransition(async () => {
      try {
        const answer = await action();
        if (answer.ok) onOk(answer.data);
        else setFailure(failureOf(answer));
      } catch {
        setFailure({ error: NETWORK_FAILURE });
      }
    });
  }

  function onCheck(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(null);
    setResult(null);
    if (!file) return setFailure({ error: "请先选择文件", fieldErrors: { file: ["请选择要上传的单位名单文件"] } });
    if (file.size > maxBytes) return setFailure({ error: "文件过大", fieldErrors: { file: ["文件超过 5 MB，请拆分后分批导入"] } });
    const data = new FormData();
    data.set("file", file);
    run(() => checkUnitListAction(data), setChecked);
  }

  function onApply(createAccounts: boolean) {
    if (!file || checked?.status !== "preview") return;
    const data = new FormData();
    data.set("file", file);
    data.set("fingerprint", checked.fingerprint);
    if (createAccounts) data.set("createAccounts", "on");
    run(() => applyUnitImportAction(data), (outcome) => {
      setChecked(null);
      setResult(outcome);
    });
  }

  if (result) return <ImportResult result={result} onRestart={restart} />;

  const fileErrors = failure?.fieldErrors?.file;
  return (
    <div className="space-y-4">
      <form onSubmit={onCheck} className={`${ui.card} flex flex-wrap items-end gap-3`} noValidate>
        <div className="min-w-72 flex-1">
          <label htmlFor="unit-list-file" className={ui.label}>单位名单文件（.csv 或 .xlsx，不超过 5 MB）</label>
          <input
            ref={inputRef}
            id="unit-list-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
              setFailure(null);
            }}
            aria-invalid={fileErrors ? true : undefined}
            aria-describedby={fileErrors ? "unit-list-file-error" : undefined}
            className={ui.input}
          />
          <FieldError id="unit-list-file-error" messages={fileErrors} />
        </div>
        <button type="submit" className={ui.btnPrimary} disabled={pending}>
          {pending && !checked ? "正在检查…" : "检查名单"}
        </button>
      </form>
      {failure && !fileErrors ? (
        <p role="alert" className={ui.alertError}>{failure.error}</p>
      ) : null}
      {checked?.status === "problems" ? <ProblemReport outcome={checked} /> : null}
      {checked?.status === "preview" ? <PlanPreview outcome={checked} pending={pending} onApply={onApply} /> : null}
    </div>
  );
}

"use client";

import { useRef, useState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import type { FactImportOutcome } from "@/lib/collection/import";
import { importFactsAction } from "./actions";
import { ImportOutcome } from "./import-outcome";

const NETWORK_FAILURE = "上传失败：文件可能过大，或网络连接中断，请稍后重试";

/** Upload a filled template: check only, or check and import (all rows or none). */
export function FactImportForm({ cycleId, maxBytes }: { cycleId: string; maxBytes: number }) {
  const [outcome, setOutcome] = useState<FactImportOutcome | null>(null);
  const [failure, setFailure] = useState<{ error: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [pending, start] = useTransition();
  const [mode, setMode] = useState<"check" | "import">("import");
  const formRef = useRef<HTMLFormElement>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    setOutcome(null);
    if (!(file instanceof File) || file.size === 0) return setFailure({ error: "请先选择文件", fieldErrors: { file: ["请选择填好的模板文件"] } });
    if (file.size > maxBytes) return setFailure({ error: "文件过大", fieldErrors: { file: ["文件超过 5 MB，请拆分后分批导入"] } });
    data.set("mode", mode);
    setFailure(null);
    start(async () => {
      try {
        const result = await importFactsAction(data);
        if (result.ok) setOutcome(result.data);
        else setFailure({ error: result.error, fieldErrors: result.fieldErrors });
      } catch {
        setFailure({ error: NETWORK_FAILURE });
      }
    });
  }

  const fileErrors = failure?.fieldErrors?.file;
  return (
    <section aria-labelledby="step2" className="space-y-4">
      <form ref={formRef} onSubmit={submit} className={`${ui.card} space-y-3`} noValidate>
        <h2 id="step2" className="font-semibold">第二步：导入填好的模板</h2>
        <input type="hidden" name="cycleId" value={cycleId} />
        <div>
          <label htmlFor="fact-file" className={ui.label}>模板文件（.xlsx，不超过 5 MB）</label>
          <input
            id="fact-file"
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileErrors ? true : undefined}
            aria-describedby={fileErrors ? "fact-file-error" : undefined}
            className={ui.input}
            onChange={() => {
              setOutcome(null);
              setFailure(null);
            }}
          />
          <FieldError id="fact-file-error" messages={fileErrors} />
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="blankRecordsAsNone" className="mt-1" />
          <span>记录类指标中，尚未报送且表中也未填写的单位一律按“无”处理（相当于网页上的“全部无记录的单位标记为无”）</span>
        </label>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={ui.btnSecondary} disabled={pending} onClick={() => setMode("check")}>{pending && mode === "check" ? "正在检查…" : "仅检查"}</button>
          <button type="submit" className={ui.btnPrimary} disabled={pending} onClick={() => setMode("import")}>{pending && mode === "import" ? "正在导入…" : "检查并导入"}</button>
        </div>
      </form>
      {failure && !fileErrors ? <p role="alert" className={ui.alertError}>{failure.error}</p> : null}
      {outcome ? <ImportOutcome outcome={outcome} /> : null}
    </section>
  );
}

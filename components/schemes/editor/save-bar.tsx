"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { ui } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/actions/safe-action";
import { problemToText, type Problem, type SchemeDocument } from "@/lib/scoring";
import { fieldErrorsToProblems } from "@/lib/schemes/problems";
import { PublishConfirm } from "./publish-confirm";
import { StaleNotice } from "./stale-notice";

type Status =
  | { kind: "idle" }
  | { kind: "saved"; errors: Problem[]; warnings: Problem[] }
  | { kind: "stale" }
  | { kind: "refused"; message: string; problems: Problem[] };

type Checked = ActionResult<{ lock: number; errors: Problem[]; warnings: Problem[] }>;
export type SaveDraftAction = (input: { id: string; expectedLock: number; document: unknown }) => Promise<Checked>;
export type PublishAction = (input: { id: string; expectedLock: number }) => Promise<Checked>;

type Props = {
  id: string;
  saveAction: SaveDraftAction;
  publishAction: PublishAction;
  initialLock: number;
  doc: SchemeDocument;
  dirty: boolean;
  errorCount: number;
  onSaved: (snapshot: string) => void;
};

/** The document as JSON would carry it: a number still being typed (NaN) becomes null. */
function snapshotOf(doc: SchemeDocument): string {
  return JSON.stringify(doc);
}

/** Save, publish, the unsaved-changes indicator and the leave-page warning. */
export function SaveBar({ id, saveAction, publishAction, initialLock, doc, dirty, errorCount, onSaved }: Props) {
  const [lock, setLock] = useState(initialLock);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** Saves the page's document; the new lock, or null when the save was refused. */
  const save = async (): Promise<number | null> => {
    const snapshot = snapshotOf(doc);
    const result = await saveAction({ id, expectedLock: lock, document: JSON.parse(snapshot) });
    if (result.ok) {
      setLock(result.data.lock);
      onSaved(snapshot);
      setStatus({ kind: "saved", errors: result.data.errors, warnings: result.data.warnings });
      return result.data.lock;
    }
    setStatus(result.code === "STALE" ? { kind: "stale" } : { kind: "refused", message: result.error, problems: fieldErrorsToProblems(result.fieldErrors) });
    return null;
  };

  const publish = () =>
    startTransition(async () => {
      const current = dirty ? await save() : lock;
      if (current === null) return setConfirming(false);
      const result = await publishAction({ id, expectedLock: current });
      // On success the action redirects to the (now immutable) version's page.
      setConfirming(false);
      if (!result.ok) {
        setStatus(result.code === "STALE" ? { kind: "stale" } : { kind: "refused", message: result.error, problems: fieldErrorsToProblems(result.fieldErrors) });
      }
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 rounded-lg bg-white px-4 py-2 shadow-sm ring-1 ring-slate-200">
        <p role="status" className="text-sm" data-testid="save-state">
          {dirty ? <span className="font-medium text-amber-800">● 有未保存的修改</span> : <span className="text-green-800">已保存</span>}
        </p>
        <div className="ml-auto flex flex-wrap gap-2">
          <Link href={`/schemes/${id}`} className={ui.btnSecondary}>
            查看版本详情
          </Link>
          <button type="button" className={ui.btnSecondary} disabled={pending || errorCount > 0} onClick={() => setConfirming(true)} title={errorCount > 0 ? "草稿有错误，改正后才能发布" : undefined}>
            发布…
          </button>
          <button type="button" className={ui.btnPrimary} disabled={pending || !dirty} onClick={() => startTransition(async () => void (await save()))}>
            {pending ? "正在保存…" : "保存草稿"}
          </button>
        </div>
      </div>
      {confirming ? <PublishConfirm dirty={dirty} pending={pending} onConfirm={publish} onCancel={() => setConfirming(false)} /> : null}
      {status.kind === "saved" ? (
        <p role="status" className={ui.alertOk}>
          草稿已保存。{status.errors.length > 0 ? `仍有${status.errors.length}个错误，改正后才能发布。` : "没有错误，可以发布。"}
          {status.warnings.length > 0 ? `另有${status.warnings.length}个提示。` : ""}
        </p>
      ) : null}
      {status.kind === "stale" ? <StaleNotice id={id} doc={doc} /> : null}
      {status.kind === "refused" ? (
        <div role="alert" className={ui.alertError}>
          <p>{status.message}</p>
          {status.problems.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {status.problems.map((problem, k) => (
                <li key={k}>{problemToText(problem)}</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-1">您的修改仍保留在本页。</p>
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import type { SchemeDocument } from "@/lib/scoring";

/**
 * Someone else saved the draft meanwhile: nothing was overwritten, the edits stay in the page,
 * and the user can copy them as JSON before reloading the other version.
 */
export function StaleNotice({ id, doc }: { id: string; doc: SchemeDocument }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const json = JSON.stringify(doc, null, 2);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      <p className="font-medium">其他人已在您编辑期间保存了该草稿，您的修改未保存。</p>
      <p>您的修改仍保留在本页。可先复制方案 JSON 留底，再在新标签页打开最新的草稿，把修改合并后保存。</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={ui.btnSecondary} onClick={copy}>
          复制方案 JSON
        </button>
        <a className={ui.btnSecondary} href={`/schemes/${id}/edit`} target="_blank" rel="noreferrer">
          在新标签页打开最新草稿
        </a>
      </div>
      {copied === "copied" ? <p role="status">已复制到剪贴板。</p> : null}
      {copied === "failed" ? (
        <div>
          <label htmlFor="stale-json" className={ui.label}>
            无法访问剪贴板，请手动全选复制：
          </label>
          <textarea id="stale-json" readOnly rows={6} className={`${ui.input} font-mono text-xs`} value={json} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </div>
  );
}

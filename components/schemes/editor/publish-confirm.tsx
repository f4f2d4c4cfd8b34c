"use client";

import { useEffect, useRef } from "react";
import { ui } from "@/components/ui/styles";

type Props = { dirty: boolean; pending: boolean; onConfirm: () => void; onCancel: () => void };

/** Asks before publishing: a published version can never change again. */
export function PublishConfirm({ dirty, pending, onConfirm, onCancel }: Props) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby="publish-title"
      aria-describedby="publish-text"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <h2 id="publish-title" className="font-semibold">
        确认发布该版本？
      </h2>
      <p id="publish-text" className="mt-1 text-sm">
        发布后该版本不可再修改，评价周期可以引用它；以后的修改须从它新建版本。{dirty ? "未保存的修改将先保存。" : ""}
      </p>
      <div className="mt-3 flex gap-2">
        <button ref={confirm} type="button" className={ui.btnPrimary} disabled={pending} onClick={onConfirm}>
          {pending ? "正在发布…" : "确认发布"}
        </button>
        <button type="button" className={ui.btnSecondary} disabled={pending} onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}

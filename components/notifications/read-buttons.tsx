"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ui } from "@/components/ui/styles";

type Outcome = { ok: true; data: { count: number } } | { ok: false; error: string };

/** "全部标为已读" or "标为已读" for one notice; refreshes the page (and the bell) afterwards. */
export function MarkReadButton({ label, action }: { label: string; action: () => Promise<Outcome> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={ui.btnSecondary}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action();
            if (result.ok) {
              setError(null);
              router.refresh();
            } else setError(result.error);
          })
        }
      >
        {pending ? "处理中…" : label}
      </button>
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </span>
  );
}

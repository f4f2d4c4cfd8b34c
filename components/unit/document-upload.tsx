"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FilePicker } from "@/components/collect/file-picker";
import { uploadFile } from "@/components/collect/upload";
import { ui } from "@/components/ui/styles";

type Props = { cycleId: string; kind: "self_assessment" | "commitments"; label: string; maxBytes: number };

/** Uploads a new version of the unit's self-assessment or commitments (the history is kept). */
export function DocumentUpload({ cycleId, kind, label, maxBytes }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setMessage({ ok: false, text: "请选择要上传的文件" });
    const note = (form.elements.namedItem("note") as HTMLInputElement).value;
    setBusy(true);
    const outcome = await uploadFile({ cycleId, purpose: kind, note }, file, maxBytes);
    setBusy(false);
    if (!outcome.ok) return setMessage({ ok: false, text: outcome.error });
    form.reset();
    setRound((r) => r + 1);
    setMessage({ ok: true, text: `已上传新版本：${outcome.file.name}` });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={`上传${label}`}>
      <FilePicker key={round} id={`${kind}-file`} name="file" label={`文件（PDF、Word、图片，不超过 ${Math.floor(maxBytes / 1024 / 1024)} MB）`} />
      <label className="block text-sm">
        版本说明（可选）
        <input name="note" maxLength={200} className={ui.input} />
      </label>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? ui.alertOk : ui.alertError}>{message.text}</p> : null}
      <button type="submit" disabled={busy} className={ui.btnPrimary}>{busy ? "正在上传…" : `上传${label}`}</button>
    </form>
  );
}

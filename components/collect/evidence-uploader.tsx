"use client";

import { useEffect, useState } from "react";
import { ui } from "@/components/ui/styles";
import { FilePicker } from "./file-picker";
import { fileSize, uploadFile, type UploadedRef } from "./upload";

type Props = { cycleId: string; maxBytes: number; inputId: string; purpose?: "evidence" | "request"; label?: string; onChange?: (files: UploadedRef[]) => void };

/** Uploads evidence files as they are chosen; the form then carries their ids (evidenceIds). */
export function EvidenceUploader({ cycleId, maxBytes, inputId, purpose = "evidence", label = "佐证材料", onChange }: Props) {
  const [files, setFiles] = useState<UploadedRef[]>([]);
  useEffect(() => onChange?.(files), [files, onChange]);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function onFiles(chosen: File[]) {
    setBusy(true);
    const problems: string[] = [];
    for (const file of chosen) {
      const outcome = await uploadFile({ cycleId, purpose }, file, maxBytes);
      if (outcome.ok) setFiles((list) => [...list, outcome.file]);
      else problems.push(outcome.error);
    }
    setErrors(problems);
    setBusy(false);
  }

  return (
    <div className="space-y-2">
      <FilePicker id={inputId} label={`${label}（PDF、图片、Word、Excel，每个不超过 ${Math.floor(maxBytes / 1024 / 1024)} MB）`} multiple disabled={busy} onFiles={onFiles} />
      {busy ? <p className="text-sm text-slate-600" role="status">正在上传…</p> : null}
      {errors.map((e) => (
        <p key={e} role="alert" className={ui.alertError}>{e}</p>
      ))}
      {files.length > 0 ? (
        <ul className="space-y-1 text-sm" aria-label={`已上传的${label}`}>
          {files.map((f) => (
            <li key={f.id} className="flex items-center gap-2">
              <input type="hidden" name="evidenceIds" value={f.id} />
              <span>{f.name}</span>
              <span className="text-slate-500">{fileSize(f.size)}</span>
              <button type="button" className={ui.link} onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}>移除</button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

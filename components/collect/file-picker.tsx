"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import { ACCEPT } from "./upload";

type Props = {
  id: string;
  label: string;
  name?: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles?: (files: File[]) => void;
};

/**
 * A file input with Chinese wording: the native control's button and "no file chosen" text follow
 * the browser's UI language, so the input is visually hidden behind a labelled button.
 */
export function FilePicker({ id, label, name, multiple = false, disabled = false, onFiles }: Props) {
  const [chosen, setChosen] = useState<string>("未选择文件");
  function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    setChosen(files.length === 0 ? "未选择文件" : files.map((f) => f.name).join("、"));
    if (onFiles) {
      event.target.value = ""; // the same file can be chosen again after a refusal
      onFiles(files);
    }
  }
  return (
    <div>
      <label htmlFor={id} className={ui.label}>{label}</label>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={id} className={`${ui.btnSecondary} cursor-pointer ${disabled ? "pointer-events-none opacity-60" : ""}`}>选择文件</label>
        <input id={id} name={name} type="file" multiple={multiple} accept={ACCEPT} disabled={disabled} onChange={onChange} className="sr-only" />
        <span className="text-slate-600">{onFiles ? "" : chosen}</span>
      </div>
    </div>
  );
}

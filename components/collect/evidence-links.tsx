import { fileSize } from "./upload";

type EvidenceFile = { id: string; originalName: string; size: number };

/** Download links through the authorized route (never a static path). */
export function EvidenceLinks({ files }: { files: EvidenceFile[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-sm">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/files/${f.id}`} className="text-brand-700 underline hover:text-brand-800" download>{f.originalName}</a>
          <span className="ml-1 text-xs text-slate-500">{fileSize(f.size)}</span>
        </li>
      ))}
    </ul>
  );
}

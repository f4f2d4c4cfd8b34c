import { fileSize } from "@/components/collect/upload";
import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { UnitDocumentVersion } from "@/lib/files/access";

/** Every uploaded version, newest first; the newest is the one the office reads. */
export function DocumentHistory({ versions, label }: { versions: UnitDocumentVersion[]; label: string }) {
  if (versions.length === 0) return <p className="text-sm text-amber-800">尚未上传{label}。</p>;
  return (
    <ol className="space-y-1 text-sm" aria-label={`${label}历史版本`}>
      {versions.map((v, i) => (
        <li key={v.id} className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-medium">第{versions.length - i}版{i === 0 ? "（当前）" : ""}</span>
          <a href={`/files/${v.evidenceId}`} className={ui.link} download>{v.name}</a>
          <span className="text-xs text-slate-500">{fileSize(v.size)} · {formatDateTimeCn(v.createdAt)} · {v.uploaderName ?? "—"}</span>
          {v.note ? <span className="text-xs text-slate-600">说明：{v.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

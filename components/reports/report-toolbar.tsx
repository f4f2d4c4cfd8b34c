import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { PrintButton } from "./print-button";

/** Downloads, print and (for staff) edit — never printed itself. */
export function ReportToolbar({ base, editHref, back }: { base: string; editHref: string | null; back: { href: string; label: string } }) {
  return (
    <div className="no-print flex flex-wrap items-center gap-2" data-testid="report-toolbar">
      <Link href={back.href} className={ui.btnSecondary}>{back.label}</Link>
      {editHref ? <Link href={editHref} className={ui.btnSecondary}>编辑问题与建议</Link> : null}
      <a href={`${base}/docx`} className={ui.btnSecondary} download>下载Word</a>
      <a href={`${base}/xlsx`} className={ui.btnSecondary} download>下载评分表（Excel）</a>
      <PrintButton />
    </div>
  );
}

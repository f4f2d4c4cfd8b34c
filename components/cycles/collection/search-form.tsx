import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { KindFilter } from "@/components/ui/kind-filter";

type Props = { basePath: string; hidden: Record<string, string>; q?: string; label: string; kind?: string | null; exportHref?: string; children?: React.ReactNode };

/** Search (and unit-kind filter) of a progress list, with its Excel export. */
export function SearchForm({ basePath, hidden, q, label, kind, exportHref, children }: Props) {
  return (
    <form role="search" action={basePath} className={`${ui.card} flex flex-wrap items-end gap-3 py-3`}>
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <label className="text-sm">{label}<input name="q" defaultValue={q} className={`${ui.input} w-56`} /></label>
      {kind !== undefined ? <KindFilter value={kind} /> : null}
      {children}
      <button type="submit" className={ui.btnSecondary}>查询</button>
      <Link href={`${basePath}?${new URLSearchParams(hidden).toString()}`} className={ui.link}>清除</Link>
      {exportHref ? <a href={exportHref} className={`${ui.btnSecondary} ml-auto`}>导出 Excel</a> : null}
    </form>
  );
}

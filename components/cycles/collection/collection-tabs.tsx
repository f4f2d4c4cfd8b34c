import Link from "next/link";

export const COLLECTION_VIEWS = [
  ["sources", "按信源单位"],
  ["units", "按受评单位"],
  ["slots", "按指标"],
  ["combined", "多来源合并"],
  ["conflicts", "文号冲突"],
] as const;
export type CollectionView = (typeof COLLECTION_VIEWS)[number][0];

/** The views of the completeness page (live monitoring is a tab of the cycle, see CycleNav). */
export function CollectionTabs({ cycleId, current, conflicts }: { cycleId: string; current: CollectionView; conflicts?: number }) {
  const base = `/cycles/${cycleId}`;
  const link = (href: string, label: string, active: boolean) => (
    <Link key={href} href={href} aria-current={active ? "page" : undefined} className={`rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-700 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="归集视图" className="flex flex-wrap gap-2">
      {COLLECTION_VIEWS.map(([view, label]) => link(`${base}/collection?view=${view}`, view === "conflicts" && conflicts ? `${label}（${conflicts}）` : label, current === view))}
    </nav>
  );
}

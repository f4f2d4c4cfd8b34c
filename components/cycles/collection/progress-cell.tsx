/** "12 / 30" with a thin bar; green when complete. */
export function ProgressCell({ answered, cells }: { answered: number; cells: number }) {
  const share = cells === 0 ? 1 : answered / cells;
  return (
    <div className="min-w-32">
      <div className="flex justify-between gap-2 text-xs tabular-nums">
        <span>{answered} / {cells}</span>
        <span>{Math.floor(share * 1000) / 10}%</span>
      </div>
      <div className="mt-1 h-1.5 rounded bg-slate-200" aria-hidden="true">
        <div className={`h-1.5 rounded ${share >= 1 ? "bg-green-700" : "bg-brand-700"}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

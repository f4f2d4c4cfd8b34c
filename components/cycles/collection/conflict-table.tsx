import { ui } from "@/components/ui/styles";
import { conflictReason, type ReferenceConflict } from "@/lib/collection/completeness";

/** References reported twice over: by several sources, or for several units or indicators. */
export function ConflictTable({ rows }: { rows: ReferenceConflict[] }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} aria-label="文号冲突">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={ui.th}>文号/编号</th>
            <th scope="col" className={ui.th}>问题</th>
            <th scope="col" className={ui.th}>记录数</th>
            <th scope="col" className={ui.th}>信源单位</th>
            <th scope="col" className={ui.th}>受评单位</th>
            <th scope="col" className={ui.th}>指标</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={6} className="px-3 py-6 text-center text-slate-500">没有发现文号冲突</td></tr> : null}
          {rows.map((r) => (
            <tr key={r.reference} data-testid="conflict-row">
              <td className={`${ui.td} font-mono text-xs`}>{r.reference}</td>
              <td className={`${ui.td} text-amber-900`}>{conflictReason(r)}</td>
              <td className={`${ui.td} tabular-nums`}>{r.records}</td>
              <td className={ui.td}>{r.sources.join("、")}</td>
              <td className={ui.td}>{r.units.join("、")}</td>
              <td className={`${ui.td} font-mono text-xs`}>{r.slots.join("、")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

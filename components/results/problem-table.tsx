import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { correctionHref } from "@/lib/collection/correction-links";
import type { ProblemRow } from "@/lib/results/data";
import { RUN_PROBLEM_KIND_LABELS } from "@/lib/results/plan";

const KIND_TONES: Record<ProblemRow["kind"], string> = { missing: "bg-amber-100 text-amber-900", invalid: "bg-red-100 text-red-900", setup: "bg-slate-200 text-slate-800" };

/** A failed run's problems: where each is, why, who owes the data, and a link to correct it. */
export function ProblemTable({ cycleId, runId, rows }: { cycleId: string; runId: string; rows: ProblemRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} data-testid="problem-table">
        <caption className="sr-only">评分问题</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className={ui.th}>受评单位</th>
            <th scope="col" className={ui.th}>指标</th>
            <th scope="col" className={ui.th}>子项</th>
            <th scope="col" className={ui.th}>问题类型</th>
            <th scope="col" className={ui.th}>说明</th>
            <th scope="col" className={ui.th}>尚未报送的信源单位</th>
            <th scope="col" className={ui.th}><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={7} className="px-3 py-8 text-center text-slate-500">没有符合条件的问题。</td></tr> : null}
          {rows.map((p, i) => (
            <tr key={`${p.unitId}-${p.indicatorCode}-${p.subKey}-${i}`} className="align-top" data-testid="problem-row">
              <td className={ui.td}>{p.unitName || "—"}</td>
              <td className={ui.td}>
                {p.indicatorCode ? <><span className="font-mono text-xs text-slate-500">{p.indicatorCode}</span> {p.indicatorName ?? ""}</> : "—"}
              </td>
              <td className={ui.td}>{p.subName ?? "—"}</td>
              <td className={ui.td}><span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${KIND_TONES[p.kind]}`}>{RUN_PROBLEM_KIND_LABELS[p.kind]}</span></td>
              <td className={ui.td}>{p.message}</td>
              <td className={ui.td}>{p.kind === "missing" && p.sourceNames.length > 0 ? p.sourceNames.join("、") : "—"}</td>
              <td className={`${ui.td} whitespace-nowrap`}>
                {p.indicatorCode && p.unitId ? (
                  <Link href={correctionHref(cycleId, { unitId: p.unitId, indicatorCode: p.indicatorCode, subKey: p.subKey }, runId)} className={ui.link} aria-label={`去更正：${p.unitName} ${p.indicatorName ?? p.indicatorCode}`}>去更正</Link>
                ) : p.kind === "setup" ? (
                  <Link href={`/cycles/${cycleId}/schemes`} className={ui.link}>检查指标体系</Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

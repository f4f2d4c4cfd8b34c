import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { UnitProgressRow } from "@/lib/collection/completeness";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { BadRecordButton, UrgeButton, type CollectionActions } from "./party-actions";
import { ProgressCell } from "./progress-cell";

type Props = {
  rows: UnitProgressRow[];
  cycleId: string;
  collecting: boolean;
  /** Which of the unit's documents are late now (their deadline has passed). */
  late: { selfAssessment: boolean; commitments: boolean };
  actions: CollectionActions;
  sort: { sort: string; order: "asc" | "desc" } & Record<string, unknown>;
  basePath: string;
};

const Doc = ({ done }: { done: boolean }) => (done ? <span className="text-green-800">已上传</span> : <span className="text-amber-800">未上传</span>);

/** Per unit: what the sources reported about it, its own documents, urges and bad records. */
export function UnitTable({ rows, cycleId, collecting, late, actions, sort, basePath }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} aria-label="各受评单位数据完整情况">
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="受评单位" sortKey="name" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>类别</th>
            <SortHeader label="信源填报" sortKey="progress" current={sort} basePath={basePath} />
            <SortHeader label="未填" sortKey="missing" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>自查自评</th>
            <th scope="col" className={ui.th}>政务承诺</th>
            <SortHeader label="催办" sortKey="urged" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>操作</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={8} className="px-3 py-6 text-center text-slate-500">没有符合条件的受评单位</td></tr> : null}
          {rows.map((r) => {
            const owes = !r.selfAssessment || !r.commitments;
            const lateNow = (!r.selfAssessment && late.selfAssessment) || (!r.commitments && late.commitments);
            const party = { cycleId, targetOrgId: r.id, targetRole: "unit" as const, name: r.name };
            return (
              <tr key={r.id}>
                <td className={`${ui.td} font-medium`}>
                  {r.name}
                  {r.badRecord ? <span className="ml-1 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">已记不良记录</span> : null}
                </td>
                <td className={`${ui.td} whitespace-nowrap`}>{UNIT_KIND_LABELS[r.kind]}</td>
                <td className={ui.td}><ProgressCell answered={r.answered} cells={r.cells} /></td>
                <td className={`${ui.td} tabular-nums`}>{r.cells - r.answered}</td>
                <td className={ui.td}><Doc done={r.selfAssessment} /></td>
                <td className={ui.td}><Doc done={r.commitments} /></td>
                <td className={`${ui.td} whitespace-nowrap text-xs`}>{r.urgedAt ? `${formatDateTimeCn(r.urgedAt)}（${r.urges}次）` : "—"}</td>
                <td className={`${ui.td} space-y-1`}>
                  {collecting && owes ? <UrgeButton actions={actions} party={party} /> : null}
                  {lateNow && r.urges > 0 && !r.badRecord ? <BadRecordButton actions={actions} party={party} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

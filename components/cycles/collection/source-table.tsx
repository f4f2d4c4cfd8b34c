import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { formatDateCn, formatDateTimeCn } from "@/lib/clock";
import type { SourceProgressRow } from "@/lib/collection/completeness";
import { BadRecordButton, ReopenForm, ReturnForm, UrgeButton, type CollectionActions } from "./party-actions";
import { ProgressCell } from "./progress-cell";

const STATUS: Record<string, [string, string]> = {
  draft: ["填报中", "bg-blue-100 text-blue-900"],
  submitted: ["已提交", "bg-green-100 text-green-900"],
  returned: ["已退回", "bg-amber-100 text-amber-900"],
  none: ["未开始", "bg-slate-200 text-slate-800"],
};

type Props = {
  rows: SourceProgressRow[];
  cycleId: string;
  collecting: boolean;
  pastDeadline: boolean;
  today: string;
  at: Date;
  actions: CollectionActions;
  sort: { sort: string; order: "asc" | "desc" } & Record<string, unknown>;
  basePath: string;
};

/** Per source: progress, submission, last activity, urges, and the office's actions. */
export function SourceTable({ rows, cycleId, collecting, pastDeadline, today, at, actions, sort, basePath }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} aria-label="各信源单位报送进度">
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="信源单位" sortKey="name" current={sort} basePath={basePath} />
            <SortHeader label="填报进度" sortKey="progress" current={sort} basePath={basePath} />
            <SortHeader label="未填" sortKey="missing" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>报送状态</th>
            <SortHeader label="最近填报" sortKey="activity" current={sort} basePath={basePath} />
            <SortHeader label="催办" sortKey="urged" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>操作</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">没有符合条件的信源单位</td></tr> : null}
          {rows.map((r) => {
            const missing = r.cells - r.answered;
            const late = r.status !== "submitted" || missing > 0;
            const reopened = r.reopenedUntil !== null && r.reopenedUntil > at;
            const [label, tone] = STATUS[r.status ?? "none"]!;
            const party = { cycleId, targetOrgId: r.id, targetRole: "source" as const, name: r.name };
            return (
              <tr key={r.id} data-testid={`source-row-${r.name}`}>
                <td className={`${ui.td} font-medium`}>{r.name}</td>
                <td className={ui.td}><ProgressCell answered={r.answered} cells={r.cells} /></td>
                <td className={`${ui.td} tabular-nums`}>{missing}</td>
                <td className={ui.td}>
                  <span className={`rounded px-2 py-0.5 text-xs ${tone}`}>{label}</span>
                  {reopened ? <span className="ml-1 text-xs text-slate-600">重新开放至{formatDateCn(r.reopenedUntil!)}</span> : null}
                  {r.badRecord ? <span className="ml-1 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">已记不良记录</span> : null}
                </td>
                <td className={`${ui.td} whitespace-nowrap text-xs`}>{r.lastActivity ? formatDateTimeCn(r.lastActivity) : "—"}</td>
                <td className={`${ui.td} whitespace-nowrap text-xs`}>{r.urgedAt ? `${formatDateTimeCn(r.urgedAt)}（${r.urges}次）` : "—"}</td>
                <td className={`${ui.td} space-y-1`}>
                  {collecting && late ? <UrgeButton actions={actions} party={party} /> : null}
                  {collecting && r.status === "submitted" ? <ReturnForm actions={actions} cycleId={cycleId} sourceOrgId={r.id} /> : null}
                  {collecting && pastDeadline ? <ReopenForm actions={actions} cycleId={cycleId} sourceOrgId={r.id} today={today} /> : null}
                  {pastDeadline && late && r.urges > 0 && !r.badRecord && !reopened ? <BadRecordButton actions={actions} party={party} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

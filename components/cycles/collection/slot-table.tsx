import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import type { SlotProgressRow } from "@/lib/collection/completeness";
import { ProgressCell } from "./progress-cell";

export type SlotInfo = { name: string; mode: "records" | "value"; sources: string[] };

type Props = {
  rows: SlotProgressRow[];
  info: (code: string) => SlotInfo | undefined;
  sort: { sort: string; order: "asc" | "desc" } & Record<string, unknown>;
  basePath: string;
};

/** Per indicator (or sub-item): its sources and how many of its cells are answered. */
export function SlotTable({ rows, info, sort, basePath }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className={ui.table} aria-label="各指标报送进度">
        <thead className="bg-slate-100">
          <tr>
            <SortHeader label="指标" sortKey="code" current={sort} basePath={basePath} />
            <th scope="col" className={ui.th}>填报方式</th>
            <th scope="col" className={ui.th}>数据来源</th>
            <SortHeader label="填报进度" sortKey="progress" current={sort} basePath={basePath} />
            <SortHeader label="未填" sortKey="missing" current={sort} basePath={basePath} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? <tr><td colSpan={5} className="px-3 py-6 text-center text-slate-500">没有符合条件的指标</td></tr> : null}
          {rows.map((r) => {
            const code = r.sub ? `${r.ind}/${r.sub}` : r.ind;
            const slot = info(code);
            return (
              <tr key={code}>
                <td className={ui.td}><span className="font-mono text-xs text-slate-500">{code}</span> {slot?.name}</td>
                <td className={ui.td}>{slot?.mode === "records" ? "记录" : "数值"}</td>
                <td className={ui.td}>{slot?.sources.join("、")}</td>
                <td className={ui.td}><ProgressCell answered={r.answered} cells={r.cells} /></td>
                <td className={`${ui.td} tabular-nums`}>{r.cells - r.answered}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { ui } from "@/components/ui/styles";
import type { UnitListCheckOutcome } from "@/lib/orgs/import/types";

type Problems = Extract<UnitListCheckOutcome, { status: "problems" }>;

const ENCODING: Record<string, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16", gb18030: "GBK/GB18030" };

/** Every problem by row, with counts per problem code. Nothing has been saved. */
export function ProblemReport({ outcome }: { outcome: Problems }) {
  const total = outcome.counts.reduce((n, c) => n + c.count, 0);
  return (
    <section aria-labelledby="problems-title" className="space-y-3">
      <div role="alert" className={ui.alertError}>
        <h2 id="problems-title" className="font-semibold">发现 {total} 个问题，未导入任何内容</h2>
        <p className="mt-1">
          文件“{outcome.fileName}”（{outcome.format === "xlsx" ? "Excel" : `CSV，${ENCODING[outcome.encoding ?? "utf-8"]} 编码`}）共 {outcome.rows} 行单位，其中 {outcome.valid} 行没有问题。请按下表修改文件后重新上传。
        </p>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} aria-label="问题分类统计">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>问题</th>
              <th scope="col" className={ui.th}>代码</th>
              <th scope="col" className={`${ui.th} text-right`}>数量</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {outcome.counts.map((c) => (
              <tr key={c.code}>
                <td className={ui.td}>{c.label}</td>
                <td className={`${ui.td} font-mono text-xs`}>{c.code}</td>
                <td className={`${ui.td} text-right tabular-nums`}>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} aria-label="逐行问题清单">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={`${ui.th} w-16`}>行号</th>
              <th scope="col" className={`${ui.th} w-40`}>列</th>
              <th scope="col" className={ui.th}>问题</th>
              <th scope="col" className={`${ui.th} w-40`}>代码</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {outcome.problems.map((p, i) => (
              <tr key={i} data-row={p.row} data-code={p.code}>
                <td className={`${ui.td} tabular-nums`}>第{p.row}行</td>
                <td className={ui.td}>{p.column}</td>
                <td className={ui.td}>{p.message}</td>
                <td className={`${ui.td} font-mono text-xs`}>{p.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outcome.omitted > 0 ? (
        <p className="text-sm text-slate-600">
          另有 {outcome.omitted} 个问题未列出（上表只列前 {outcome.problems.length} 个）；改正后重新上传即可看到其余问题，或在命令行运行 <code>npm run -s cli -- units check 文件</code> 得到完整清单。
        </p>
      ) : null}
    </section>
  );
}

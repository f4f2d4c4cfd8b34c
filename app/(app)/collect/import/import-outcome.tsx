"use client";

import { ui } from "@/components/ui/styles";
import type { FactImportOutcome } from "@/lib/collection/import";
import { csvField } from "@/lib/export/inert";

const SHOWN = 500;

function downloadProblems(outcome: Extract<FactImportOutcome, { status: "problems" }>): void {
  const lines = [["工作表", "行号", "列", "问题"], ...outcome.problems.map((p) => [p.sheet, p.row, p.column, p.message])].map((cells) => cells.map(csvField).join(","));
  const url = URL.createObjectURL(new Blob(["\uFEFF" + lines.join("\r\n")], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `导入问题清单-${outcome.fileName.replace(/\.xlsx$/i, "")}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Counts({ counts }: { counts: Extract<FactImportOutcome, { status: "checked" }>["counts"] }) {
  return (
    <ul className="mt-1 list-disc pl-5">
      <li>数值 {counts.values} 项，“无” {counts.none} 项，“不涉及” {counts.notApplicable} 项</li>
      <li>记录 {counts.records} 条，涉及 {counts.units} 个受评单位</li>
    </ul>
  );
}

/** The import's answer: every problem (nothing saved), the check's summary, or what was written. */
export function ImportOutcome({ outcome }: { outcome: FactImportOutcome }) {
  if (outcome.status === "checked") {
    return (
      <div role="status" className={ui.alertOk} data-testid="import-checked">
        <p className="font-semibold">检查通过：“{outcome.fileName}”共 {outcome.rows} 行，没有发现问题（尚未导入）。</p>
        <Counts counts={outcome.counts} />
      </div>
    );
  }
  if (outcome.status === "imported") {
    return (
      <div role="status" className={ui.alertOk} data-testid="import-done">
        <p className="font-semibold">导入完成：“{outcome.fileName}”共 {outcome.rows} 行全部导入。</p>
        <Counts counts={outcome.counts} />
        <p className="mt-1">新增记录 {outcome.insertedRecords} 条{outcome.skippedRecords > 0 ? `，与已报记录相同而跳过 ${outcome.skippedRecords} 条` : ""}；更新答复 {outcome.changedEntries} 项。数据仍为草稿，请在报送工作台核对后提交。</p>
      </div>
    );
  }
  return (
    <section aria-labelledby="problems-title" className="space-y-3" data-testid="import-problems">
      <div role="alert" className={ui.alertError}>
        <h2 id="problems-title" className="font-semibold">发现 {outcome.problems.length} 个问题（{outcome.badRows} 行），未导入任何内容</h2>
        <p className="mt-1">“{outcome.fileName}”共 {outcome.rows} 行。请按下表修改文件后重新导入。</p>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} aria-label="逐行问题清单">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={`${ui.th} w-20`}>工作表</th>
              <th scope="col" className={`${ui.th} w-20`}>行号</th>
              <th scope="col" className={`${ui.th} w-36`}>列</th>
              <th scope="col" className={ui.th}>问题</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {outcome.problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i} data-sheet={p.sheet} data-row={p.row}>
                <td className={ui.td}>{p.sheet}</td>
                <td className={`${ui.td} tabular-nums`}>第{p.row}行</td>
                <td className={ui.td}>{p.column}</td>
                <td className={ui.td}>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        {outcome.problems.length > SHOWN ? <span>上表只列前 {SHOWN} 个问题。</span> : null}
        <button type="button" className={ui.btnSecondary} onClick={() => downloadProblems(outcome)}>下载全部问题清单（CSV）</button>
      </p>
    </section>
  );
}

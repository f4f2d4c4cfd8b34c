import type { ReportReview, UnitReport } from "@/lib/reports/model";
import { badRecordLabel, REVIEW_FINAL_NOTE, REVIEW_HEADING } from "@/lib/reports/model";
import { IndicatorHelp } from "./indicator-help";

/*
 * A unit's report on screen and on paper (the print stylesheet in app/globals.css, `.report-sheet`):
 * the same five parts, in the same order and words, as the Word file (lib/reports/docx.ts); a
 * revised report's 复评情况 closes part 1 (see UnitReport.review).
 */

function Part({ n, title, children }: { n: string; title: string; children: React.ReactNode }) {
  const id = `part-${n}`;
  return (
    <section aria-labelledby={id} className="report-part space-y-3">
      <h2 id={id} className="text-lg font-bold">
        {n}、{title}
      </h2>
      {children}
    </section>
  );
}

const cell = "border border-slate-300 px-2 py-1.5 align-top";
const head = `${cell} bg-slate-100 text-left font-semibold`;

function Scores({ report }: { report: UnitReport }) {
  const byCategory = report.categories.map((c) => ({ ...c, indicators: report.indicators.filter((i) => i.categoryCode === c.code) }));
  return (
    <div className="overflow-x-auto">
      <table className="report-table w-full border-collapse text-sm" data-testid="report-indicators">
        <thead>
          <tr>
            <th scope="col" className={head}>指标</th>
            <th scope="col" className={`${head} w-14 text-right`}>满分</th>
            <th scope="col" className={`${head} w-16 text-right`}>得分</th>
            <th scope="col" className={head}>说明</th>
          </tr>
        </thead>
        {byCategory.map((c) => (
          <tbody key={c.code}>
            <tr>
              <th scope="colgroup" colSpan={4} className={`${cell} bg-slate-50 text-left font-semibold`}>
                {c.name}（权重{c.weight}%，得分{c.score}）
              </th>
            </tr>
            {c.indicators.map((i) => (
              <tr key={i.code} data-indicator={i.code}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {i.name}
                  <span className="block text-xs text-slate-500">{i.code}</span>
                  <IndicatorHelp help={i.help} />
                </th>
                <td className={`${cell} text-right tabular-nums`}>{i.max}</td>
                <td className={`${cell} text-right tabular-nums font-semibold`}>{i.notApplicable ? "不涉及" : i.score}</td>
                <td className={cell}>
                  {i.explanation}
                  {i.items.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                      {i.items.map((item) => (
                        <li key={item.key}>
                          {item.name}：{item.score}/{item.max}分，{item.explanation}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Review({ review }: { review: ReportReview }) {
  return (
    <section aria-labelledby="report-review" className="space-y-2" data-testid="report-review">
      <h3 id="report-review" className="font-semibold">{REVIEW_HEADING}</h3>
      <p>{review.decisionSentence}</p>
      <div className="overflow-x-auto">
        <table className="report-table w-full border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className={head}>指标</th>
              <th scope="col" className={`${head} w-20 text-right`}>初评得分</th>
              <th scope="col" className={`${head} w-20 text-right`}>复评得分</th>
              <th scope="col" className={`${head} w-24`}>复评决定</th>
              <th scope="col" className={head}>理由</th>
            </tr>
          </thead>
          <tbody>
            {review.items.map((i) => (
              <tr key={i.indicatorCode} data-indicator={i.indicatorCode}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {i.name}
                  <span className="block text-xs text-slate-500">{i.indicatorCode}</span>
                </th>
                <td className={`${cell} text-right tabular-nums`}>{i.initialScore ?? "—"}</td>
                <td className={`${cell} text-right tabular-nums font-semibold`}>{i.finalScore ?? "—"}</td>
                <td className={cell}>{i.decisionLabel}</td>
                <td className={cell}>{i.decisionReason || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="report-review-total">{review.totalSentence}{REVIEW_FINAL_NOTE}</p>
    </section>
  );
}

function Basis({ report }: { report: UnitReport }) {
  return (
    <div className="space-y-3">
      {report.basis.map((b) => (
        <div key={`${b.indicatorCode}-${b.name}`} className="report-basis space-y-1 text-sm">
          <h3 className="font-semibold">
            {b.name}
            <span className="ml-2 font-normal text-slate-600">数据来源：{b.sources.join("、") || "未分配"}</span>
          </h3>
          {b.answers.length > 0 ? (
            <p>{b.answers.map((a) => `${a.source}：${a.text}`).join("；")}</p>
          ) : null}
          {b.records.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="report-table w-full border-collapse text-xs">
                <thead>
                  <tr>
                    <th scope="col" className={`${head} w-24`}>日期</th>
                    <th scope="col" className={head}>事项</th>
                    <th scope="col" className={head}>文号</th>
                    <th scope="col" className={head}>报送单位</th>
                    <th scope="col" className={head}>佐证材料</th>
                  </tr>
                </thead>
                <tbody>
                  {b.records.map((r, i) => (
                    <tr key={i}>
                      <td className={`${cell} tabular-nums`}>{r.occurredOn}</td>
                      <td className={cell}>{r.item ? `【${r.item}】` : ""}{r.description}</td>
                      <td className={cell}>{r.referenceNo ?? "—"}</td>
                      <td className={cell}>{r.source}</td>
                      <td className={cell}>{r.evidence.length > 0 ? r.evidence.join("、") : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {b.answers.length === 0 && b.records.length === 0 ? <p className="text-slate-600">无</p> : null}
        </div>
      ))}
    </div>
  );
}

export function ReportView({ report, staff = false }: { report: UnitReport; staff?: boolean }) {
  const { other } = report;
  const hasOther = other.badRecords.length > 0 || other.officeInformationNote || other.notApplicable.length > 0;
  return (
    <article className="report-sheet space-y-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-10" data-testid="report">
      <header className="space-y-3">
        <p className="text-sm font-bold text-red-800" data-testid="report-marking">{report.marking}</p>
        <h1 className="text-center text-2xl font-bold leading-snug">{report.title}</h1>
        <p className="text-center text-sm text-slate-700">
          （<span data-testid="report-version">{report.versionLabel}</span>）
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div><dt className="inline text-slate-600">评价周期：</dt><dd className="inline">{report.cycle.name}</dd></div>
          <div><dt className="inline text-slate-600">受评单位：</dt><dd className="inline">{report.unit.name}（{report.unit.kindLabel}）</dd></div>
          <div><dt className="inline text-slate-600">统一社会信用代码：</dt><dd className="inline font-mono">{report.unit.uscc}</dd></div>
          <div><dt className="inline text-slate-600">评价标准：</dt><dd className="inline">{report.scheme.name}</dd></div>
          <div><dt className="inline text-slate-600">报告日期：</dt><dd className="inline">{report.dateCn}</dd></div>
        </dl>
      </header>

      <Part n="一" title="综合评分和总体评价">
        <div className="flex flex-wrap items-end gap-6">
          <p>
            <span className="text-sm text-slate-600">综合得分</span>
            <span className="ml-2 text-4xl font-bold tabular-nums" data-testid="report-total">{report.summary.total}</span>
            <span className="ml-1 text-sm">分</span>
          </p>
          {report.summary.grade ? (
            <p>
              <span className="text-sm text-slate-600">评价等次</span>
              <span className="ml-2 text-2xl font-semibold" data-testid="report-grade">{report.summary.grade}</span>
            </p>
          ) : null}
        </div>
        <p>{report.summary.sentence}</p>
        <table className="report-table border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col" className={head}>一级指标</th>
              <th scope="col" className={`${head} text-right`}>权重</th>
              <th scope="col" className={`${head} text-right`}>得分</th>
            </tr>
          </thead>
          <tbody>
            {report.categories.map((c) => (
              <tr key={c.code}>
                <th scope="row" className={`${cell} text-left font-normal`}>{c.name}</th>
                <td className={`${cell} text-right tabular-nums`}>{c.weight}</td>
                <td className={`${cell} text-right tabular-nums`}>{c.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.review ? <Review review={report.review} /> : null}
      </Part>

      <Part n="二" title="单项评分及说明">
        <Scores report={report} />
      </Part>

      <Part n="三" title="存在问题及改进建议">
        {staff && report.problemsEdited?.stale ? (
          <p className="no-print rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
            注意：以下问题与建议是针对之前的评分结果编辑的，重新评分后请核对是否仍然适用。
          </p>
        ) : null}
        {report.problems.length === 0 ? (
          <p>无。</p>
        ) : (
          <ol className="list-decimal space-y-2 pl-6" data-testid="report-problems">
            {report.problems.map((p, i) => (
              <li key={`${p.indicatorCode}-${i}`}>
                <p>{p.problem}</p>
                <p className="text-slate-700">建议：{p.suggestion}</p>
              </li>
            ))}
          </ol>
        )}
        {staff && report.problemsEdited ? (
          <p className="no-print text-xs text-slate-500">
            由{report.problemsEdited.by ?? "信用办"}编辑（第{report.problemsEdited.version}版）
          </p>
        ) : null}
      </Part>

      <Part n="四" title="评价所依据的主要信息">
        <Basis report={report} />
      </Part>

      <Part n="五" title="其他需要载明的事项">
        {!hasOther ? <p>无。</p> : null}
        {other.officeInformationNote ? <p data-testid="report-office-note">{other.officeInformationNote}</p> : null}
        {other.badRecords.length > 0 ? (
          <div>
            <p>不良记录：</p>
            <ul className="list-disc pl-6">
              {other.badRecords.map((b, i) => (
                <li key={i}>{b.date}　{badRecordLabel(b.kind)}：{b.reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {other.notApplicable.length > 0 ? (
          <p>不涉及的指标（按评价标准规定处理）：{other.notApplicable.map((n) => n.name).join("、")}。</p>
        ) : null}
      </Part>

      <footer className="space-y-1 pt-6 text-right">
        <p>{report.issuer}</p>
        <p>{report.dateCn}</p>
      </footer>
    </article>
  );
}

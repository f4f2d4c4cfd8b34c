import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { withQuery } from "@/lib/list-query";
import type { DossierRecords } from "@/lib/dossiers/records";
import { RECORD_PAGE_SIZE, type DossierRecordsQuery } from "@/lib/dossiers/schema";
import { STANDING_LABELS, STANDINGS, type Standing } from "@/lib/dossiers/standing";

const TONE: Record<Standing, string> = { trust: "bg-green-50 text-green-800 ring-green-200", breach: "bg-red-50 text-red-800 ring-red-200" };

/** Trust and breach records of the archived years: filter by kind, year and indicator or text; paginated. */
export function StandingRecords({ records, query, basePath }: { records: DossierRecords; query: DossierRecordsQuery; basePath: string }) {
  const current = { standing: query.standing, ryear: query.ryear, rq: query.rq };
  const href = (patch: Record<string, unknown>) => `${basePath}${withQuery(current, patch)}#records`;
  const all = records.counts.trust + records.counts.breach;
  return (
    <div className="space-y-3">
      <nav aria-label="记录类别" className="flex flex-wrap gap-2 text-sm">
        {([undefined, ...STANDINGS] as const).map((s) => {
          const active = query.standing === s;
          return (
            <Link key={s ?? "all"} href={href({ standing: s, rpage: undefined })} aria-current={active ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${active ? "border-brand-700 bg-brand-50 font-semibold text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-100"}`}>
              {s ? STANDING_LABELS[s] : "全部"}（{s ? records.counts[s] : all}）
            </Link>
          );
        })}
      </nav>
      <form role="search" action={`${basePath}#records`} className="flex flex-wrap items-end gap-3 text-sm">
        {query.standing ? <input type="hidden" name="standing" value={query.standing} /> : null}
        <label>
          年度
          <select name="ryear" defaultValue={query.ryear ?? ""} className={ui.input}>
            <option value="">全部</option>
            {records.years.map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
        <label>
          指标或内容
          <input name="rq" defaultValue={query.rq ?? ""} placeholder="指标代码、名称或记录内容" className={`${ui.input} w-64`} />
        </label>
        <button type="submit" className={ui.btnSecondary}>筛选</button>
        <Link href={`${basePath}#records`} className={ui.link}>清除</Link>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table} data-testid="standing-records">
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>类别</th>
              <th scope="col" className={ui.th}>发生日期</th>
              <th scope="col" className={ui.th}>指标</th>
              <th scope="col" className={ui.th}>事项</th>
              <th scope="col" className={ui.th}>文号</th>
              <th scope="col" className={ui.th}>报送单位</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {records.rows.length === 0 ? (
              <tr><td colSpan={6} className="px-3 py-6 text-center text-slate-500">没有符合条件的记录。</td></tr>
            ) : (
              records.rows.map((r) => (
                <tr key={r.id} data-standing={r.standing}>
                  <td className={ui.td}><span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${TONE[r.standing]}`}>{STANDING_LABELS[r.standing]}</span></td>
                  <td className={`${ui.td} whitespace-nowrap tabular-nums`}>{r.occurredOn}</td>
                  <td className={ui.td}>{r.indicatorName}<span className="block text-xs text-slate-500">{r.year}年度 · {r.indicatorCode}{r.item ? ` · ${r.item}` : ""}</span></td>
                  <td className={ui.td}>{r.description}</td>
                  <td className={`${ui.td} text-xs`}>{r.referenceNo ?? "—"}</td>
                  <td className={ui.td}>{r.source}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.rpage} pageSize={RECORD_PAGE_SIZE} total={records.total} hrefFor={(page) => href({ rpage: page === 1 ? undefined : page })} />
      <p className="text-xs text-slate-600">守信激励：表彰奖励和加分事项；失信记录：扣分和一票否决事项（通报、投诉查实、失信名单、问责处分等）。只收录已归档年度、未撤回的记录。</p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IssueForm } from "@/components/reports/issue-form";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { Pagination } from "@/components/ui/pagination";
import { SortHeader } from "@/components/ui/sort-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { timeLeft } from "@/components/collect/format";
import { formatDateTimeCn, now } from "@/lib/clock";
import { FEEDBACK_STATE_LABELS, feedbackState, type FeedbackFacts } from "@/lib/feedback/state";
import { cycleHead } from "@/lib/cycles/data";
import { CYCLE_STATE_LABELS } from "@/lib/cycles/workflow";
import { withQuery } from "@/lib/list-query";
import { canIssueIn } from "@/lib/reports/policy";
import { ISSUE_PAGE_SIZE, ISSUE_STATE_LABELS, ISSUE_STATES, issueCounts, issueList, issueListSchema } from "@/lib/reports/issue-data";
import { issueReportsAction } from "../reports/actions";

export const metadata: Metadata = { title: "送达初评报告" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

/** 反馈期内（剩余 2 天 3 小时） / 已确认 / 逾期未反馈… — from the server's clock. */
function feedbackText(facts: FeedbackFacts, at: Date): string {
  const state = feedbackState(facts, at);
  if (state.kind === "not_issued") return "—";
  return state.kind === "open" ? `${FEEDBACK_STATE_LABELS.open}（${timeLeft(state.endsAt, at)}）` : FEEDBACK_STATE_LABELS[state.kind];
}

export default async function IssuePage({ params, searchParams }: Props) {
  await requirePermission("issue:reports:any", "cycles");
  const { id } = await params;
  const cycle = await cycleHead(id);
  if (!cycle) notFound();
  const raw = await searchParams;
  const query = issueListSchema.parse(raw);
  const issued = Number(raw.issued ?? 0);
  const [counts, list] = await Promise.all([issueCounts(id), issueList(id, query)]);
  const at = now();
  const base = `/cycles/${id}/issue`;
  const open = canIssueIn(cycle.status);
  const current = { q: query.q, sort: query.sort, order: query.order, state: query.state };
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="issue" />
      <p className="text-sm text-slate-700">送达即把初评得分和评价报告交给受评单位（站内通知），并记录送达时间；送达后该单位的初评结果冻结，反馈截止时间为送达之日起第5个工作日24时（按工作日历计算）。送达前请在<Link href={`/cycles/${id}/results`} className={ui.link}>评分结果</Link>中核对报告。</p>
      {issued > 0 ? (
        <p role="status" className={ui.alertOk} data-testid="issue-done">
          已送达{issued}个单位的初评报告，已通知{Number(raw.notified ?? 0)}个单位账户。各单位的5个工作日反馈期自送达之日起计算。
        </p>
      ) : null}
      <dl className={`${ui.card} grid grid-cols-2 gap-4 text-sm sm:grid-cols-4`} data-testid="issue-counts">
        {([["受评单位", counts.enrolled], ["已评分待送达", counts.ready], ["已送达", counts.issued], ["未评分", counts.unscored]] as const).map(([label, n]) => (
          <div key={label}><dt className="text-slate-600">{label}</dt><dd className="text-2xl font-semibold tabular-nums">{n}</dd></div>
        ))}
      </dl>
      {!open ? <p className={ui.alertError}>该周期处于“{CYCLE_STATE_LABELS[cycle.status]}”阶段，不能送达初评报告。</p> : null}
      {open && counts.ready > 0 && counts.unscored === 0 ? (
        <section className={`${ui.card} space-y-2`} aria-labelledby="issue-all-title">
          <h2 id="issue-all-title" className="font-semibold">全部送达</h2>
          <p className="text-sm text-slate-700">把{counts.ready}个已评分单位的初评报告一次送达。送达前请在“评分结果”中核对报告。</p>
          <IssueForm action={issueReportsAction} cycleId={id} label={`送达全部${counts.ready}个单位`} confirm={`确定送达${counts.ready}个单位的初评报告吗？送达后初评结果冻结，不能撤回。`} testId="issue-all" />
        </section>
      ) : null}
      {open && counts.unscored > 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">还有{counts.unscored}个单位没有评分结果，不能全部送达；可以先送达已评分的单位，或到“评分”页面评分。</p>
      ) : null}
      <section className={`${ui.card} space-y-3`} aria-labelledby="issue-list-title">
        <h2 id="issue-list-title" className="font-semibold">按单位送达</h2>
        <form className="flex flex-wrap items-end gap-3 text-sm" role="search">
          <label>
            <span className={ui.label}>单位名称或信用代码</span>
            <input name="q" defaultValue={query.q ?? ""} className={ui.input} />
          </label>
          <label>
            <span className={ui.label}>状态</span>
            <select name="state" defaultValue={query.state ?? ""} className={ui.input}>
              <option value="">全部</option>
              {ISSUE_STATES.map((s) => <option key={s} value={s}>{ISSUE_STATE_LABELS[s]}</option>)}
            </select>
          </label>
          <button type="submit" className={ui.btnSecondary}>筛选</button>
        </form>
        <IssueForm action={issueReportsAction} cycleId={id} label="送达所选单位" confirm="确定送达所选单位的初评报告吗？送达后初评结果冻结，不能撤回。" testId="issue-selected">
          <div className="overflow-x-auto">
            <table className={ui.table}>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={ui.th}><span className="sr-only">选择</span></th>
                  <SortHeader label="单位" sortKey="name" current={current} basePath={base} />
                  <SortHeader label="总分" sortKey="total" current={current} basePath={base} />
                  <th scope="col" className={ui.th}>等次</th>
                  <th scope="col" className={ui.th}>状态</th>
                  <SortHeader label="送达时间" sortKey="issued" current={current} basePath={base} />
                  <th scope="col" className={ui.th}>反馈截止</th>
                  <th scope="col" className={ui.th}>反馈情况</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.rows.length === 0 ? <tr><td colSpan={8} className="px-3 py-4 text-center text-slate-500">没有符合条件的单位</td></tr> : null}
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <td className={ui.td}>
                      {r.state === "ready" && open ? <input type="checkbox" name="unitId" value={r.id} aria-label={`选择${r.name}`} className="h-4 w-4" /> : null}
                    </td>
                    <td className={ui.td}>{r.total ? <Link href={`/cycles/${id}/reports/${r.id}`} className={ui.link}>{r.name}</Link> : r.name}</td>
                    <td className={`${ui.td} tabular-nums`}>{r.total ?? "—"}</td>
                    <td className={ui.td}>{r.grade ?? "—"}</td>
                    <td className={ui.td}>{ISSUE_STATE_LABELS[r.state]}</td>
                    <td className={ui.td}>{r.issuedAt ? formatDateTimeCn(r.issuedAt) : "—"}</td>
                    <td className={ui.td}>{r.feedback.feedbackEndsAt ? formatDateTimeCn(r.feedback.feedbackEndsAt) : "—"}</td>
                    <td className={ui.td}>{feedbackText(r.feedback, at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </IssueForm>
        <Pagination page={query.page} pageSize={ISSUE_PAGE_SIZE} total={list.total} hrefFor={(page) => `${base}${withQuery(current, { page })}`} />
      </section>
    </div>
  );
}

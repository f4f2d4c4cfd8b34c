import { formatDateTimeCn } from "@/lib/clock";
import type { RectificationView } from "@/lib/dossiers/data";
import { CARRIED_FORWARD_HEADING, rectificationStage, REVIEW_LABELS, STAGE_TONES, type RectificationGroups, type ReviewState } from "@/lib/dossiers/rectification";

type Slot = (item: RectificationView) => React.ReactNode;

function Item({ item, slot, showYear }: { item: RectificationView; slot?: Slot; showYear?: boolean }) {
  const { stage, label } = rectificationStage(item);
  return (
    <li className="rounded-md p-3 ring-1 ring-slate-200" data-testid={`rectification-${item.id}`} data-stage={stage}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{showYear ? `${item.year}年度 ` : ""}问题{item.position + 1}</span>
        {item.indicatorCode ? <span className="text-xs text-slate-500">{item.indicatorCode}</span> : null}
        <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ring-1 ${STAGE_TONES[stage]}`} data-testid="rectification-stage">{label}</span>
      </div>
      <p className="mt-1 text-sm">{item.problem}</p>
      <p className="text-sm text-slate-700">建议：{item.suggestion}</p>
      {item.measures || item.dueOn || item.doneOn ? (
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {item.measures ? <><dt className="text-slate-600">整改措施</dt><dd className="whitespace-pre-line">{item.measures}</dd></> : null}
          {item.dueOn ? <><dt className="text-slate-600">计划完成</dt><dd className="tabular-nums">{item.dueOn}</dd></> : null}
          {item.doneOn ? <><dt className="text-slate-600">实际完成</dt><dd className="tabular-nums">{item.doneOn}</dd></> : null}
        </dl>
      ) : null}
      {item.updatedByName ? <p className="mt-1 text-xs text-slate-600">{item.updatedByName}于{formatDateTimeCn(item.updatedAt)}报送</p> : null}
      {item.reviewedAt && item.reviewComment !== null ? (
        <p className={`mt-1 text-sm ${item.review === "returned" ? "text-red-800" : "text-slate-700"}`}>
          {item.review === "pending" ? "上次审核意见" : `信用办${REVIEW_LABELS[item.review as ReviewState] ?? ""}`}（{item.reviewedByName ?? "信用办"}，{formatDateTimeCn(item.reviewedAt)}）：{item.reviewComment}
        </p>
      ) : null}
      {slot ? slot(item) : null}
    </li>
  );
}

/**
 * Rectification of the problems in each year's final report: the newest year's items, then items
 * earlier years left open (上年度未完成整改), then what earlier years closed.
 */
export function RectificationList({ groups, slot }: { groups: RectificationGroups<RectificationView>; slot?: Slot }) {
  if (!groups.current) return <p className="text-sm text-slate-600">尚无归档年度，没有整改事项。</p>;
  return (
    <div className="space-y-4">
      {groups.carried.length > 0 ? (
        <section aria-labelledby="carried-title" className="space-y-2 rounded-lg bg-amber-50/60 p-3 ring-1 ring-amber-200" data-testid="carried-forward">
          <h3 id="carried-title" className="font-semibold text-amber-900">{CARRIED_FORWARD_HEADING}（{groups.carried.length}项）</h3>
          <p className="text-xs text-amber-900">以前年度评价报告中尚未办结的问题，继续整改直至信用办认可办结。</p>
          <ol className="space-y-2">{groups.carried.map((i) => <Item key={i.id} item={i} slot={slot} showYear />)}</ol>
        </section>
      ) : null}
      <section aria-labelledby="current-title" className="space-y-2" data-testid="current-rectification">
        <h3 id="current-title" className="font-semibold">{groups.current.year}年度评价报告所列问题（{groups.current.items.length}项）</h3>
        {groups.current.items.length === 0 ? <p className="text-sm text-slate-600">该年度评价报告未列出问题。</p> : (
          <ol className="space-y-2">{groups.current.items.map((i) => <Item key={i.id} item={i} slot={slot} />)}</ol>
        )}
      </section>
      {groups.history.length > 0 ? (
        <details className="rounded-lg p-3 ring-1 ring-slate-200">
          <summary className="cursor-pointer font-semibold">以前年度已办结的整改（{groups.history.reduce((n, h) => n + h.items.length, 0)}项）</summary>
          <div className="mt-2 space-y-3">
            {groups.history.map((h) => (
              <section key={h.year} aria-label={`${h.year}年度已办结整改`}>
                <h4 className="text-sm font-semibold">{h.year}年度</h4>
                <ol className="mt-1 space-y-2">{h.items.map((i) => <Item key={i.id} item={i} />)}</ol>
              </section>
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}

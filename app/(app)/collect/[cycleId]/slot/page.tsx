import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NoneButton, NoneForAllForm } from "@/components/collect/answer-buttons";
import { cellHref, slotHref } from "@/components/collect/links";
import { SlotInfo } from "@/components/collect/slot-info";
import { CellStatusBadge } from "@/components/collect/status-badge";
import { WindowBanner } from "@/components/collect/window-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { SLOT_PAGE_SIZE, slotUnits } from "@/lib/collection/data";
import { markNoneAction, markNoneForAllAction } from "../../actions";

export const metadata: Metadata = { title: "指标报送" };

const querySchema = z.object({
  s: z.string().max(60).optional().catch(undefined),
  i: z.string().max(60).catch(""),
  sub: z.string().max(60).default("").catch(""),
  q: z.string().trim().max(100).optional().catch(undefined),
  only: z.enum(["missing"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

type Props = { params: Promise<{ cycleId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SlotPage({ params, searchParams }: Props) {
  const actor = await requirePermission("submit:facts:assigned", "collect");
  const { cycleId } = await params;
  const query = querySchema.parse(await searchParams);
  const found = await slotUnits(actor, cycleId, { schemeVersionId: query.s, indicatorCode: query.i, subKey: query.sub }, query);
  if (!found || !found.slot.answers) notFound();
  const { workspace, slot, rows, total } = found;
  const writable = workspace.refusal === null;
  return (
    <div className="space-y-4">
      <PageHeader
        title={slot.name}
        description={`${workspace.cycle.name} · ${slot.mode === "records" ? "逐条报送记录，计数由记录得出" : "每个单位填报一个值"}`}
        actions={<Link href={`/collect/${cycleId}`} className={ui.btnSecondary}>返回指标列表</Link>}
      />
      <WindowBanner workspace={workspace} at={now()} />
      <SlotInfo slot={slot} />
      {slot.mode === "records" && writable ? (
        <NoneForAllForm cycleId={cycleId} indicatorCode={slot.indicatorCode} subKey={slot.subKey} missing={slot.counts.missing} action={markNoneForAllAction} />
      ) : null}
      <form role="search" className={`${ui.card} flex flex-wrap items-end gap-3`}>
        <input type="hidden" name="s" value={slot.schemeVersionId} />
        <input type="hidden" name="i" value={slot.indicatorCode} />
        {slot.subKey ? <input type="hidden" name="sub" value={slot.subKey} /> : null}
        <label className="text-sm">
          单位名称
          <input name="q" defaultValue={query.q} className={`${ui.input} w-56`} />
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="only" value="missing" defaultChecked={query.only === "missing"} /> 只看未填
        </label>
        <button type="submit" className={ui.btnSecondary}>筛选</button>
        <Link href={slotHref(cycleId, slot)} className={ui.link}>清除</Link>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className={ui.table}>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>受评单位</th>
              <th scope="col" className={ui.th}>状态</th>
              <th scope="col" className={ui.th}>操作</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr><td colSpan={3} className="px-3 py-8 text-center text-slate-500">没有符合条件的单位。</td></tr>
            ) : (
              rows.map((row) => (
                <tr key={row.unitId} data-testid={`unit-row-${row.unitName}`}>
                  <td className={ui.td}>{row.unitName}</td>
                  <td className={ui.td}><CellStatusBadge status={row.status} /></td>
                  <td className={`${ui.td} flex flex-wrap items-center gap-3`}>
                    <Link href={cellHref(cycleId, slot, row.unitId)} className={ui.link}>{writable ? "填报" : "查看"}</Link>
                    {writable && slot.mode === "records" && row.status.kind === "missing" ? (
                      <NoneButton cell={{ cycleId, unitId: row.unitId, indicatorCode: slot.indicatorCode, subKey: slot.subKey }} version={row.version} action={markNoneAction} />
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={query.page} pageSize={SLOT_PAGE_SIZE} total={total} hrefFor={(page) => slotHref(cycleId, slot, { q: query.q, only: query.only, page })} />
    </div>
  );
}

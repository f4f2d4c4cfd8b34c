import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DispatchForm } from "@/components/archive/dispatch-form";
import { JobProgress } from "@/components/archive/job-progress";
import { CycleActionForm } from "@/components/cycles/action-form";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { ui } from "@/components/ui/styles";
import { archiveOverview } from "@/lib/archive/data";
import { archiveRefusal, RECIPIENT_LABELS, recipientsOutstanding } from "@/lib/archive/policy";
import { jobProgressBody } from "@/lib/archive/progress";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { cycleHead } from "@/lib/cycles/data";
import { db } from "@/lib/db/client";
import { recordDispatchAction, startArchiveAction, startVolumeAction } from "./actions";

export const metadata: Metadata = { title: "归档与汇编" };

const mb = (bytes: bigint) => `${(Number(bytes) / 1024 / 1024).toFixed(1)} MB`;

export default async function ArchivePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("archive:cycles:any", "cycles.archive");
  const { id } = await params;
  const cycle = await cycleHead(id);
  const overview = cycle ? await archiveOverview(db(), id) : null;
  if (!cycle || !overview || !["approval", "archived"].includes(cycle.status)) notFound();
  const running = [overview.archiveJob, overview.volumeJob].find((j) => j?.status === "running") ?? null;
  const refusal = archiveRefusal({ status: cycle.status, approvedAt: overview.cycle.approvedAt, openSendBacks: overview.openSendBacks, archiveRunning: !!running });
  const failed = [overview.archiveJob, overview.volumeJob].filter((j) => j?.status === "failed").sort((a, b) => b!.startedAt.getTime() - a!.startedAt.getTime())[0];
  const latest = overview.volumes[0] ?? null;
  const sentKinds = overview.volumes.flatMap((v) => v.dispatches.map((d) => d.recipientKind));
  const outstanding = recipientsOutstanding(sentKinds);
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="archive" />
      {running ? <JobProgress key={running.id} cycleId={id} initial={jobProgressBody(running)} /> : null}
      {failed && !running && (!latest || failed.startedAt > latest.createdAt) ? <p role="status" className={ui.alertError} data-testid="job-failed">{failed.error}</p> : null}
      <section aria-labelledby="archive-title" className={`${ui.card} space-y-3`}>
        <h2 id="archive-title" className="font-semibold">归档</h2>
        {cycle.status === "archived" ? (
          <p className="text-sm text-slate-700" data-testid="archived">
            已于{overview.cycle.archivedAt ? formatDateTimeCn(overview.cycle.archivedAt) : ""}归档：{overview.entries.toLocaleString("zh-CN")}份最终评价报告已存入各单位诚信档案（数据和Word文件），评价周期只读。归档后如需更正，请在诚信档案中添加更正记录。
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              归档将每个单位的最终评价报告（数据和Word文件）存入其诚信档案，为每个问题建立整改事项，冻结评价周期（此后任何修改都会被拒绝），并生成年度汇编。
            </p>
            {refusal && !running ? <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{refusal}</p> : null}
            {!refusal ? <CycleActionForm action={startArchiveAction} hidden={{ cycleId: id }} label="归档并生成汇编" tone="primary" testId="start-archive"
              confirm={`归档后，${cycle.name}的全部最终评价报告将存入各单位诚信档案，评价周期变为只读，任何数据和结果都不能再修改（只能在档案中添加更正记录）。确定归档吗？`} /> : null}
          </>
        )}
      </section>
      {cycle.status === "archived" ? (
        <section aria-labelledby="volume-title" className={`${ui.card} space-y-3`}>
          <h2 id="volume-title" className="font-semibold">年度汇编</h2>
          <p className="text-sm text-slate-700">汇编包括封面、目录、各指标体系的排名表和每个单位的最终评价报告，报送市委、市人大常委会、市政府、市政协（内部资料 注意保密）。</p>
          {overview.volumes.length === 0 ? <p className="text-sm text-slate-600">尚未生成汇编。</p> : (
            <table className="w-full text-sm" data-testid="volumes">
              <thead><tr><th className={ui.th}>生成时间</th><th className={ui.th}>单位数</th><th className={ui.th}>大小</th><th className={ui.th}>校验值（SHA-256）</th><th className={ui.th}>下载</th></tr></thead>
              <tbody>
                {overview.volumes.map((v) => (
                  <tr key={v.id}>
                    <td className={ui.td}>{formatDateTimeCn(v.createdAt)}</td>
                    <td className={`${ui.td} tabular-nums`}>{v.units.toLocaleString("zh-CN")}</td>
                    <td className={`${ui.td} tabular-nums`}>{mb(v.size)}</td>
                    <td className={`${ui.td} font-mono text-xs`}>{v.sha256.slice(0, 16)}…</td>
                    <td className={ui.td}><a href={`/cycles/${id}/archive/volume/${v.id}`} className={ui.link} download>下载汇编（Word）</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!running ? <CycleActionForm action={startVolumeAction} hidden={{ cycleId: id }} label={overview.volumes.length ? "重新生成汇编" : "生成汇编"} testId="start-volume" /> : null}
        </section>
      ) : null}
      {latest ? (
        <section aria-labelledby="dispatch-title" className={`${ui.card} space-y-3`}>
          <h2 id="dispatch-title" className="font-semibold">报送记录</h2>
          {outstanding.length > 0 ? <p className="text-sm text-amber-900" data-testid="outstanding">尚未记录报送：{outstanding.map((k) => RECIPIENT_LABELS[k]).join("、")}</p> : <p className="text-sm text-green-800">已报送市委、市人大常委会、市政府、市政协。</p>}
          <table className="w-full text-sm" data-testid="dispatches">
            <thead><tr><th className={ui.th}>报送对象</th><th className={ui.th}>日期</th><th className={ui.th}>方式</th><th className={ui.th}>份数</th><th className={ui.th}>备注</th></tr></thead>
            <tbody>
              {overview.volumes.flatMap((v) => v.dispatches).map((d) => (
                <tr key={d.id}><td className={ui.td}>{d.recipient}</td><td className={ui.td}>{d.sentOn}</td><td className={ui.td}>{d.method}</td><td className={`${ui.td} tabular-nums`}>{d.copies}</td><td className={ui.td}>{d.note ?? ""}</td></tr>
              ))}
            </tbody>
          </table>
          <DispatchForm cycleId={id} volumeId={latest.id} today={beijingDate(now())} action={recordDispatchAction} />
        </section>
      ) : null}
      <p className="text-sm"><Link href={`/cycles/${id}/approval`} className={ui.link}>查看审批记录</Link></p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CloseCollection } from "@/components/cycles/close-collection";
import { CycleNav } from "@/components/cycles/cycle-nav";
import { EditCycleForm } from "@/components/cycles/edit-cycle-form";
import { dateCn } from "@/components/cycles/labels";
import { OpenCollection } from "@/components/cycles/open-collection";
import { SetupChecklist } from "@/components/cycles/setup-checklist";
import { CycleStepper } from "@/components/cycles/stepper";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";
import { cycleOverview, gapsOf } from "@/lib/cycles/data";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/orgs/kinds";
import { closeCollectionAction, openCollectionAction, updateCycleAction } from "../actions";

export const metadata: Metadata = { title: "评价周期" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

const NOTICES: Record<string, string> = {
  created: "评价周期已创建。请按下方清单完成准备工作。",
  closed: "数据归集已结束，周期进入评分阶段。",
};

export default async function CycleOverviewPage({ params, searchParams }: Props) {
  await requirePermission("manage:cycles:any", "cycles");
  const overview = await cycleOverview((await params).id);
  if (!overview) notFound();
  const query = await searchParams;
  const { cycle, unitCounts, schemes, sources, blockers, submissions } = overview;
  const notice = Object.keys(NOTICES).find((key) => query[key]);
  const units = Object.values(unitCounts).reduce((sum, n) => sum + (n ?? 0), 0);
  const kinds = UNIT_KINDS.filter((k) => (unitCounts[k] ?? 0) > 0 || schemes.some((s) => s.unitKind === k));
  const closing = cycle.status === "collecting" && query.close === "1";
  const gaps = closing ? await gapsOf(cycle.id) : null;
  const facts: [string, React.ReactNode][] = [
    ["评价年度", `${cycle.year}年`],
    ["数据归集截止", `${dateCn(cycle.collectionDeadline)} 24时`],
    ["政务承诺截止", `${dateCn(cycle.commitmentsDeadline)} 24时`],
    ["开始归集", cycle.openedAt ? formatDateTimeCn(cycle.openedAt) : "—"],
    ["结束归集", cycle.closedAt ? `${formatDateTimeCn(cycle.closedAt)}${cycle.closeReason ? `（原因：${cycle.closeReason}）` : ""}` : "—"],
  ];
  return (
    <div className="space-y-4">
      <CycleNav cycle={cycle} current="overview" />
      {notice ? <p role="status" className={ui.alertOk}>{NOTICES[notice]}</p> : null}
      <CycleStepper status={cycle.status} />
      <div className="grid gap-4 lg:grid-cols-3">
        <dl className={`${ui.card} grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm lg:col-span-1`} data-testid="cycle-facts">
          {facts.map(([term, value]) => (
            <div key={term} className="contents"><dt className="text-slate-600">{term}</dt><dd>{value}</dd></div>
          ))}
        </dl>
        <section aria-labelledby="counts-title" className={`${ui.card} space-y-2 text-sm lg:col-span-2`} data-testid="cycle-counts">
          <h2 id="counts-title" className="font-semibold">受评单位与指标体系</h2>
          <table className={ui.table}>
            <thead className="bg-slate-100">
              <tr><th scope="col" className={ui.th}>单位类别</th><th scope="col" className={ui.th}>受评单位</th><th scope="col" className={ui.th}>指标体系</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {kinds.length === 0 ? <tr><td colSpan={3} className="px-3 py-4 text-center text-slate-500">尚未纳入受评单位</td></tr> : null}
              {kinds.map((kind) => {
                const scheme = schemes.find((s) => s.unitKind === kind);
                return (
                  <tr key={kind}>
                    <td className={ui.td}>{UNIT_KIND_LABELS[kind]}</td>
                    <td className={`${ui.td} tabular-nums`}>{unitCounts[kind] ?? 0}</td>
                    <td className={ui.td}>{scheme ? <Link href={`/schemes/${scheme.schemeVersionId}`} className={ui.link}>{scheme.name}（{scheme.label}）</Link> : <span className="text-amber-800">未选择</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p>
            信源单位 <strong className="tabular-nums">{sources.length}</strong> 个{sources.length ? `：${sources.map((s) => s.name).join("、")}` : ""}
          </p>
          {cycle.status !== "draft" ? (
            <p data-testid="submission-counts">报送：{submissions.submitted}个已提交，{submissions.draft}个填报中，{submissions.returned}个已退回。</p>
          ) : null}
        </section>
      </div>
      {cycle.status === "draft" ? (
        <>
          <SetupChecklist
            cycleId={cycle.id}
            blockers={blockers}
            steps={[
              { key: "units", label: "纳入受评单位", done: units > 0, detail: units > 0 ? `已纳入${units}个` : "尚未纳入" },
              { key: "schemes", label: "选择指标体系", done: schemes.length > 0, detail: schemes.length > 0 ? schemes.map((s) => `${UNIT_KIND_LABELS[s.unitKind]}：${s.label}`).join("；") : "尚未选择" },
              { key: "assignments", label: "分配数据来源", done: overview.assignmentCount > 0, detail: `${overview.assignmentCount}条分配，${sources.length}个信源单位` },
            ]}
          />
          {blockers.length === 0 ? (
            <OpenCollection action={openCollectionAction} cycleId={cycle.id} version={cycle.version} units={units} sources={sources.length} deadline={`${dateCn(cycle.collectionDeadline)} 24时`} />
          ) : null}
        </>
      ) : null}
      {cycle.status === "collecting" ? (
        <section className={`${ui.card} flex flex-wrap items-center gap-3 text-sm`} aria-label="数据归集">
          <span>数据归集进行中，截止{dateCn(cycle.collectionDeadline)} 24时。</span>
          <Link href={`/cycles/${cycle.id}/collection`} className={ui.btnPrimary}>查看归集进度</Link>
          {closing ? null : <Link href={`/cycles/${cycle.id}?close=1`} className={ui.btnSecondary}>结束数据归集</Link>}
        </section>
      ) : null}
      {closing && gaps ? <CloseCollection action={closeCollectionAction} cycleId={cycle.id} version={cycle.version} gaps={gaps} /> : null}
      {cycle.status === "draft" || cycle.status === "collecting" ? (
        <details id="settings" className={ui.card} open={query.edit === "1"}>
          <summary className="cursor-pointer font-semibold">{cycle.status === "draft" ? "修改名称和截止日期" : "延长截止日期"}</summary>
          <div className="mt-3"><EditCycleForm action={updateCycleAction} cycle={cycle} /></div>
        </details>
      ) : null}
    </div>
  );
}

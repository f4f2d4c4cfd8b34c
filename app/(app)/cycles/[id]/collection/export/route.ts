import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import {
  collectionCycle,
  conflictReason,
  cycleSlotsOf,
  referenceConflicts,
  slotProgress,
  slotProgressSchema,
  sourceProgress,
  sourceProgressSchema,
  unitProgressForExport,
  unitProgressSchema,
  type ReferenceConflict,
  type SlotProgressRow,
  type SourceProgressRow,
  type UnitProgressRow,
} from "@/lib/collection/completeness";
import { beijingDate } from "@/lib/collection/deadline";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

const pct = (r: { answered: number; cells: number }) => (r.cells === 0 ? "100%" : `${Math.floor((r.answered / r.cells) * 1000) / 10}%`);
const time = (d: Date | null) => (d ? formatDateTimeCn(d) : "");
const STATUS: Record<string, string> = { draft: "填报中", submitted: "已提交", returned: "已退回" };

const SOURCE_COLUMNS: Column<SourceProgressRow>[] = [
  { header: "信源单位", width: 24, value: (r) => r.name },
  { header: "应填", value: (r) => r.cells },
  { header: "已填", value: (r) => r.answered },
  { header: "未填", value: (r) => r.cells - r.answered },
  { header: "进度", value: pct },
  { header: "报送状态", value: (r) => STATUS[r.status ?? ""] ?? "未开始" },
  { header: "最近填报", width: 22, value: (r) => time(r.lastActivity) },
  { header: "最近催办", width: 22, value: (r) => time(r.urgedAt) },
  { header: "催办次数", value: (r) => r.urges },
  { header: "不良记录", value: (r) => (r.badRecord ? "已记入" : "") },
];

const UNIT_COLUMNS: Column<UnitProgressRow>[] = [
  { header: "受评单位", width: 32, value: (r) => r.name },
  { header: "类别", value: (r) => UNIT_KIND_LABELS[r.kind] },
  { header: "应填", value: (r) => r.cells },
  { header: "已填", value: (r) => r.answered },
  { header: "进度", value: pct },
  { header: "自查自评报告", value: (r) => (r.selfAssessment ? "已上传" : "未上传") },
  { header: "政务承诺", value: (r) => (r.commitments ? "已上传" : "未上传") },
  { header: "最近催办", width: 22, value: (r) => time(r.urgedAt) },
  { header: "催办次数", value: (r) => r.urges },
  { header: "不良记录", value: (r) => (r.badRecord ? "已记入" : "") },
];

const CONFLICT_COLUMNS: Column<ReferenceConflict>[] = [
  { header: "文号/编号", width: 24, value: (r) => r.reference },
  { header: "问题", width: 30, value: conflictReason },
  { header: "记录数", value: (r) => r.records },
  { header: "信源单位", width: 30, value: (r) => r.sources.join("、") },
  { header: "受评单位", width: 40, value: (r) => r.units.join("、") },
  { header: "指标", width: 24, value: (r) => r.slots.join("、") },
];

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** The completeness lists as Excel: every row of the current search and sort. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await apiActor("manage:cycles:any");
  if (actor instanceof Response) return actor;
  const cycle = await collectionCycle((await params).id);
  if (!cycle) return Response.json({ error: "未找到" }, { status: 404 });
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const view = ["sources", "units", "slots", "conflicts"].includes(raw.view ?? "") ? raw.view! : "sources";
  await writeAudit(db(), { actor, action: "collection.exported", entityType: "cycle", entityId: cycle.id, meta: { view, query: raw }, ip: await requestIp() });
  const name = (what: string) => `${cycle.name}-${what}-${beijingDate(now())}.xlsx`;
  const slots = await cycleSlotsOf(cycle.id);
  if (view === "units") return xlsxResponse(streamXlsx("受评单位", UNIT_COLUMNS, unitProgressForExport(cycle.id, slots, unitProgressSchema.parse(raw))), name("受评单位完整情况"));
  if (view === "conflicts") return xlsxResponse(streamXlsx("文号冲突", CONFLICT_COLUMNS, once((await referenceConflicts(cycle.id, null)).rows)), name("文号冲突"));
  if (view === "slots") {
    const rows = (await slotProgress(cycle.id, slots, slotProgressSchema.parse(raw), null)).rows;
    const nameOf = (r: SlotProgressRow) => slots.slots.find((s) => s.indicatorCode === r.ind && s.subKey === r.sub)?.name ?? "";
    const columns: Column<SlotProgressRow>[] = [
      { header: "指标代码", width: 20, value: (r) => (r.sub ? `${r.ind}/${r.sub}` : r.ind) },
      { header: "指标名称", width: 32, value: nameOf },
      { header: "应填", value: (r) => r.cells },
      { header: "已填", value: (r) => r.answered },
      { header: "进度", value: pct },
    ];
    return xlsxResponse(streamXlsx("指标", columns, once(rows)), name("指标报送进度"));
  }
  const rows = (await sourceProgress(cycle.id, slots, sourceProgressSchema.parse(raw), null)).rows;
  return xlsxResponse(streamXlsx("信源单位", SOURCE_COLUMNS, once(rows)), name("信源单位报送进度"));
}

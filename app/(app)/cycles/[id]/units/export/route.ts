import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { cycleHead, enrolledUnitsForExport, type EnrolledRow } from "@/lib/cycles/data";
import { enrolledListSchema } from "@/lib/cycles/schema";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

const COLUMNS: Column<EnrolledRow>[] = [
  { header: "单位名称", width: 36, value: (u) => u.name },
  { header: "简称", width: 16, value: (u) => u.shortName },
  { header: "统一社会信用代码", width: 22, value: (u) => u.uscc },
  { header: "单位类别", width: 12, value: (u) => UNIT_KIND_LABELS[u.kind] },
  { header: "上级单位", width: 30, value: (u) => u.parentName },
  { header: "状态", width: 8, value: (u) => (u.active ? "在用" : "已停用") },
  { header: "纳入时间", width: 20, value: (u) => u.enrolledAt },
];

/** The enrolled units of a cycle (the list's filter), streamed in keyset batches. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await apiActor("manage:cycles:any");
  if (actor instanceof Response) return actor;
  const cycle = await cycleHead((await params).id);
  if (!cycle) return Response.json({ error: "未找到" }, { status: 404 });
  const query = enrolledListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await writeAudit(db(), { actor, action: "cycle.units_exported", entityType: "cycle", entityId: cycle.id, meta: { query }, ip: await requestIp() });
  const stamp = now().toISOString().slice(0, 10);
  return xlsxResponse(streamXlsx("受评单位", COLUMNS, enrolledUnitsForExport(cycle.id, query)), `${cycle.name}-受评单位-${stamp}.xlsx`);
}

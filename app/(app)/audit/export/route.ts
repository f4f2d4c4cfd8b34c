import { auditFilterSchema, auditRowsForExport, type AuditRow } from "@/lib/audit/data";
import { auditActionLabel, auditActorLabel, AUDIT_OUTCOME_LABELS } from "@/lib/audit/labels";
import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { formatDateTimeCn, now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";

const COLUMNS: Column<AuditRow>[] = [
  { header: "编号", width: 10, value: (r) => r.id },
  { header: "时间（北京时间）", width: 24, value: (r) => formatDateTimeCn(r.at) },
  { header: "操作人", width: 18, value: (r) => auditActorLabel(r) },
  { header: "操作", width: 18, value: (r) => auditActionLabel(r.action) },
  { header: "结果", width: 8, value: (r) => AUDIT_OUTCOME_LABELS[r.outcome] ?? r.outcome },
  { header: "对象类型", width: 12, value: (r) => r.entityType },
  { header: "对象编号", width: 28, value: (r) => r.entityId },
  { header: "IP", width: 16, value: (r) => r.ip },
  { header: "详情", width: 60, value: (r) => r.detail },
];

export async function GET(request: Request) {
  const actor = await apiActor("export:audit:any");
  if (actor instanceof Response) return actor;
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await writeAudit(db(), { actor, action: "audit.export", meta: { filter }, ip: await requestIp() });
  const stamp = now().toISOString().slice(0, 10);
  return xlsxResponse(streamXlsx("审计日志", COLUMNS, auditRowsForExport(filter)), `审计日志-${stamp}.xlsx`);
}

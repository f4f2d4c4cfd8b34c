import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { schemeVersionFor } from "@/lib/schemes/data";
import { schemeTableRows, type SchemeTableRow } from "@/lib/schemes/rows";

type Context = { params: Promise<{ id: string }> };

const COLUMNS: Column<SchemeTableRow>[] = [
  { header: "一级指标", width: 16, value: (r) => r.category },
  { header: "权重", width: 8, value: (r) => r.weight },
  { header: "指标代码", width: 22, value: (r) => r.code },
  { header: "二级指标", width: 24, value: (r) => r.indicator },
  { header: "子项", width: 24, value: (r) => r.item },
  { header: "分值", width: 8, value: (r) => r.max },
  { header: "评分规则", width: 50, value: (r) => r.rule },
  { header: "主要评价内容", width: 60, value: (r) => r.content },
  { header: "数据来源", width: 24, value: (r) => r.sources },
  { header: "佐证材料", width: 30, value: (r) => r.evidence },
  { header: "说明", width: 40, value: (r) => r.note },
];

async function* once<T>(rows: T[]): AsyncIterable<T[]> {
  yield rows;
}

/** The version's indicator table as .xlsx (same visibility as the page). */
export async function GET(_request: Request, { params }: Context) {
  const actor = await apiActor("read:schemes:any");
  if (actor instanceof Response) return actor;
  const version = await schemeVersionFor(actor, (await params).id);
  if (!version) return Response.json({ error: "未找到" }, { status: 404 });
  await writeAudit(db(), {
    actor,
    action: "scheme.exported_xlsx",
    entityType: "scheme_version",
    entityId: version.id,
    meta: { code: version.code, version: version.version, format: "xlsx" },
    ip: await requestIp(),
  });
  const stream = streamXlsx("指标体系", COLUMNS, once(schemeTableRows(version.document)));
  return xlsxResponse(stream, `${version.code}-v${version.version}-指标体系.xlsx`);
}

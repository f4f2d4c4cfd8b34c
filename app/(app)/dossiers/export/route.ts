import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { db } from "@/lib/db/client";
import { dossierListSchema } from "@/lib/dossiers/schema";
import { dossiersForExport, type DossierRow } from "@/lib/dossiers/search";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

const COLUMNS: Column<DossierRow>[] = [
  { header: "单位名称", width: 36, value: (r) => r.name },
  { header: "统一社会信用代码", width: 22, value: (r) => r.uscc },
  { header: "单位类别", width: 12, value: (r) => UNIT_KIND_LABELS[r.kind] },
  { header: "年度", width: 8, value: (r) => r.year },
  { header: "评价周期", width: 28, value: (r) => r.cycleName },
  { header: "总分", width: 10, value: (r) => Number(r.total) },
  { header: "等次", width: 10, value: (r) => r.grade },
  { header: "已更正", width: 8, value: (r) => (r.amended ? "是" : "") },
  { header: "排名", width: 10, value: (r) => `${r.rankPosition}/${r.rankOf}` },
  { header: "归档年度数", width: 10, value: (r) => r.years },
  { header: "未办结整改", width: 10, value: (r) => r.openCount },
  { header: "待审核整改", width: 10, value: (r) => r.pendingCount },
];

/** The search's rows (the page's filter, every matching unit, pinyin order) as Excel, streamed in keyset batches. */
export async function GET(request: Request) {
  const actor = await apiActor("read:dossiers:any");
  if (actor instanceof Response) return actor;
  const query = dossierListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filter = { q: query.q, year: query.year, grade: query.grade, kind: query.kind, rectification: query.rectification };
  await writeAudit(db(), { actor, action: "dossiers.exported", meta: { filter }, ip: await requestIp() });
  return xlsxResponse(streamXlsx("诚信档案", COLUMNS, dossiersForExport(filter)), `诚信档案-${beijingDate(now())}.xlsx`);
}

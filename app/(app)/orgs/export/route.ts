import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { organisationsForExport, orgListSchema, type OrgRow } from "@/lib/orgs/data";
import { ORG_ROLE_LABELS, UNIT_KIND_LABELS } from "@/lib/orgs/kinds";

// The columns of the seed 000 unit list, so an export can be edited and imported again.
const COLUMNS: Column<OrgRow>[] = [
  { header: "单位名称", width: 36, value: (o) => o.name },
  { header: "统一社会信用代码", width: 22, value: (o) => o.uscc },
  { header: "法定代表人", width: 12, value: (o) => o.legalRep },
  { header: "联系电话", width: 16, value: (o) => o.phone },
  { header: "电子邮箱", width: 26, value: (o) => o.email },
  { header: "备注", width: 24, value: (o) => o.note },
  { header: "单位类别", width: 12, value: (o) => UNIT_KIND_LABELS[o.kind] },
  { header: "上级单位", width: 30, value: (o) => o.parentName },
  { header: "简称", width: 16, value: (o) => o.shortName },
  { header: "单位角色", width: 24, value: (o) => o.roles.map((r) => ORG_ROLE_LABELS[r]).join("、") },
  { header: "状态", width: 8, value: (o) => (o.active ? "在用" : "已停用") },
];

export async function GET(request: Request) {
  const actor = await apiActor("manage:orgs:any");
  if (actor instanceof Response) return actor;
  const query = orgListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await writeAudit(db(), { actor, action: "org.export", meta: { query }, ip: await requestIp() });
  const stamp = now().toISOString().slice(0, 10);
  return xlsxResponse(streamXlsx("单位名单", COLUMNS, organisationsForExport(query)), `单位名单-${stamp}.xlsx`);
}

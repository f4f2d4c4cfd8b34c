import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse } from "@/lib/export/xlsx";
import { cycleComparisonForExport, cyclePair } from "@/lib/results/compare-cycles";
import { cycleComparisonColumns } from "@/lib/results/compare-export";
import { cycleCompareQuerySchema } from "@/lib/results/schema";

/** The whole comparison of two cycles (every group; the page's kind and search) as Excel, streamed in keyset batches. */
export async function GET(request: Request) {
  const actor = await apiActor("read:results:any");
  if (actor instanceof Response) return actor;
  const query = cycleCompareQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const pair = query.a && query.b ? await cyclePair(actor.roles, query.a, query.b) : null;
  if (!pair?.a || !pair.b || pair.a.id === pair.b.id) return Response.json({ error: "未找到" }, { status: 404 });
  const { a, b } = pair;
  const filter = { kind: query.kind, q: query.q };
  await writeAudit(db(), {
    actor, action: "results.exported", entityType: "cycle", entityId: b.id,
    meta: { what: "cycle-comparison", a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, filter }, ip: await requestIp(),
  });
  return xlsxResponse(streamXlsx("年度对比", cycleComparisonColumns(a, b), cycleComparisonForExport(a.id, b.id, filter)), `年度对比-${a.year}-${b.year}-${beijingDate(now())}.xlsx`);
}

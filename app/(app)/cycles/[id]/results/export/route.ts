import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { formatDateCn, now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { rankingForExport, rankingSchemes, resultsCycle, type RankingRow } from "@/lib/results/data";
import { rankingQuerySchema } from "@/lib/results/schema";

/** The ranking of one scheme (the page's filter, every matching unit) as Excel, streamed in keyset batches. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await apiActor("read:results:any");
  if (actor instanceof Response) return actor;
  const cycle = await resultsCycle((await params).id, actor.roles);
  if (!cycle) return Response.json({ error: "未找到" }, { status: 404 });
  const query = rankingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const schemes = await rankingSchemes(cycle.id);
  const scheme = schemes.find((s) => s.schemeVersionId === query.scheme) ?? schemes.find((s) => s.results > 0) ?? schemes[0];
  if (!scheme) return Response.json({ error: "未找到" }, { status: 404 });
  const columns: Column<RankingRow>[] = [
    { header: "排名", width: 8, value: (r) => r.position },
    { header: "单位名称", width: 36, value: (r) => r.name },
    { header: "统一社会信用代码", width: 22, value: (r) => r.uscc },
    { header: "单位类别", width: 12, value: (r) => UNIT_KIND_LABELS[r.kind] },
    ...scheme.categories.map((c): Column<RankingRow> => ({ header: `${c.name}（${c.weight}分）`, width: 14, value: (r) => numberOf(r.categories.find((x) => x.code === c.code)?.score) })),
    { header: "总分", width: 10, value: (r) => Number(r.total) },
    { header: "等次", width: 10, value: (r) => r.grade },
    { header: "送达状态", width: 22, value: (r) => (r.issuedAt ? `已送达 ${formatDateCn(r.issuedAt)}` : "未送达") },
  ];
  const filter = { q: query.q, kind: query.kind, grade: query.grade, issued: query.issued };
  await writeAudit(db(), { actor, action: "results.exported", entityType: "cycle", entityId: cycle.id, meta: { what: "ranking", scheme: `${scheme.code} 第${scheme.version}版`, filter }, ip: await requestIp() });
  const sheet = scheme.name.replace(/[\\/?*[\]:]/g, "").slice(0, 31) || "排名";
  return xlsxResponse(streamXlsx(sheet, columns, rankingForExport(cycle.id, scheme.schemeVersionId, filter)), `${cycle.name}-评分结果-${scheme.code}-${beijingDate(now())}.xlsx`);
}

function numberOf(score: string | undefined): number | null {
  return score === undefined ? null : Number(score);
}

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { listQuerySchema } from "@/lib/list-query";
import { Prisma } from "@/prisma/generated/client/client";
import type { IndicatorResult } from "@/lib/scoring";
import { fourEyesPeople, type FourEyesPeople } from "./decide";

/* The office's queue of re-evaluation requests and one request with what it is decided on. */

export const REQUEST_PAGE_SIZE = 30;
export const REQUEST_STATUS_LABELS = { filed: "待决定", withdrawn: "已撤回", decided: "已决定" } as const;
export type RequestStatus = keyof typeof REQUEST_STATUS_LABELS;

export const requestListSchema = listQuerySchema(["filed", "name"] as const, "filed").extend({
  status: z.enum(["filed", "withdrawn", "decided"]).optional().catch(undefined),
});
export type RequestListQuery = z.infer<typeof requestListSchema>;

export type RequestRow = { id: string; unitId: string; unitName: string; status: RequestStatus; filedAt: Date; items: number; decidedItems: number; endsAt: Date | null };

export async function listRequests(cycleId: string, query: RequestListQuery): Promise<{ rows: RequestRow[]; total: number; counts: Record<RequestStatus, number> }> {
  const status = query.status ? Prisma.sql`AND r.status::text = ${query.status}` : Prisma.empty;
  const search = query.q ? Prisma.sql`AND o.name ILIKE ${`%${query.q}%`}` : Prisma.empty;
  const dir = query.order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = query.sort === "name" ? Prisma.sql`o.name ${dir}` : Prisma.sql`r.filed_at ${dir}`;
  const where = Prisma.sql`WHERE r.cycle_id = ${cycleId} ${status} ${search}`;
  const [rows, [count], byStatus] = await Promise.all([
    db().$queryRaw<{ id: string; unit_id: string; unit_name: string; status: RequestStatus; filed_at: Date; items: number; decided: number; ends_at: Date | null }[]>`
      SELECT r.id, r.unit_id, o.name AS unit_name, r.status::text AS status, r.filed_at, cu.feedback_ends_at AS ends_at,
             (SELECT count(*)::int FROM request_item i WHERE i.request_id = r.id) AS items,
             (SELECT count(*)::int FROM request_item i WHERE i.request_id = r.id AND i.decision IS NOT NULL) AS decided
        FROM reevaluation_request r JOIN organisation o ON o.id = r.unit_id JOIN cycle_unit cu ON cu.id = r.cycle_unit_id
      ${where} ORDER BY ${order}, r.id LIMIT ${REQUEST_PAGE_SIZE} OFFSET ${(query.page - 1) * REQUEST_PAGE_SIZE}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM reevaluation_request r JOIN organisation o ON o.id = r.unit_id ${where}`,
    db().reevaluationRequest.groupBy({ by: ["status"], where: { cycleId }, _count: true }),
  ]);
  const counts = { filed: 0, withdrawn: 0, decided: 0 } as Record<RequestStatus, number>;
  for (const s of byStatus) counts[s.status] = s._count;
  return {
    rows: rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, status: r.status, filedAt: r.filed_at, items: r.items, decidedItems: r.decided, endsAt: r.ends_at })),
    total: count?.n ?? 0,
    counts,
  };
}

export type RequestDetail = {
  id: string;
  cycleId: string;
  status: RequestStatus;
  filedAt: Date;
  filedByName: string | null;
  unit: { id: string; name: string };
  initialTotal: string | null;
  initialGrade: string | null;
  items: { indicatorCode: string; name: string; max: number; initialScore: string | null; explanation: string; reason: string; decision: string | null; decisionReason: string | null; decidedAt: Date | null }[];
  evidence: { id: string; originalName: string; size: number }[];
  /** Who the four-eyes rule looks at (lib/feedback/decide.ts fourEyesFor decides with them). */
  people: FourEyesPeople;
};

export async function requestDetail(cycleId: string, requestId: string): Promise<RequestDetail | null> {
  const request = await db().reevaluationRequest.findFirst({
    where: { id: requestId, cycleId },
    include: { items: { orderBy: { indicatorCode: "asc" } }, cycleUnit: { include: { organisation: { select: { id: true, name: true } }, issuedResult: true } } },
  });
  if (!request) return null;
  const issued = request.cycleUnit.issuedResult;
  const scheme = issued ? await db().schemeVersion.findUnique({ where: { id: issued.schemeVersionId }, select: { document: true } }) : null;
  const names = new Map<string, { name: string; max: number }>();
  for (const c of ((scheme?.document as { categories?: { indicators: { code: string; name: string; max: number }[] }[] } | undefined)?.categories ?? [])) {
    for (const i of c.indicators) names.set(i.code, { name: i.name, max: i.max });
  }
  const results = new Map(((issued?.indicators ?? []) as IndicatorResult[]).map((i) => [i.code, i]));
  const [evidence, people] = await Promise.all([
    db().evidence.findMany({ where: { requestId }, select: { id: true, originalName: true, size: true } }),
    fourEyesPeople(db(), { cycleId, unitId: request.unitId, issuedResultId: issued?.id ?? null }),
  ]);
  return {
    id: request.id, cycleId, status: request.status, filedAt: request.filedAt, filedByName: request.filedByName,
    unit: request.cycleUnit.organisation,
    initialTotal: issued ? issued.total.toFixed(2) : null, initialGrade: issued?.grade ?? null,
    items: request.items.map((item) => ({
      indicatorCode: item.indicatorCode, name: names.get(item.indicatorCode)?.name ?? item.indicatorCode, max: names.get(item.indicatorCode)?.max ?? 0,
      initialScore: results.get(item.indicatorCode)?.score ?? null, explanation: results.get(item.indicatorCode)?.explanation ?? "",
      reason: item.reason, decision: item.decision, decisionReason: item.decisionReason, decidedAt: item.decidedAt,
    })),
    evidence,
    people,
  };
}

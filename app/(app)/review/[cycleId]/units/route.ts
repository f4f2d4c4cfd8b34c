import { apiActor } from "@/lib/auth/api";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { resultsCycle, unitsToPick } from "@/lib/results/data";
import { UNIT_PICK_PAGE_SIZE, unitPickSchema, type PickUnitsBody } from "@/lib/results/schema";

/** A searched page of the cycle's units, for the reviewer choosing which to send back. */
export async function GET(request: Request, { params }: { params: Promise<{ cycleId: string }> }) {
  const actor = await apiActor("approve:cycles:any");
  if (actor instanceof Response) return actor;
  const cycle = await resultsCycle((await params).cycleId, actor.roles);
  if (!cycle || cycle.status !== "approval") return Response.json({ error: "未找到" }, { status: 404 });
  const query = unitPickSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows, total } = await unitsToPick(cycle.id, query.q, query.page, UNIT_PICK_PAGE_SIZE);
  const body: PickUnitsBody = { rows: rows.map((r) => ({ id: r.id, name: r.name, uscc: r.uscc, kindLabel: UNIT_KIND_LABELS[r.kind], total: r.total, issued: r.issued })), total, pageSize: UNIT_PICK_PAGE_SIZE };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

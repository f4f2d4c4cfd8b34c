import { apiActor } from "@/lib/auth/api";
import { runningRun, runOf, scoringCycle } from "@/lib/results/data";
import { RUN_PHASE_LABELS } from "@/lib/results/run";
import type { RunProgressBody } from "@/lib/results/schema";

/** How far a run is (`?run=<id>`, else the cycle's running run): polled every second by the scoring page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await apiActor("run:scoring:any");
  if (actor instanceof Response) return actor;
  const cycle = await scoringCycle((await params).id);
  if (!cycle) return Response.json({ error: "未找到" }, { status: 404 });
  const runId = new URL(request.url).searchParams.get("run");
  const run = runId ? await runOf(cycle.id, runId.slice(0, 60)) : await runningRun(cycle.id);
  const body: RunProgressBody = {
    run: run
      ? { id: run.id, number: run.number, status: run.status, phaseLabel: RUN_PHASE_LABELS[run.phase] ?? run.phase, done: run.done, total: run.total, stale: run.stale }
      : null,
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

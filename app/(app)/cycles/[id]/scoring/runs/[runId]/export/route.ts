import { writeAudit } from "@/lib/audit/mutations";
import { apiActor } from "@/lib/auth/api";
import { requestIp } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { beijingDate } from "@/lib/collection/deadline";
import { db } from "@/lib/db/client";
import { streamXlsx, xlsxResponse, type Column } from "@/lib/export/xlsx";
import { runOf, runProblems, scoringCycle, type ProblemRow } from "@/lib/results/data";
import { RUN_PROBLEM_KIND_LABELS } from "@/lib/results/plan";
import { problemListSchema } from "@/lib/results/schema";

const COLUMNS: Column<ProblemRow>[] = [
  { header: "受评单位", width: 32, value: (p) => p.unitName },
  { header: "指标代码", width: 18, value: (p) => p.indicatorCode },
  { header: "指标名称", width: 24, value: (p) => p.indicatorName },
  { header: "子项", width: 16, value: (p) => p.subName },
  { header: "问题类型", width: 10, value: (p) => RUN_PROBLEM_KIND_LABELS[p.kind] },
  { header: "说明", width: 48, value: (p) => p.message },
  { header: "尚未报送的信源单位", width: 30, value: (p) => p.sourceNames.join("、") },
];

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}

/** A failed run's problems (the page's filter) as Excel. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; runId: string }> }) {
  const actor = await apiActor("run:scoring:any");
  if (actor instanceof Response) return actor;
  const { id, runId } = await params;
  const cycle = await scoringCycle(id);
  const run = cycle ? await runOf(cycle.id, runId) : null;
  if (!cycle || !run) return Response.json({ error: "未找到" }, { status: 404 });
  const query = problemListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows } = await runProblems(cycle.id, run.id, query, null, 0);
  await writeAudit(db(), { actor, action: "results.exported", entityType: "scoring_run", entityId: run.id, meta: { what: "run_problems", cycleId: cycle.id, number: run.number, query, rows: rows.length }, ip: await requestIp() });
  return xlsxResponse(streamXlsx("评分问题", COLUMNS, once(rows)), `${cycle.name}-第${run.number}次评分问题-${beijingDate(now())}.xlsx`);
}

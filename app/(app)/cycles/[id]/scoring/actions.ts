"use server";

import { revalidatePath } from "next/cache";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { executeRun, startRun } from "@/lib/results/run";
import { startScoringSchema, type StartScoringData } from "@/lib/results/schema";

// Starting a scoring run from the scoring page. The run is recorded here, then executed in the
// background of the Node server (not awaited): the page follows it through scoring_run_progress.

type Result = ActionResult<StartScoringData>;

const start = protectedAction({ permission: "run:scoring:any", schema: startScoringSchema }, async (actor, input) => {
  const ip = await requestIp();
  const unitIds = input.scope === "selected" ? input.unitIds : [];
  const { runId, number } = await startRun(db(), actor, { cycleId: input.cycleId, unitIds }, ip);
  void executeRun(db(), actor, runId, ip).catch((error: unknown) => console.error(`scoring run ${runId} could not finish`, error));
  revalidatePath(`/cycles/${input.cycleId}/scoring`);
  return { message: `第${number}次评分已开始${unitIds.length > 0 ? `（所选${unitIds.length}个单位）` : "（全部未送达单位）"}`, runId, number };
});

/** Form fields: cycleId, scope (all | selected), unitIds (repeated). */
export async function startScoringAction(_prev: Result | null, formData: FormData): Promise<Result> {
  return start({ cycleId: formData.get("cycleId"), scope: formData.get("scope"), unitIds: formData.getAll("unitIds") });
}

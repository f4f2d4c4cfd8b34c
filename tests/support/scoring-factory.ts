// A hegang-2022 cycle closed for scoring with every cell answered (lib/seed/facts-generator.ts).
import type { PrismaClient } from "@/lib/db/prisma";
import { generateCycleFacts } from "@/lib/seed/facts-generator";
import { createCollectingCycle, type CollectingCycle } from "./monitor-factory";

export async function createScoringCycle(prisma: PrismaClient, options: { unitCount?: number; seed?: number } = {}): Promise<CollectingCycle> {
  const cycle = await createCollectingCycle(prisma, { unitCount: options.unitCount ?? 5 });
  await generateCycleFacts(prisma, cycle.cycleId, { seed: options.seed ?? 7 });
  await prisma.cycle.update({ where: { id: cycle.cycleId }, data: { status: "scoring", closedAt: new Date() } });
  return cycle;
}

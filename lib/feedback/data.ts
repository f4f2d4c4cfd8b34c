import "server-only";
import { db } from "@/lib/db/client";
import type { FeedbackFacts } from "./state";

export type UnitFeedback = FeedbackFacts & {
  cycleUnitId: string;
  request: (NonNullable<FeedbackFacts["request"]> & { id: string; items: { indicatorCode: string; reason: string; decision: string | null; decisionReason: string | null }[] }) | null;
};

/** What the unit's window is derived from, with its request and the request's items. */
export async function unitFeedback(cycleId: string, unitId: string): Promise<UnitFeedback | null> {
  const cu = await db().cycleUnit.findUnique({
    where: { cycleId_organisationId: { cycleId, organisationId: unitId } },
    select: {
      id: true, issuedAt: true, feedbackEndsAt: true, confirmedAt: true,
      request: { select: { id: true, status: true, filedAt: true, withdrawnAt: true, decidedAt: true, items: { select: { indicatorCode: true, reason: true, decision: true, decisionReason: true }, orderBy: { indicatorCode: "asc" } } } },
    },
  });
  if (!cu) return null;
  return { cycleUnitId: cu.id, issuedAt: cu.issuedAt, feedbackEndsAt: cu.feedbackEndsAt, confirmedAt: cu.confirmedAt, request: cu.request };
}

import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { cycleSlotsOf, overallProgress } from "@/lib/collection/completeness";
import { unansweredCells } from "@/lib/collection/data";
import { beijingDate, endOfBeijingDay } from "@/lib/collection/deadline";
import { windowEnd } from "@/lib/collection/access";
import { cycleFinality, openSendBacks } from "@/lib/archive/data";
import type { Finality } from "@/lib/archive/policy";
import { cycleOverview } from "@/lib/cycles/data";
import type { CycleState } from "@/lib/cycles/workflow";
import { db } from "@/lib/db/client";
import { feedbackState, type FeedbackState } from "@/lib/feedback/state";
import { scoringSummary, type ScoringSummary } from "@/lib/results/data";

/*
 * What each role's home page lists as its tasks, with their deadlines (spec/quality.md
 * "Usability"). Only the facts: the home components turn them into sentences and links. Counts
 * come from the same SQL aggregates the cycle pages use, so a province's units never reach here.
 */

type CycleHead = { id: string; year: number; name: string; status: CycleState; collectionDeadline: string; commitmentsDeadline: string };
const headSelect = { id: true, year: true, name: true, status: true, collectionDeadline: true, commitmentsDeadline: true } as const;

export type OfficeCycleTasks = CycleHead & {
  collectionEndsAt: Date;
  blockers: string[];
  collection: { cells: number; answered: number; sources: number; submitted: number; late: boolean } | null;
  scoring: ScoringSummary | null;
  finality: Finality | null;
  approval: { openedAt: Date | null; approvedAt: Date | null; sendBacks: number } | null;
};

/** Every cycle not yet archived, newest first, with what blocks its next step. */
export async function officeHome(at: Date = now()): Promise<OfficeCycleTasks[]> {
  const cycles = await db().cycle.findMany({
    where: { status: { not: "archived" } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { ...headSelect, approvalOpenedAt: true, approvedAt: true },
  });
  return Promise.all(
    cycles.map(async ({ approvalOpenedAt, approvedAt, ...cycle }) => {
      const collectionEndsAt = endOfBeijingDay(cycle.collectionDeadline);
      const base: OfficeCycleTasks = { ...cycle, collectionEndsAt, blockers: [], collection: null, scoring: null, finality: null, approval: null };
      switch (cycle.status) {
        case "draft":
          return { ...base, blockers: ((await cycleOverview(cycle.id))?.blockers ?? []).map((b) => b.message) };
        case "collecting": {
          const progress = await overallProgress(cycle.id, await cycleSlotsOf(cycle.id));
          return { ...base, collection: { ...progress, late: at.getTime() > collectionEndsAt.getTime() } };
        }
        case "scoring":
        case "feedback": {
          const [scoring, finality] = await Promise.all([scoringSummary(cycle.id), cycleFinality(db(), cycle.id, at)]);
          return { ...base, scoring, finality };
        }
        case "approval":
          return { ...base, approval: { openedAt: approvalOpenedAt, approvedAt, sendBacks: await openSendBacks(db(), cycle.id) } };
        default:
          return base;
      }
    }),
  );
}

export type SourceCycleTasks = CycleHead & { endsAt: Date; submitted: boolean; cells: number; missingCells: number; missingSlots: string[] };

/** The cycles the caller's source reports in while collecting, with what it still has to answer. */
export async function sourceHome(actor: Actor): Promise<SourceCycleTasks[]> {
  const cycles = await db().cycle.findMany({
    where: { status: "collecting", assignments: { some: { sourceOrgId: actor.organisationId } } },
    select: { ...headSelect, submissions: { where: { sourceOrgId: actor.organisationId }, select: { status: true, reopenedUntil: true } } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
  });
  return Promise.all(
    cycles.map(async ({ submissions, ...cycle }) => {
      const { cells, missing } = await unansweredCells(db(), cycle.id, actor.organisationId);
      const submission = submissions[0] ?? null;
      return {
        ...cycle,
        endsAt: windowEnd(cycle, submission),
        submitted: submission?.status === "submitted",
        cells,
        missingCells: missing.length,
        missingSlots: [...new Set(missing.map((m) => m.slotName))],
      };
    }),
  );
}

export type UnitCycleTasks = CycleHead & {
  uploads: { kind: "self_assessment" | "commitments"; endsAt: Date; uploaded: boolean }[];
  feedback: FeedbackState;
};

export type UnitHome = { cycles: UnitCycleTasks[]; openRectifications: number; returnedRectifications: number };

/** The caller's own unit: uploads and the feedback window per cycle not archived, and open rectification. */
export async function unitHome(actor: Actor, at: Date = now()): Promise<UnitHome> {
  const unitId = actor.organisationId;
  const [enrolled, [rect]] = await Promise.all([
    db().cycleUnit.findMany({
      where: { organisationId: unitId, cycle: { status: { notIn: ["draft", "archived"] } } },
      select: {
        issuedAt: true, feedbackEndsAt: true, confirmedAt: true,
        request: { select: { status: true, filedAt: true, withdrawnAt: true, decidedAt: true } },
        cycle: { select: headSelect },
      },
      orderBy: [{ cycle: { year: "desc" } }],
    }),
    db().$queryRaw<{ open: number; returned: number }[]>`
      SELECT count(*) FILTER (WHERE NOT (status = 'done' AND review = 'accepted'))::int AS open,
             count(*) FILTER (WHERE review = 'returned')::int AS returned
        FROM rectification WHERE organisation_id = ${unitId}`,
  ]);
  const cycleIds = enrolled.map((e) => e.cycle.id);
  const documents = cycleIds.length
    ? await db().unitDocument.groupBy({ by: ["cycleId", "kind"], where: { unitId, cycleId: { in: cycleIds } }, _count: { _all: true } })
    : [];
  const uploaded = (cycleId: string, kind: string) => documents.some((d) => d.cycleId === cycleId && d.kind === kind);
  const cycles = enrolled.map(({ cycle, issuedAt, feedbackEndsAt, confirmedAt, request }) => ({
    ...cycle,
    uploads:
      cycle.status === "collecting"
        ? (["self_assessment", "commitments"] as const).map((kind) => ({
            kind,
            endsAt: endOfBeijingDay(kind === "commitments" ? cycle.commitmentsDeadline : cycle.collectionDeadline),
            uploaded: uploaded(cycle.id, kind),
          }))
        : [],
    feedback: feedbackState({ issuedAt, feedbackEndsAt, confirmedAt, request }, at),
  }));
  return { cycles, openRectifications: rect?.open ?? 0, returnedRectifications: rect?.returned ?? 0 };
}

export type ReviewerTask = { id: string; name: string; year: number; openedAt: Date | null; units: number };

/** Cycles submitted for approval and not yet approved. */
export async function reviewerHome(): Promise<ReviewerTask[]> {
  const cycles = await db().cycle.findMany({
    where: { status: "approval", approvedAt: null },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, name: true, year: true, approvalOpenedAt: true, _count: { select: { units: true } } },
  });
  return cycles.map((c) => ({ id: c.id, name: c.name, year: c.year, openedAt: c.approvalOpenedAt, units: c._count.units }));
}

/** Next year (Beijing) and whether the working-day calendar has it as official data. */
export async function nextYearCalendar(at: Date = now()): Promise<{ year: number; status: "missing" | "draft" | "official" }> {
  const year = Number(beijingDate(at).slice(0, 4)) + 1;
  const row = await db().calendarYear.findUnique({ where: { year }, select: { status: true } });
  return { year, status: !row ? "missing" : row.status === "official" ? "official" : "draft" };
}

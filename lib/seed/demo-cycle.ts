// The demo year: a "2026年度政务诚信评价" cycle under hegang-2022 for the municipal departments,
// every demo unit enrolled, the scheme's default sources assigned and collection open, so a
// newcomer can walk the year from the first screen. Built with the cycle commands themselves
// (acting as the system), so the demo never holds a state the application could not reach.
import { now } from "@/lib/clock";
import { beijingDate, defaultDeadlines, isPastDeadline } from "@/lib/collection/deadline";
import * as cycles from "@/lib/cycles/core";
import type { PrismaClient } from "@/lib/db/prisma";
import { generateCycleFacts } from "./facts-generator";

export const DEMO_CYCLE_YEAR = 2026;
export const DEMO_SCHEME = { code: "hegang-2022", version: 1 } as const;

/** 30 days from today (Beijing), for a demo started after the default deadline has passed. */
function monthAhead(): string {
  return beijingDate(new Date(now().getTime() + 30 * 86_400_000));
}

export async function seedDemoCycle(prisma: PrismaClient): Promise<{ cycleId: string; units: number; unmatched: string[] }> {
  const scheme = await prisma.schemeVersion.findUniqueOrThrow({ where: { code_version: DEMO_SCHEME }, select: { id: true } });
  const defaults = defaultDeadlines(DEMO_CYCLE_YEAR);
  const collectionDeadline = isPastDeadline(defaults.collectionDeadline, now()) ? monthAhead() : defaults.collectionDeadline;
  // A demo started after 1 May would otherwise show the commitments upload as closed from the start.
  const commitmentsDeadline = isPastDeadline(defaults.commitmentsDeadline, now()) ? collectionDeadline : defaults.commitmentsDeadline;
  const { id: cycleId } = await cycles.createCycle(prisma, null, { year: DEMO_CYCLE_YEAR, collectionDeadline, commitmentsDeadline });
  let version = 1;
  ({ version } = await cycles.setCycleScheme(prisma, null, { cycleId, expectedVersion: version, unitKind: "municipal_department", schemeVersionId: scheme.id }));
  const enrolled = await cycles.enrolUnits(prisma, null, { cycleId, expectedVersion: version, target: { by: "kind", kind: "municipal_department" } });
  const applied = await cycles.applyDefaultAssignments(prisma, null, { cycleId, expectedVersion: enrolled.version });
  await cycles.openCollection(prisma, null, { cycleId, expectedVersion: applied.version });
  return { cycleId, units: enrolled.added, unmatched: applied.unmatched.map((u) => u.name) };
}

export const DEMO_SCORING_YEAR = 2025;

/** Runs a step of the demo's history as if on that day (the clock of lib/clock.ts), then restores it. */
export async function asOf<T>(instant: string, step: () => Promise<T>): Promise<T> {
  const saved = process.env.INTEGRITY_FAKE_NOW;
  process.env.INTEGRITY_FAKE_NOW = instant;
  try {
    return await step();
  } finally {
    if (saved === undefined) delete process.env.INTEGRITY_FAKE_NOW;
    else process.env.INTEGRITY_FAKE_NOW = saved;
  }
}

/**
 * The previous year, collected in full and closed for scoring, so a newcomer can run scoring, read
 * and edit reports and issue them. Its history is played with the cycle commands on the dates it
 * would have happened (set up in January, every source answered and submitted, closed in December).
 */
export async function seedDemoScoringCycle(prisma: PrismaClient): Promise<{ cycleId: string; units: number }> {
  return seedCollectedCycle(prisma, DEMO_SCORING_YEAR);
}

/** A year set up in January, every source answered and submitted, collection closed in December. */
export async function seedCollectedCycle(prisma: PrismaClient, year: number): Promise<{ cycleId: string; units: number }> {
  const scheme = await prisma.schemeVersion.findUniqueOrThrow({ where: { code_version: DEMO_SCHEME }, select: { id: true } });
  const { cycleId, added } = await asOf(`${year}-01-10T02:00:00Z`, async () => {
    const { id } = await cycles.createCycle(prisma, null, { year });
    let version = 1;
    ({ version } = await cycles.setCycleScheme(prisma, null, { cycleId: id, expectedVersion: version, unitKind: "municipal_department", schemeVersionId: scheme.id }));
    const enrolled = await cycles.enrolUnits(prisma, null, { cycleId: id, expectedVersion: version, target: { by: "kind", kind: "municipal_department" } });
    const applied = await cycles.applyDefaultAssignments(prisma, null, { cycleId: id, expectedVersion: enrolled.version });
    await cycles.openCollection(prisma, null, { cycleId: id, expectedVersion: applied.version });
    return { cycleId: id, added: enrolled.added };
  });
  await generateCycleFacts(prisma, cycleId, { seed: year });
  await prisma.submission.updateMany({ where: { cycleId }, data: { status: "submitted", submittedAt: new Date(`${year}-11-28T02:00:00Z`) } });
  // The notices of a year long past would only clutter the demo users' inboxes.
  await prisma.notification.deleteMany({ where: { link: { contains: cycleId } } });
  const { version } = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { version: true } });
  await asOf(`${year}-12-03T02:00:00Z`, () => cycles.closeCollection(prisma, null, { cycleId, expectedVersion: version }));
  return { cycleId, units: added };
}

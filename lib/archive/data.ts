// What the approval, review and archive pages read. Counts are computed in SQL (a province's
// 50,000 units never reach the page); lists are short (rounds, sent-back units, volumes).
import { now } from "@/lib/clock";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { latestJob, reapStaleJobs, type JobView } from "@/lib/jobs/jobs";
import type { Finality } from "./policy";

type Client = PrismaClient | Tx;

export async function cycleFinality(client: Client, cycleId: string, at: Date = now()): Promise<Finality> {
  const [counts] = await client.$queryRaw<{ enrolled: bigint; not_issued: bigint; open: bigint; requested: bigint; last_end: Date | null }[]>`
    SELECT count(*) AS enrolled,
           count(*) FILTER (WHERE cu.issued_at IS NULL) AS not_issued,
           count(*) FILTER (WHERE cu.issued_at IS NOT NULL AND cu.confirmed_at IS NULL AND r.id IS NULL AND cu.feedback_ends_at >= ${at}) AS open,
           count(*) FILTER (WHERE r.status = 'filed') AS requested,
           max(cu.feedback_ends_at) FILTER (WHERE cu.issued_at IS NOT NULL AND cu.confirmed_at IS NULL AND r.id IS NULL AND cu.feedback_ends_at >= ${at}) AS last_end
      FROM cycle_unit cu LEFT JOIN reevaluation_request r ON r.cycle_unit_id = cu.id
     WHERE cu.cycle_id = ${cycleId}`;
  const examples = await client.$queryRaw<{ problem: string; name: string }[]>`
    SELECT problem, name FROM (
      SELECT CASE WHEN cu.issued_at IS NULL THEN 'notIssued'
                  WHEN r.status = 'filed' THEN 'requested'
                  WHEN cu.confirmed_at IS NULL AND r.id IS NULL AND cu.feedback_ends_at >= ${at} THEN 'open' END AS problem,
             o.name, row_number() OVER (PARTITION BY (cu.issued_at IS NULL), r.status ORDER BY o.name) AS n
        FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id LEFT JOIN reevaluation_request r ON r.cycle_unit_id = cu.id
       WHERE cu.cycle_id = ${cycleId}
         AND (cu.issued_at IS NULL OR r.status = 'filed' OR (cu.confirmed_at IS NULL AND r.id IS NULL AND cu.feedback_ends_at >= ${at}))
    ) x WHERE n <= 6 AND problem IS NOT NULL ORDER BY name`;
  const pick = (problem: string) => examples.filter((e) => e.problem === problem).map((e) => e.name);
  return {
    enrolled: Number(counts?.enrolled ?? 0),
    notIssued: Number(counts?.not_issued ?? 0),
    open: Number(counts?.open ?? 0),
    requested: Number(counts?.requested ?? 0),
    lastWindowEndsAt: counts?.last_end ?? null,
    examples: { notIssued: pick("notIssued"), open: pick("open"), requested: pick("requested") },
  };
}

export async function cycleMilestones(client: Client, cycleId: string) {
  return client.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { approvalOpenedAt: true, approvedAt: true, archivedAt: true } });
}

export async function scoringRunning(client: Client, cycleId: string): Promise<boolean> {
  return (await client.scoringRun.count({ where: { cycleId, status: "running" } })) > 0;
}

export async function openSendBacks(client: Client, cycleId: string): Promise<number> {
  return client.approvalUnit.count({ where: { cycleId, resolvedAt: null } });
}

export type ApprovalRound = {
  id: string; round: number; decision: "approved" | "sent_back"; comment: string; decidedByName: string; decidedAt: Date;
  units: { id: string; unitId: string; unitName: string; comment: string; resolution: string | null; resolutionNote: string | null; resolvedAt: Date | null; version: number; total: string | null }[];
};

export async function approvalRounds(client: Client, cycleId: string): Promise<ApprovalRound[]> {
  const rounds = await client.cycleApproval.findMany({ where: { cycleId }, orderBy: { round: "desc" }, include: { units: true } });
  const unitIds = [...new Set(rounds.flatMap((r) => r.units.map((u) => u.unitId)))];
  const orgs = unitIds.length ? await client.organisation.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }) : [];
  const results = unitIds.length
    ? await client.unitResult.findMany({ where: { id: { in: rounds.flatMap((r) => r.units.map((u) => u.resultId)).filter((x): x is string => !!x) } }, select: { id: true, total: true } })
    : [];
  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  const totalOf = new Map(results.map((r) => [r.id, r.total.toFixed(2)]));
  return rounds.map((r) => ({
    id: r.id, round: r.round, decision: r.decision, comment: r.comment, decidedByName: r.decidedByName, decidedAt: r.decidedAt,
    units: r.units
      .map((u) => ({
        id: u.id, unitId: u.unitId, unitName: nameOf.get(u.unitId) ?? u.unitId, comment: u.comment, resolution: u.resolution, resolutionNote: u.resolutionNote,
        resolvedAt: u.resolvedAt, version: u.version, total: u.resultId ? totalOf.get(u.resultId) ?? null : null,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, "zh-CN")),
  }));
}

export type ArchiveOverview = {
  cycle: { id: string; name: string; year: number; status: string; version: number; approvalOpenedAt: Date | null; approvedAt: Date | null; archivedAt: Date | null };
  openSendBacks: number;
  archiveJob: JobView | null;
  volumeJob: JobView | null;
  volumes: { id: string; createdAt: Date; size: bigint; units: number; sha256: string; dispatches: { id: string; recipientKind: string; recipient: string; sentOn: string; method: string; copies: number; note: string | null; createdAt: Date }[] }[];
  entries: number;
};

export async function archiveOverview(client: PrismaClient, cycleId: string): Promise<ArchiveOverview | null> {
  const cycle = await client.cycle.findUnique({
    where: { id: cycleId },
    select: { id: true, name: true, year: true, status: true, version: true, approvalOpenedAt: true, approvedAt: true, archivedAt: true },
  });
  if (!cycle) return null;
  await reapStaleJobs(client, cycleId);
  const [sendBacks, archiveJob, volumeJob, volumes, entries] = await Promise.all([
    openSendBacks(client, cycleId),
    latestJob(client, cycleId, "archive"),
    latestJob(client, cycleId, "volume"),
    client.compiledVolume.findMany({ where: { cycleId }, orderBy: { createdAt: "desc" }, include: { dispatches: { orderBy: { sentOn: "asc" } } } }),
    client.dossierEntry.count({ where: { cycleId } }),
  ]);
  return { cycle, openSendBacks: sendBacks, archiveJob, volumeJob, volumes, entries };
}

/** Cycles a reviewer may read: in approval or archived, newest first. */
export async function reviewerCycles(client: Client) {
  return client.cycle.findMany({
    where: { status: { in: ["approval", "archived"] } },
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    select: { id: true, name: true, year: true, status: true, approvalOpenedAt: true, approvedAt: true, archivedAt: true, _count: { select: { units: true } } },
  });
}

/** The volume a caller may download: an existing volume of an archived cycle. */
export async function volumeFile(client: Client, cycleId: string, volumeId: string) {
  return client.compiledVolume.findFirst({ where: { id: volumeId, cycleId, cycle: { status: "archived" } }, include: { cycle: { select: { name: true, year: true } } } });
}

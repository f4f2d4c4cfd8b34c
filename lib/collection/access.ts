import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import type { UnitKind } from "@/lib/orgs/kinds";
import { readStoredDocument } from "@/lib/schemes/document";
import { endOfBeijingDay, isPastDeadline } from "./deadline";
import { answersSlot, withAssignments, type AssignedSource } from "./derive";

export { answersSlot };
import type { CellRef } from "./schema";
import { reportingSlots, type ReportingSlot } from "./slots";

/*
 * Who may write which cell (spec/access.md, "source"): only slots assigned to the caller's
 * organisation, only for units enrolled in the cycle, only while the cycle collects, before the
 * deadline (or until staff reopen the source), and while its submission is not submitted. Anything
 * outside the caller's assignment answers NOT_FOUND, as if it did not exist.
 */

type Client = PrismaClient | Tx;

/** A slot of one scheme version as one source sees it. */
export type SourceSlot = ReportingSlot & {
  schemeVersionId: string;
  unitKinds: UnitKind[];
  /** The sources assigned to the slot in this cycle (ReportingSlot.sources are the scheme's defaults). */
  assigned: AssignedSource[];
  /** This source answers the slot: records and yes/no for every assigned source, other values for the lead only. */
  answers: boolean;
};

export type CycleHead = { id: string; year: number; name: string; status: string; collectionDeadline: string; commitmentsDeadline: string };
export type SubmissionHead = { id: string; status: "draft" | "submitted" | "returned"; reopenedUntil: Date | null; version: number };

const cycleSelect = { id: true, year: true, name: true, status: true, collectionDeadline: true, commitmentsDeadline: true } as const;

/** Every slot of the cycle's schemes that has the organisation among its sources. */
export async function sourceSlots(client: Client, cycleId: string, orgId: string): Promise<SourceSlot[]> {
  const [schemes, assignments] = await Promise.all([
    client.cycleScheme.findMany({ where: { cycleId }, select: { unitKind: true, schemeVersionId: true, schemeVersion: { select: { document: true } } } }),
    client.sourceAssignment.findMany({ where: { cycleId }, select: { schemeVersionId: true, indicatorCode: true, subKey: true, sourceOrgId: true, lead: true } }),
  ]);
  const out: SourceSlot[] = [];
  const seen = new Map<string, UnitKind[]>();
  for (const scheme of schemes) {
    const kinds = seen.get(scheme.schemeVersionId);
    if (kinds) {
      kinds.push(scheme.unitKind);
      continue;
    }
    const unitKinds: UnitKind[] = [scheme.unitKind];
    seen.set(scheme.schemeVersionId, unitKinds);
    const slots = reportingSlots(readStoredDocument(scheme.schemeVersion.document));
    const bound = withAssignments(slots, assignments.filter((a) => a.schemeVersionId === scheme.schemeVersionId));
    slots.forEach((slot, i) => {
      const sources = bound[i]?.sources ?? [];
      if (sources.some((s) => s.sourceOrgId === orgId)) {
        out.push({ ...slot, schemeVersionId: scheme.schemeVersionId, unitKinds, assigned: sources, answers: answersSlot(slot, sources, orgId) });
      }
    });
  }
  return out;
}

/** Why the source may not change its data now, or null when it may. */
export function writeRefusal(cycle: Pick<CycleHead, "status" | "collectionDeadline">, submission: Pick<SubmissionHead, "status" | "reopenedUntil"> | null, at: Date): string | null {
  if (cycle.status !== "collecting") return "该评价周期不在数据归集阶段，报送数据不能修改";
  if (submission?.status === "submitted") return "本单位的报送已提交，不能再修改；如需更正，请联系信用办退回";
  if (isPastDeadline(cycle.collectionDeadline, at)) {
    const reopened = submission?.reopenedUntil;
    if (!reopened || at.getTime() > reopened.getTime()) {
      return `数据归集已于${cycle.collectionDeadline}截止，报送已锁定；如需补报，请联系信用办重新开放`;
    }
  }
  return null;
}

/** The instant the source's window closes: the deadline, or a later reopening. */
export function windowEnd(cycle: Pick<CycleHead, "collectionDeadline">, submission: Pick<SubmissionHead, "reopenedUntil"> | null): Date {
  const deadline = endOfBeijingDay(cycle.collectionDeadline);
  const reopened = submission?.reopenedUntil;
  return reopened && reopened.getTime() > deadline.getTime() ? reopened : deadline;
}

/** Inside a transaction: the cycle (share-locked) and the source's submission (created if missing, row-locked). */
export async function lockSubmission(tx: Tx, cycleId: string, orgId: string): Promise<{ cycle: CycleHead; submission: SubmissionHead }> {
  const cycles = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cycle WHERE id = ${cycleId} FOR SHARE`;
  if (cycles.length === 0) throw new AppError("NOT_FOUND");
  const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: cycleSelect });
  await tx.$executeRaw`
    INSERT INTO submission (id, cycle_id, source_org_id, status, version, updated_at)
    VALUES (gen_random_uuid()::text, ${cycleId}, ${orgId}, 'draft', 1, now())
    ON CONFLICT (cycle_id, source_org_id) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string; status: SubmissionHead["status"]; reopened_until: Date | null; version: number }[]>`
    SELECT id, status::text AS status, reopened_until, version FROM submission
    WHERE cycle_id = ${cycleId} AND source_org_id = ${orgId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  return { cycle, submission: { id: row.id, status: row.status, reopenedUntil: row.reopened_until, version: row.version } };
}

export type CellScope = {
  cycle: CycleHead;
  submission: SubmissionHead;
  slot: SourceSlot;
  unit: { id: string; name: string; kind: UnitKind };
};

/** Resolves and locks one writable cell of the caller's organisation, or refuses. */
export async function writableCell(tx: Tx, actor: Actor, ref: CellRef, at: Date): Promise<CellScope> {
  if (!hasPermission(actor.roles, "submit:facts:assigned")) throw new AppError("NOT_FOUND");
  const { cycle, submission } = await lockSubmission(tx, ref.cycleId, actor.organisationId);
  const slot = await slotForUnit(tx, actor.organisationId, ref);
  const refusal = writeRefusal(cycle, submission, at);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  return { cycle, submission, ...slot };
}

/** The caller's slot for one enrolled unit; NOT_FOUND when the unit or slot is not the caller's. */
export async function slotForUnit(client: Client, orgId: string, ref: CellRef): Promise<Pick<CellScope, "slot" | "unit">> {
  const enrolled = await client.cycleUnit.findUnique({
    where: { cycleId_organisationId: { cycleId: ref.cycleId, organisationId: ref.unitId } },
    select: { unitKind: true, organisation: { select: { id: true, name: true } } },
  });
  if (!enrolled) throw new AppError("NOT_FOUND");
  const slot = (await sourceSlots(client, ref.cycleId, orgId)).find(
    (s) => s.unitKinds.includes(enrolled.unitKind) && s.indicatorCode === ref.indicatorCode && s.subKey === ref.subKey,
  );
  if (!slot) throw new AppError("NOT_FOUND");
  if (!slot.answers) throw new AppError("FORBIDDEN", "该指标为单值指标，由牵头数据来源单位填报");
  return { slot, unit: { id: enrolled.organisation.id, name: enrolled.organisation.name, kind: enrolled.unitKind } };
}

// The cycle's reporting slots per unit kind, bound to their assigned sources. Not server-only: the
// scoring run, the facts generator and the command line read them too.
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import type { UnitKind } from "@/lib/orgs/kinds";
import { readStoredDocument } from "@/lib/schemes/document";
import type { SchemeDocument } from "@/lib/scoring";
import { withAssignments, type DerivationSlot } from "./derive";
import { reportingSlots, type ReportingSlot } from "./slots";

type Client = PrismaClient | Tx;

/** A slot of one unit kind's scheme with its assigned sources. */
export type CycleSlot = ReportingSlot & { unitKind: UnitKind; bound: DerivationSlot };
export type CycleSlots = { schemes: { unitKind: UnitKind; schemeVersionId: string; document: SchemeDocument }[]; slots: CycleSlot[]; sourceNames: Record<string, string> };

/** The cycle's slots per unit kind, bound to their sources (as derive.ts and access.ts see them). */
export async function loadCycleSlots(client: Client, cycleId: string): Promise<CycleSlots> {
  const [schemes, assignments] = await Promise.all([
    client.cycleScheme.findMany({ where: { cycleId }, select: { unitKind: true, schemeVersionId: true, schemeVersion: { select: { document: true } } }, orderBy: { unitKind: "asc" } }),
    client.sourceAssignment.findMany({ where: { cycleId }, select: { schemeVersionId: true, indicatorCode: true, subKey: true, sourceOrgId: true, lead: true } }),
  ]);
  const docs = schemes.map((s) => ({ unitKind: s.unitKind, schemeVersionId: s.schemeVersionId, document: readStoredDocument(s.schemeVersion.document) }));
  const slots = docs.flatMap(({ unitKind, schemeVersionId, document }) => {
    const plain = reportingSlots(document);
    const bound = withAssignments(plain, assignments.filter((a) => a.schemeVersionId === schemeVersionId));
    return plain.map((slot, i) => ({ ...slot, unitKind, bound: bound[i]! }));
  });
  const orgs = await client.organisation.findMany({ where: { id: { in: [...new Set(assignments.map((a) => a.sourceOrgId))] } }, select: { id: true, name: true, shortName: true } });
  const sourceNames = Object.fromEntries(orgs.map((o) => [o.id, o.shortName ?? o.name]));
  return { schemes: docs, slots, sourceNames };
}

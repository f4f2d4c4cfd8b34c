import "server-only";
import { db } from "@/lib/db/client";
import type { UnitKind } from "@/lib/orgs/kinds";
import { badRecordLabel, type UnitReport } from "@/lib/reports/model";
import type { AmendmentFacts } from "./amendments";
import type { RectificationStatus } from "./rectification";

/*
 * A unit's dossier (政务诚信档案): every archived year newest first with its amendments and
 * rectification, and the unit's bad records. Every reader takes the organisation the caller may
 * read (the page resolves it from the scope, a unit's from its own organisation), so a unit can
 * never name another's.
 */

export type AmendmentView = AmendmentFacts & { id: string; before: string | null; reason: string; createdByName: string };

export type RectificationView = {
  id: string; entryId: string; year: number; position: number; indicatorCode: string; problem: string; suggestion: string;
  status: RectificationStatus; measures: string; dueOn: string | null; doneOn: string | null;
  updatedAt: Date; updatedByName: string | null; review: string | null; reviewComment: string | null; reviewedAt: Date | null; reviewedByName: string | null;
  version: number;
};

export type DossierEntryView = {
  id: string; cycleId: string; year: number; cycleName: string; unitKind: UnitKind; schemeLabel: string;
  total: string; grade: string | null; rankPosition: number; rankOf: number; finalKind: string; archivedAt: Date; docxSize: number;
  amendments: AmendmentView[]; rectifications: RectificationView[];
};

export type BadRecordView = { id: string; kind: string; label: string; reason: string; cycleName: string | null; year: number | null; createdAt: Date };

export type Dossier = {
  organisation: { id: string; name: string; uscc: string; kind: UnitKind; active: boolean };
  entries: DossierEntryView[];
  badRecords: BadRecordView[];
};

async function userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** The dossier of one organisation; null when there is no such organisation. */
export async function dossierOf(organisationId: string): Promise<Dossier | null> {
  const organisation = await db().organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true, uscc: true, kind: true, active: true } });
  if (!organisation) return null;
  const [entries, bad] = await Promise.all([
    db().dossierEntry.findMany({
      where: { organisationId },
      orderBy: [{ year: "desc" }, { archivedAt: "desc" }],
      select: {
        id: true, cycleId: true, year: true, cycleName: true, unitKind: true, schemeLabel: true, total: true, grade: true,
        rankPosition: true, rankOf: true, finalKind: true, archivedAt: true, docxSize: true,
        amendments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, subject: true, before: true, after: true, reason: true, createdByName: true, createdAt: true } },
        rectifications: { orderBy: { position: "asc" } },
      },
    }),
    db().badRecord.findMany({ where: { organisationId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: { id: true, kind: true, reason: true, cycleId: true, createdAt: true } }),
  ]);
  const cycleIds = [...new Set(bad.map((b) => b.cycleId).filter((id): id is string => Boolean(id)))];
  const cycles = cycleIds.length > 0 ? await db().cycle.findMany({ where: { id: { in: cycleIds } }, select: { id: true, name: true, year: true } }) : [];
  const cycleOf = new Map(cycles.map((c) => [c.id, c]));
  const rectifications = entries.flatMap((e) => e.rectifications);
  const names = await userNames(rectifications.flatMap((r) => [r.updatedById, r.reviewedById]));
  return {
    organisation,
    entries: entries.map((e) => ({
      ...e,
      total: e.total.toFixed(2),
      rectifications: e.rectifications.map((r) => ({
        id: r.id, entryId: r.entryId, year: r.year, position: r.position, indicatorCode: r.indicatorCode, problem: r.problem, suggestion: r.suggestion,
        status: r.status, measures: r.measures, dueOn: r.dueOn, doneOn: r.doneOn, updatedAt: r.updatedAt,
        updatedByName: r.updatedById ? (names.get(r.updatedById) ?? null) : null,
        review: r.review, reviewComment: r.reviewComment, reviewedAt: r.reviewedAt,
        reviewedByName: r.reviewedById ? (names.get(r.reviewedById) ?? null) : null,
        version: r.version,
      })),
    })),
    badRecords: bad.map((b) => {
      const cycle = b.cycleId ? cycleOf.get(b.cycleId) : undefined;
      return { id: b.id, kind: b.kind, label: badRecordLabel(b.kind), reason: b.reason, cycleName: cycle?.name ?? null, year: cycle?.year ?? null, createdAt: b.createdAt };
    }),
  };
}

export type ArchivedReport = {
  id: string; organisationId: string; year: number; cycleName: string; finalKind: string; archivedAt: Date; docxSize: number;
  report: UnitReport; amendments: AmendmentView[];
};

/** One archived report of the organisation (null when the entry is another organisation's). */
export async function archivedReport(organisationId: string, entryId: string): Promise<ArchivedReport | null> {
  const entry = await db().dossierEntry.findFirst({
    where: { id: entryId, organisationId },
    select: {
      id: true, organisationId: true, year: true, cycleName: true, finalKind: true, archivedAt: true, docxSize: true, report: true,
      amendments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, subject: true, before: true, after: true, reason: true, createdByName: true, createdAt: true } },
    },
  });
  return entry ? { ...entry, report: entry.report as unknown as UnitReport } : null;
}

export type AmendableIndicator = { code: string; name: string; max: number; score: string | null };

/** Per entry of the organisation, the indicators of its archived report (for the amendment form). */
export async function amendableIndicators(organisationId: string): Promise<Map<string, AmendableIndicator[]>> {
  const rows = await db().$queryRaw<{ entryId: string; code: string; name: string; max: number; score: string | null }[]>`
    SELECT e.id AS "entryId", i->>'code' AS code, i->>'name' AS name, (i->>'max')::float8 AS max, i->>'score' AS score
      FROM dossier_entry e CROSS JOIN LATERAL jsonb_array_elements(e.report->'indicators') WITH ORDINALITY AS t(i, n)
     WHERE e.organisation_id = ${organisationId}
     ORDER BY e.id, t.n`;
  const out = new Map<string, AmendableIndicator[]>();
  for (const { entryId, ...indicator } of rows) {
    const list = out.get(entryId) ?? [];
    list.push(indicator);
    out.set(entryId, list);
  }
  return out;
}

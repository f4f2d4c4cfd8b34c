// Gathers a unit's report from the database (not server-only: the benchmark and scripts use it).
// Which result: "issued" the frozen initial one; "final" the revised one once a re-evaluation request
// is decided, else the issued one; "current" the latest (for a decided unit that is the revised one,
// so staff read the same revised report). lib/reports/access.ts decides who asks for what.
import { beijingDate } from "@/lib/collection/deadline";
import { loadCycleSlots } from "@/lib/collection/cycle-slots";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { readStoredDocument } from "@/lib/schemes/document";
import type { CategoryResult, IndicatorResult } from "@/lib/scoring";
import type { Prisma } from "@/prisma/generated/client/client";
import { buildReport, type ReportInput, type ReportReviewInput, type ReportTextItem, type ReviewDecision, type UnitReport } from "./model";

type Client = PrismaClient | Tx;

export type ReportWhich = "current" | "issued" | "final";

type StoredResult = { total: Prisma.Decimal; grade: string | null; indicators: Prisma.JsonValue };
type DecidedRequest = { decidedAt: Date | null; items: { indicatorCode: string; reason: string; decision: string | null; decisionReason: string | null }[] };

const isDecision = (value: string | null): value is ReviewDecision => value === "upheld" || value === "rejected";

/** The review part of a revised report: each decided item with its initial (issued) and final (revised) score. */
function reviewInput(request: DecidedRequest, initial: StoredResult, revised: StoredResult & { createdAt: Date }): ReportReviewInput {
  const scores = (r: StoredResult) => new Map((r.indicators as unknown as IndicatorResult[]).map((i) => [i.code, i.score]));
  const before = scores(initial);
  const after = scores(revised);
  return {
    decidedAt: beijingDate(request.decidedAt ?? revised.createdAt),
    items: request.items.flatMap((item) =>
      isDecision(item.decision)
        ? [{
            indicatorCode: item.indicatorCode, reason: item.reason, decision: item.decision, decisionReason: item.decisionReason ?? "",
            initialScore: before.get(item.indicatorCode) ?? null, finalScore: after.get(item.indicatorCode) ?? null,
          }]
        : [],
    ),
    initialTotal: initial.total.toFixed(2),
    initialGrade: initial.grade,
  };
}

/** The office's name for the report's sign-off (the first active credit-office organisation). */
export async function issuerName(client: Client): Promise<string> {
  const office = await client.organisation.findFirst({ where: { roles: { has: "office" }, active: true }, orderBy: { createdAt: "asc" }, select: { name: true } });
  return office?.name ?? "社会信用体系建设工作领导小组办公室";
}

/** The display rank of a result among the current results of its scheme (shared positions). */
async function rankOf(client: Client, cycleId: string, schemeVersionId: string, total: string): Promise<{ position: number; of: number }> {
  const [row] = await client.$queryRaw<{ above: bigint; of: bigint }[]>`
    SELECT count(*) FILTER (WHERE r.total > ${total}::numeric) AS above, count(*) AS of
      FROM cycle_unit cu JOIN unit_result r ON r.id = cu.current_result_id
     WHERE cu.cycle_id = ${cycleId} AND r.scheme_version_id = ${schemeVersionId}`;
  return { position: Number(row?.above ?? 0) + 1, of: Math.max(Number(row?.of ?? 0), 1) };
}

/**
 * What every report of a cycle shares, loaded once by a caller that builds many (the archive):
 * the cycle's slots and sources, the scheme documents, the issuer, and each unit's rank by total.
 */
export type SharedReportContext = {
  slots: Awaited<ReturnType<typeof loadCycleSlots>>;
  schemes: Map<string, ReturnType<typeof readStoredDocument>>;
  issuer: string;
  /** Display rank among the cycle's current results of the same scheme, by scheme version and total. */
  rank: (schemeVersionId: string, total: string) => { position: number; of: number };
};

/** Loads the shared context of a cycle's reports: slots, schemes, issuer and the rank table, in a few queries. */
export async function loadSharedReportContext(client: Client, cycleId: string): Promise<SharedReportContext> {
  const [slots, issuer, rows] = await Promise.all([
    loadCycleSlots(client, cycleId),
    issuerName(client),
    client.$queryRaw<{ scheme_version_id: string; total: string; above: bigint; of: bigint }[]>`
      SELECT scheme_version_id, total::text AS total,
             (RANK() OVER (PARTITION BY scheme_version_id ORDER BY total DESC)) - 1 AS above,
             count(*) OVER (PARTITION BY scheme_version_id) AS of
        FROM (SELECT r.scheme_version_id, r.total FROM cycle_unit cu JOIN unit_result r ON r.id = cu.current_result_id WHERE cu.cycle_id = ${cycleId}) t`,
  ]);
  const schemeIds = [...new Set(rows.map((r) => r.scheme_version_id))];
  const documents = await client.schemeVersion.findMany({ where: { id: { in: schemeIds } }, select: { id: true, document: true } });
  const ranks = new Map(rows.map((r) => [`${r.scheme_version_id}|${Number(r.total).toFixed(2)}`, { position: Number(r.above) + 1, of: Number(r.of) }]));
  const counts = new Map(rows.map((r) => [r.scheme_version_id, Number(r.of)]));
  return {
    slots,
    issuer,
    schemes: new Map(documents.map((d) => [d.id, readStoredDocument(d.document)])),
    rank: (schemeVersionId, total) => {
      const known = ranks.get(`${schemeVersionId}|${Number(total).toFixed(2)}`);
      if (known) return known;
      // A total no current result has (e.g. an issued result later revised): place it among them.
      const of = Math.max(counts.get(schemeVersionId) ?? 0, 1);
      const above = rows.filter((r) => r.scheme_version_id === schemeVersionId && Number(r.total) > Number(total)).length;
      return { position: above + 1, of };
    },
  };
}

export async function loadReportInput(client: Client, cycleId: string, unitId: string, which: ReportWhich = "current", shared?: SharedReportContext): Promise<ReportInput | null> {
  const cu = await client.cycleUnit.findUnique({
    where: { cycleId_organisationId: { cycleId, organisationId: unitId } },
    include: {
      cycle: { select: { id: true, name: true, year: true } },
      organisation: { select: { id: true, name: true, uscc: true } },
      currentResult: true,
      issuedResult: true,
      request: {
        select: {
          status: true, decidedAt: true,
          items: { select: { indicatorCode: true, reason: true, decision: true, decisionReason: true }, orderBy: { indicatorCode: "asc" } },
        },
      },
    },
  });
  // Once the request is decided the current result is the revised (final) one: "final" and "current"
  // give the revised report with its review, "issued" still the initial report.
  const decided = cu?.request?.status === "decided" ? cu.request : null;
  const initial = cu?.issuedResult ?? null;
  const revised = decided && initial && which !== "issued" ? cu?.currentResult ?? null : null;
  // A unit a reviewer sent back and the office re-scored: its current result is the final one.
  const adjusted = cu?.adjustedAt && which !== "issued" ? cu.currentResult : null;
  const result = adjusted ?? revised ?? (which === "current" ? cu?.currentResult : cu?.issuedResult);
  if (!cu || !result) return null;
  const [scheme, slots, entries, records, badRecords, text, issuer] = await Promise.all([
    shared?.schemes.get(result.schemeVersionId) ?? client.schemeVersion.findUniqueOrThrow({ where: { id: result.schemeVersionId }, select: { document: true } }).then((s) => readStoredDocument(s.document)),
    shared ? shared.slots : loadCycleSlots(client, cycleId),
    client.factEntry.findMany({ where: { cycleId, unitId }, select: { indicatorCode: true, subKey: true, sourceOrgId: true, answer: true, value: true } }),
    client.factRecord.findMany({
      where: { cycleId, unitId, withdrawnAt: null },
      select: { indicatorCode: true, subKey: true, sourceOrgId: true, itemKey: true, occurredOn: true, description: true, referenceNo: true, evidence: { select: { originalName: true } } },
      orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }],
    }),
    client.badRecord.findMany({ where: { organisationId: unitId, cycleId }, select: { kind: true, reason: true, createdAt: true }, orderBy: { createdAt: "asc" } }),
    client.reportText.findFirst({ where: { cycleId, unitId }, orderBy: { version: "desc" } }),
    shared ? shared.issuer : issuerName(client),
  ]);
  const document = scheme;
  const cycleSlots = slots.slots.filter((s) => s.unitKind === result.unitKind);
  const review = revised && decided && initial ? reviewInput(decided, initial, revised) : null;
  const issuedOnly = which !== "current" && !review;
  return {
    cycle: cu.cycle,
    unit: { id: cu.organisation.id, name: cu.organisation.name, uscc: cu.organisation.uscc, kindLabel: UNIT_KIND_LABELS[cu.unitKind] },
    issuer,
    version: adjusted ? "final" : review ? "revised" : "initial",
    date: adjusted ? beijingDate(result.createdAt) : review ? review.decidedAt : beijingDate(issuedOnly && cu.issuedAt ? cu.issuedAt : result.createdAt),
    scheme: document,
    result: {
      id: result.id, total: result.total.toFixed(2), grade: result.grade,
      categories: result.categories as unknown as CategoryResult[], indicators: result.indicators as unknown as IndicatorResult[],
    },
    rank: shared ? shared.rank(result.schemeVersionId, result.total.toFixed(2)) : await rankOf(client, cycleId, result.schemeVersionId, result.total.toFixed(2)),
    slots: cycleSlots.map((s) => ({
      indicatorCode: s.indicatorCode, subKey: s.subKey, rule: s.rule,
      sources: s.bound.sources.map((b) => ({ id: b.sourceOrgId, name: slots.sourceNames[b.sourceOrgId] ?? b.sourceOrgId })),
    })),
    entries,
    records: records.map((r) => ({ ...r, evidence: r.evidence.map((e) => e.originalName) })),
    badRecords: badRecords.map((b) => ({ kind: b.kind, reason: b.reason, date: beijingDate(b.createdAt) })),
    evaluatedOnOfficeInformation: badRecords.some((b) => b.kind === "late_unit"),
    texts: text ? { items: text.items as unknown as ReportTextItem[], editedByName: text.editedByName, editedAt: text.editedAt.toISOString(), resultId: text.resultId, version: text.version } : null,
    review,
  };
}

export async function loadUnitReport(client: Client, cycleId: string, unitId: string, which: ReportWhich = "current"): Promise<UnitReport | null> {
  const input = await loadReportInput(client, cycleId, unitId, which);
  return input ? buildReport(input) : null;
}

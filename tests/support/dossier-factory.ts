// Archived years for the dossier tests, written straight with Prisma as the archive would leave them:
// a cycle with its units, records and bad records, one dossier entry per unit (the report as
// buildReport makes it, its Word file in the store) with its rectification rows, and the cycle's
// status set to archived LAST (the archive freeze refuses any change to its rows afterwards).
import type { PrismaClient } from "@/lib/db/prisma";
import { rectificationRowsFor } from "@/lib/dossiers/rectification";
import { storeBytes } from "@/lib/files/storage";
import { reportToDocx } from "@/lib/reports/docx";
import { buildReport, type ReportTextItem, type UnitReport } from "@/lib/reports/model";
import type { UnitKind } from "@/lib/orgs/kinds";
import { reportInput, reportScheme } from "../unit/reports/fixture";
import { testUscc, type Org } from "./monitor-factory";

let serial = 0;

export async function createReportSchemeVersion(prisma: PrismaClient): Promise<string> {
  const version = await prisma.schemeVersion.create({
    data: { code: `dossier-test-${++serial}`, version: 1, name: reportScheme.name, status: "published", document: JSON.parse(JSON.stringify(reportScheme)) },
  });
  return version.id;
}

export async function createUnit(prisma: PrismaClient, name: string, kind: UnitKind = "municipal_department"): Promise<Org> {
  return prisma.organisation.create({ data: { name, kind, uscc: testUscc(), roles: ["evaluated"] }, select: { id: true, name: true, uscc: true } });
}

export type ArchivedUnit = {
  org: Org;
  kind?: UnitKind;
  total: string;
  grade: string;
  rank: [number, number];
  problems?: ReportTextItem[];
  records?: { indicatorCode: string; subKey?: string; itemKey?: string; occurredOn: string; description: string; withdrawn?: boolean }[];
  badRecords?: { kind: string; reason: string }[];
};

export type ArchivedYear = { cycleId: string; entries: Record<string, { id: string; report: UnitReport; docxSha256: string }> };

export async function createArchivedYear(prisma: PrismaClient, options: { year: number; schemeVersionId: string; source: Org; units: ArchivedUnit[]; finalKind?: "initial" | "revised" | "adjusted" }): Promise<ArchivedYear> {
  const { year, schemeVersionId, source, units } = options;
  const cycle = await prisma.cycle.create({
    data: { year, name: `${year}年度政务诚信评价`, status: "approval", collectionDeadline: `${year}-12-01`, commitmentsDeadline: `${year}-05-01` },
  });
  const kinds = [...new Set(units.map((u) => u.kind ?? "municipal_department"))];
  await prisma.cycleScheme.createMany({ data: kinds.map((unitKind) => ({ cycleId: cycle.id, unitKind, schemeVersionId })) });
  await prisma.cycleUnit.createMany({ data: units.map((u) => ({ cycleId: cycle.id, organisationId: u.org.id, unitKind: u.kind ?? "municipal_department" })) });
  const entries: ArchivedYear["entries"] = {};
  for (const u of units) {
    if (u.records?.length) {
      await prisma.factRecord.createMany({
        data: u.records.map((r) => ({
          cycleId: cycle.id, sourceOrgId: source.id, unitId: u.org.id, indicatorCode: r.indicatorCode, subKey: r.subKey ?? "", itemKey: r.itemKey ?? "",
          occurredOn: r.occurredOn, description: r.description, ...(r.withdrawn ? { withdrawnAt: new Date(), withdrawReason: "重复录入" } : {}),
        })),
      });
    }
    if (u.badRecords?.length) await prisma.badRecord.createMany({ data: u.badRecords.map((b) => ({ organisationId: u.org.id, cycleId: cycle.id, ...b })) });
    const input = reportInput({
      cycle: { id: cycle.id, name: cycle.name, year },
      unit: { id: u.org.id, name: u.org.name, uscc: u.org.uscc, kindLabel: "市直部门" },
      version: "final",
      date: `${year + 1}-01-15`,
      rank: { position: u.rank[0], of: u.rank[1] },
      ...(u.problems ? { texts: { items: u.problems, editedByName: "信用办", editedAt: `${year}-12-20`, resultId: "result-1", version: 1 } } : {}),
    });
    const report = buildReport({ ...input, result: { ...input.result, total: u.total, grade: u.grade } });
    const bytes = await reportToDocx(report);
    const stored = await storeBytes(bytes);
    const entry = await prisma.dossierEntry.create({
      data: {
        organisationId: u.org.id, cycleId: cycle.id, year, cycleName: cycle.name, unitKind: u.kind ?? "municipal_department", schemeVersionId,
        schemeLabel: `${reportScheme.name}（第${reportScheme.version}版）`, total: u.total, grade: u.grade, rankPosition: u.rank[0], rankOf: u.rank[1],
        finalKind: options.finalKind ?? "initial", report: JSON.parse(JSON.stringify(report)), docxStoredName: stored.storedName, docxSha256: stored.sha256,
        docxSize: bytes.length, archivedAt: new Date(`${year + 1}-01-20T02:00:00Z`),
      },
    });
    await prisma.rectification.createMany({ data: rectificationRowsFor({ id: entry.id, organisationId: u.org.id, year, report }) });
    entries[u.org.id] = { id: entry.id, report, docxSha256: stored.sha256 };
  }
  await prisma.cycle.update({ where: { id: cycle.id }, data: { status: "archived", archivedAt: new Date(`${year + 1}-01-20T02:00:00Z`) } });
  return { cycleId: cycle.id, entries };
}

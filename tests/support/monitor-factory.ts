// Test data for the spreadsheet, completeness, urging and monitoring tests: a scheme with every rule
// kind, and (for integration tests) a collecting cycle built straight with Prisma.
import { makeUscc } from "@/lib/orgs/uscc";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/prisma";
import { getBuiltInScheme, schemeDocumentSchema, type SchemeDocument, type SchemeDocumentInput } from "@/lib/scoring";

/** One indicator of every rule kind, plus a composite with a records and a value sub-item. */
export const kitchenSinkScheme: SchemeDocument = schemeDocumentSchema.parse({
  format: "integrity-scheme/v1",
  code: "kitchen-sink",
  version: 1,
  name: "全部规则类型测试方案",
  unitKinds: ["county"],
  notApplicable: "full_marks",
  grades: [{ min: 90, label: "优秀" }, { min: 0, label: "一般" }],
  categories: [
    {
      code: "A",
      name: "全部类型",
      weight: 100,
      indicators: [
        { code: "BIN", name: "是否公示", max: 5, rule: { kind: "binary", question: "已公示" } },
        { code: "TIER", name: "考核等次", max: 10, rule: { kind: "tiered", tiers: [{ label: "优秀", points: 10 }, { label: "良好", points: 7 }, { label: "一般", points: 4 }] } },
        { code: "RATIO", name: "办结率", max: 5, rule: { kind: "ratio", label: "办结率" } },
        { code: "STEP", name: "满意度", max: 4, rule: { kind: "step", label: "满意度", fullAt: 90, step: 10, perStep: 1 } },
        { code: "THRESH", name: "入驻比例", max: 10, rule: { kind: "threshold", label: "入驻比例", op: "lt", value: 0.2, points: 10, percent: true } },
        { code: "RANK", name: "案件排名", max: 3, rule: { kind: "rank", label: "败诉率", subject: "案件", full: 3, top: 3, better: "lower" } },
        { code: "MANUAL", name: "综合评议", max: 5, rule: { kind: "manual", guidance: "按评议意见评分" } },
        { code: "DED", name: "考核扣分", max: 10, rule: { kind: "deduction", items: [{ key: "major", label: "重大问题", points: 5 }, { key: "minor", label: "一般问题", points: 1 }] } },
        { code: "VETO", name: "失信", max: 10, rule: { kind: "veto", event: "被列为失信被执行人" } },
        { code: "COUNT", name: "创建活动", max: 8, rule: { kind: "count", mode: "additive", perItem: 2 } },
        { code: "AWARD", name: "激励", max: 10, rule: { kind: "award", levels: { national: 10, provincial: 5 } } },
        {
          code: "COMBO",
          name: "组合指标",
          max: 20,
          items: [
            { key: "findings", name: "问题", max: 10, rule: { kind: "deduction", items: [{ key: "f", label: "发现问题", points: 2 }] } },
            { key: "grade", name: "等次", max: 10, rule: { kind: "tiered", tiers: [{ label: "好", points: 10 }, { label: "差", points: 0 }] } },
          ],
        },
      ],
    },
  ],
} satisfies SchemeDocumentInput);

let serial = 0;
/** A valid, unique credit code for test organisations. */
export function testUscc(): string {
  serial++;
  return makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: String(20000000 + serial) });
}

export type Org = { id: string; name: string; uscc: string };

export async function createOrg(prisma: PrismaClient, name: string, roles: ("evaluated" | "source" | "office" | "reviewer")[], kind: "municipal_department" | "county" = "municipal_department"): Promise<Org> {
  return prisma.organisation.create({ data: { name, kind, uscc: testUscc(), roles }, select: { id: true, name: true, uscc: true } });
}

export async function createUser(prisma: PrismaClient, org: Org, username: string, roles: ("office" | "source" | "unit" | "reviewer")[]): Promise<Actor> {
  const user = await prisma.user.create({ data: { username, displayName: username, organisationId: org.id, roles, passwordHash: "x", mustChangePassword: false } });
  return { id: user.id, username, displayName: username, roles, organisationId: org.id, organisationName: org.name, mustChangePassword: false };
}

export type CollectingCycle = {
  cycleId: string;
  schemeVersionId: string;
  units: Org[];
  sources: Record<string, Org>;
};

/**
 * A hegang-2022 cycle in "collecting" with `unitCount` municipal departments and the scheme's default
 * sources (by short name) assigned; the lead is the first source of an indicator.
 */
export async function createCollectingCycle(prisma: PrismaClient, options: { year?: number; unitCount?: number; deadline?: string } = {}): Promise<CollectingCycle> {
  const scheme = getBuiltInScheme("hegang-2022")!;
  const year = options.year ?? 2026;
  const version = await prisma.schemeVersion.create({
    data: { code: `hegang-2022-t${++serial}`, version: 1, name: scheme.name, status: "published", document: JSON.parse(JSON.stringify(scheme)) },
  });
  const cycle = await prisma.cycle.create({
    data: { year, name: `${year}年度政务诚信评价`, status: "collecting", collectionDeadline: options.deadline ?? `${year}-12-01`, commitmentsDeadline: `${year}-05-01`, openedAt: new Date() },
  });
  await prisma.cycleScheme.create({ data: { cycleId: cycle.id, unitKind: "municipal_department", schemeVersionId: version.id } });
  const sources: Record<string, Org> = {};
  const assignments: { indicatorCode: string; sourceOrgId: string; lead: boolean }[] = [];
  for (const category of scheme.categories) {
    for (const indicator of category.indicators) {
      for (const [i, shortName] of (indicator.sources ?? []).entries()) {
        sources[shortName] ??= await prisma.organisation
          .create({ data: { name: `鹤岗${shortName}`, shortName, kind: "municipal_department", uscc: testUscc(), roles: ["source"] }, select: { id: true, name: true, uscc: true } });
        assignments.push({ indicatorCode: indicator.code, sourceOrgId: sources[shortName]!.id, lead: i === 0 });
      }
    }
  }
  await prisma.sourceAssignment.createMany({ data: assignments.map((a) => ({ ...a, cycleId: cycle.id, schemeVersionId: version.id })) });
  const unitRows = Array.from({ length: options.unitCount ?? 3 }, (_, i) => ({
    name: `测试受评单位${String(i + 1).padStart(5, "0")}`,
    kind: "municipal_department" as const,
    uscc: testUscc(),
    roles: ["evaluated" as const],
  }));
  const units = await prisma.organisation.createManyAndReturn({ data: unitRows, select: { id: true, name: true, uscc: true } });
  await prisma.cycleUnit.createMany({ data: units.map((u) => ({ cycleId: cycle.id, organisationId: u.id, unitKind: "municipal_department" as const })) });
  return { cycleId: cycle.id, schemeVersionId: version.id, units, sources };
}

// A collecting cycle on hegang-2022 with a few sources, units and users, written straight with
// Prisma (the cycles workflow is tested on its own). Used by the collection and files tests.
import type { Actor } from "@/lib/auth/actor";
import type { UserRole } from "@/lib/auth/roles";
import type { PrismaClient } from "@/lib/db/prisma";
import { ensureBuiltInSchemes } from "@/lib/schemes/builtin";
import { makeUscc } from "@/lib/orgs/uscc";
import type { OrgRole } from "@/lib/orgs/kinds";

let serial = 0;
const uscc = () => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: `CF${String(++serial).padStart(6, "0")}` });

const ORGS = {
  office: ["鹤岗市信用办", ["office"]],
  sfj: ["鹤岗市司法局", ["evaluated", "source"]],
  yshj: ["鹤岗市营商环境建设监督局", ["evaluated", "source"]],
  court: ["鹤岗市中级人民法院", ["source"]],
  kpb: ["中共鹤岗市委考评办公室", ["source"]],
  fgw: ["鹤岗市发展和改革委员会", ["evaluated"]],
  jyj: ["鹤岗市教育局", ["evaluated"]],
  gaj: ["鹤岗市公安局", ["evaluated"]],
  outsider: ["鹤岗市未纳入局", ["evaluated"]],
  reviewer: ["鹤岗市政务诚信建设领导小组", ["reviewer"]],
} as const satisfies Record<string, readonly [string, readonly OrgRole[]]>;

export type OrgKey = keyof typeof ORGS;

/** Which source reports which slot (lead for single values). */
const ASSIGNMENTS: [indicatorCode: string, source: OrgKey, lead: boolean][] = [
  ["LAW.EXAM", "sfj", false],
  ["LAW.DISHONEST", "court", false],
  ["PERFORM.COMPLAINT", "yshj", false],
  ["PERFORM.COMPLAINT", "sfj", false],
  ["DILIGENT.TARGET", "kpb", true],
  ["DILIGENT.TARGET", "court", false],
  ["KEEP.DEBT", "court", false],
];

export type CollectionWorld = Awaited<ReturnType<typeof makeCollectionWorld>>;

export async function makeCollectionWorld(prisma: PrismaClient, options: { year?: number; collectionDeadline?: string; commitmentsDeadline?: string; status?: "collecting" | "draft" | "scoring" } = {}) {
  await ensureBuiltInSchemes(prisma);
  const scheme = await prisma.schemeVersion.findFirstOrThrow({ where: { code: "hegang-2022" }, orderBy: { version: "desc" } });
  const org = {} as Record<OrgKey, { id: string; name: string }>;
  for (const [key, [name, roles]] of Object.entries(ORGS) as [OrgKey, (typeof ORGS)[OrgKey]][]) {
    const suffix = ++serial;
    org[key] = await prisma.organisation.create({ data: { name: `${name}${suffix}`, kind: "municipal_department", uscc: uscc(), roles: [...roles] }, select: { id: true, name: true } });
  }
  const year = options.year ?? 2026;
  const cycle = await prisma.cycle.create({
    data: {
      year,
      name: `${year}年度政务诚信评价 ${serial}`,
      status: options.status ?? "collecting",
      collectionDeadline: options.collectionDeadline ?? `${year}-12-01`,
      commitmentsDeadline: options.commitmentsDeadline ?? `${year}-05-01`,
      schemes: { create: { unitKind: "municipal_department", schemeVersionId: scheme.id } },
    },
  });
  const enrolled: OrgKey[] = ["sfj", "yshj", "fgw", "jyj", "gaj"];
  await prisma.cycleUnit.createMany({ data: enrolled.map((k) => ({ cycleId: cycle.id, organisationId: org[k].id, unitKind: "municipal_department" as const })) });
  await prisma.sourceAssignment.createMany({
    data: ASSIGNMENTS.map(([indicatorCode, source, lead]) => ({ cycleId: cycle.id, schemeVersionId: scheme.id, indicatorCode, sourceOrgId: org[source].id, lead })),
  });

  async function actor(key: OrgKey, role: UserRole): Promise<Actor> {
    const n = ++serial;
    const user = await prisma.user.create({
      data: { username: `${role}-${key}-${n}`, displayName: `${role} ${key} ${n}`, passwordHash: "x", organisationId: org[key].id, roles: [role], mustChangePassword: false },
    });
    return { id: user.id, username: user.username, displayName: user.displayName, roles: [role], organisationId: org[key].id, organisationName: org[key].name, mustChangePassword: false };
  }

  const actors = {
    office: await actor("office", "office"),
    sfj: await actor("sfj", "source"),
    yshj: await actor("yshj", "source"),
    court: await actor("court", "source"),
    kpb: await actor("kpb", "source"),
    fgwUnit: await actor("fgw", "unit"),
    jyjUnit: await actor("jyj", "unit"),
    sfjUnit: await actor("sfj", "unit"),
    reviewer: await actor("reviewer", "reviewer"),
  };
  const cell = (unit: OrgKey, indicatorCode: string, subKey = "") => ({ cycleId: cycle.id, unitId: org[unit].id, indicatorCode, subKey });
  return { cycle, scheme, org, actors, enrolled, cell };
}

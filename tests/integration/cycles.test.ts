import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { collectionGaps } from "@/lib/cycles/setup";
import {
  applyDefaultAssignments, closeCollection, createCycle, enrolUnits, openCollection, setAssignment, setCycleScheme, unenrolUnits, updateCycle,
} from "@/lib/cycles/mutations";
import { makeUscc } from "@/lib/orgs/uscc";
import { createDraftFrom } from "@/lib/schemes/mutations";
import { DEMO_CYCLE_YEAR } from "@/lib/seed/demo-cycle";
import { seedDemoData } from "@/lib/seed/demo";
import { demoOrganisations } from "@/prisma/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let office: Actor;
let cycleId = "";
let version = 1;
let hegang = "";
const org: Record<string, string> = {};

const uscc = (n: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: `CY${String(n).padStart(6, "0")}` });
const audits = (action: string) => t.prisma.auditLog.count({ where: { action, entityId: cycleId } });
const idOf = async (shortName: string) => (await t.prisma.organisation.findFirstOrThrow({ where: { shortName } })).id;
const slot = (indicatorCode: string, sourceOrgId: string, op: "add" | "remove" | "lead") => ({ cycleId, expectedVersion: version, schemeVersionId: hegang, indicatorCode, sourceOrgId, op });
async function orgOf(name: string, kind: "municipal_department" | "county" | "township" | "community", n: number, extra: { parentId?: string; active?: boolean; roles?: ("evaluated" | "source")[] } = {}) {
  const created = await t.prisma.organisation.create({ data: { name, kind, uscc: uscc(n), roles: extra.roles ?? ["evaluated"], parentId: extra.parentId, active: extra.active ?? true } });
  return created.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.INTEGRITY_FAKE_NOW = "2026-06-01T02:00:00.000Z";
  await seedDemoData(t.prisma, "Xinyong2026-test");
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username: "office1" }, include: { organisation: true } });
  office = { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, organisationId: user.organisationId, organisationName: user.organisation.name, mustChangePassword: false };
  hegang = (await t.prisma.schemeVersion.findUniqueOrThrow({ where: { code_version: { code: "hegang-2022", version: 1 } } })).id;
  org.county = await orgOf("测试县", "county", 1);
  org.town = await orgOf("测试县某镇", "township", 2, { parentId: org.county });
  org.community = await orgOf("测试县某镇某社区", "community", 3, { parentId: org.town });
  org.closedTown = await orgOf("测试县已撤并镇", "township", 4, { parentId: org.county, active: false });
  org.inactiveDept = await orgOf("鹤岗市已撤销局", "municipal_department", 5, { active: false });
  org.sourceOnly = await orgOf("鹤岗市某信源单位", "municipal_department", 6, { roles: ["source"] });
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

describe("the demo year", () => {
  it("holds a 2026 cycle under hegang-2022 with every demo unit enrolled and collection open", async () => {
    const demo = await t.prisma.cycle.findFirstOrThrow({ where: { year: DEMO_CYCLE_YEAR }, include: { schemes: true, _count: { select: { units: true, submissions: true } } } });
    // Seeded on 1 June (the test clock): 1 May has passed, so the demo lets commitments in until the collection deadline.
    expect(demo).toMatchObject({ name: "2026年度政务诚信评价", status: "collecting", collectionDeadline: "2026-12-01", commitmentsDeadline: "2026-12-01" });
    expect(demo.schemes).toMatchObject([{ unitKind: "municipal_department", schemeVersionId: hegang }]);
    expect(demo._count.units).toBe(demoOrganisations.filter((o) => o.roles.includes("evaluated")).length);
    expect(demo._count.submissions).toBe(11);
    expect(await t.prisma.notification.count({ where: { kind: "cycle.collection_opened" } })).toBeGreaterThan(10);
  });
});

describe("setting up a cycle", () => {
  it("creates a draft with the year's default name and deadlines, audited", async () => {
    ({ id: cycleId } = await createCycle(office, { year: 2027 }));
    expect(await t.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({
      year: 2027, name: "2027年度政务诚信评价", status: "draft", collectionDeadline: "2027-12-01", commitmentsDeadline: "2027-05-01", version: 1, createdById: office.id,
    });
    expect(await audits("cycle.created")).toBe(1);
    await expect(createCycle(office, { year: 2027, commitmentsDeadline: "2027-12-31" })).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { commitmentsDeadline: ["政务承诺截止日期不能晚于数据归集截止日期"] },
    });
    await expect(createCycle(office, { year: 1999, collectionDeadline: "2027-02-30" })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("uses only published scheme versions written for the unit kind", async () => {
    const draft = await createDraftFrom(office, hegang);
    await expect(setCycleScheme(office, { cycleId, expectedVersion: version, unitKind: "municipal_department", schemeVersionId: draft.id })).rejects.toMatchObject({
      code: "CONFLICT", message: "hegang-2022 第2版是草稿，评价周期只能使用已发布的版本",
    });
    await expect(setCycleScheme(office, { cycleId, expectedVersion: version, unitKind: "county", schemeVersionId: hegang })).rejects.toMatchObject({
      message: "hegang-2022 第1版不适用于县区",
    });
    ({ version } = await setCycleScheme(office, { cycleId, expectedVersion: version, unitKind: "municipal_department", schemeVersionId: hegang }));
    expect(version).toBe(2);
    expect(await audits("cycle.scheme_set")).toBe(1);
  });

  it("enrols by kind only active evaluated organisations, idempotently", async () => {
    const eligible = await t.prisma.organisation.count({ where: { kind: "municipal_department", active: true, roles: { has: "evaluated" } } });
    const first = await enrolUnits(office, { cycleId, expectedVersion: version, target: { by: "kind", kind: "municipal_department" } });
    expect(first).toMatchObject({ added: eligible, alreadyEnrolled: 0 });
    expect(first.skipped).toBeGreaterThanOrEqual(2);
    const again = await enrolUnits(office, { cycleId, expectedVersion: first.version, target: { by: "kind", kind: "municipal_department" } });
    expect(again).toMatchObject({ added: 0, alreadyEnrolled: eligible });
    version = again.version;
    expect(await t.prisma.cycleUnit.count({ where: { cycleId, organisationId: { in: [org.inactiveDept!, org.sourceOnly!] } } })).toBe(0);
  });

  it("enrols a hierarchy subtree (skipping the inactive) and explicit ids (refusing the ineligible by name)", async () => {
    const subtree = await enrolUnits(office, { cycleId, expectedVersion: version, target: { by: "subtree", rootId: org.county! } });
    expect(subtree).toMatchObject({ added: 3, alreadyEnrolled: 0, skipped: 1 });
    version = subtree.version;
    await expect(enrolUnits(office, { cycleId, expectedVersion: version, target: { by: "ids", ids: [org.inactiveDept!, org.sourceOnly!, org.county!] } })).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { ids: ["鹤岗市已撤销局已停用，不能纳入评价", "鹤岗市某信源单位不是受评单位（单位角色中没有“受评单位”）"] },
    });
    const byId = await enrolUnits(office, { cycleId, expectedVersion: version, target: { by: "ids", ids: [org.community!] } });
    expect(byId).toMatchObject({ added: 0, alreadyEnrolled: 1 });
    version = byId.version;
    const kinds = await t.prisma.cycleUnit.groupBy({ by: ["unitKind"], where: { cycleId }, _count: { _all: true } });
    expect(Object.fromEntries(kinds.map((k) => [k.unitKind, k._count._all]))).toMatchObject({ county: 1, township: 1, community: 1 });
    expect(await audits("cycle.units_enrolled")).toBe(4);
  });

  it("applies the scheme's default sources and returns the names that match no organisation", async () => {
    const union = await idOf("市总工会");
    await t.prisma.organisation.update({ where: { id: union }, data: { shortName: "市工会" } });
    const applied = await applyDefaultAssignments(office, { cycleId, expectedVersion: version });
    await t.prisma.organisation.update({ where: { id: union }, data: { shortName: "市总工会" } });
    version = applied.version;
    expect(applied.unmatched).toEqual([{ name: "市总工会", slots: ["激励信息"] }]);
    expect(applied.created).toBe(13);
    expect(applied.leadsSet).toBe(4);
    const complaint = await t.prisma.sourceAssignment.findMany({ where: { cycleId, indicatorCode: "PERFORM.COMPLAINT" } });
    expect(complaint.map((a) => a.lead)).toEqual([false, false]);
    expect(await t.prisma.sourceAssignment.count({ where: { cycleId, indicatorCode: "KEEP.DEBT", lead: true } })).toBe(1);
  });
});

describe("opening collection", () => {
  it("is refused with every blocking problem listed", async () => {
    const [czj, sfj, xfj, kpb] = await Promise.all(["市财政局", "市司法局", "市信访局", "市委考评办"].map(idOf));
    ({ version } = await setAssignment(office, slot("KEEP.DEBT", czj!, "remove")));
    ({ version } = await setAssignment(office, slot("DILIGENT.TARGET", sfj!, "add")));
    ({ version } = await setAssignment(office, slot("DILIGENT.TARGET", xfj!, "add")));
    ({ version } = await setAssignment(office, slot("DILIGENT.TARGET", kpb!, "remove")));
    await expect(setAssignment(office, slot("LAW.EXAM", sfj!, "lead"))).rejects.toMatchObject({ code: "INVALID" });
    await expect(setAssignment(office, slot("LAW.EXAM", sfj!, "add"))).rejects.toMatchObject({ code: "CONFLICT", message: "市司法局已是“依法行政考核”的数据来源" });
    await expect(setAssignment(office, slot("LAW.EXAM", org.sourceOnly!, "add"))).resolves.toMatchObject({ version: version + 1 });
    version += 1;
    const refusal = openCollection(office, { cycleId, expectedVersion: version });
    await expect(refusal).rejects.toMatchObject({ code: "CONFLICT", message: "还不能开始数据归集：共5个问题需要先解决" });
    const error = (await refusal.then(() => null, (e: unknown) => e)) as { fieldErrors: { blockers: string[] } };
    expect(error.fieldErrors.blockers).toEqual([
      "已纳入1个县区，但还没有为县区选择指标体系",
      "已纳入1个乡镇/街道，但还没有为乡镇/街道选择指标体系",
      "已纳入1个社区，但还没有为社区选择指标体系",
      "hegang-2022 第1版“综合责任目标考核”按单一数值评分，须恰好一个牵头报送单位，现没有指定牵头报送单位",
      "hegang-2022 第1版“债务管理信息”没有数据来源（信源单位）",
    ]);
    expect(await t.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: "draft", version });
  });

  it("refuses a stale version", async () => {
    await expect(unenrolUnits(office, { cycleId, expectedVersion: version - 1, target: { by: "kind", kind: "county" } })).rejects.toMatchObject({ code: "STALE" });
    const racing = await Promise.allSettled([1, 2].map(() => unenrolUnits(office, { cycleId, expectedVersion: version, target: { by: "kind", kind: "county" } })));
    expect(racing.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    version += 1;
  });

  it("opens once fixed: a draft submission per source, notices to sources and units", async () => {
    const [czj, sfj] = await Promise.all(["市财政局", "市司法局"].map(idOf));
    ({ version } = await unenrolUnits(office, { cycleId, expectedVersion: version, target: { by: "ids", ids: [org.town!, org.community!] } }));
    ({ version } = await setAssignment(office, slot("KEEP.DEBT", czj!, "add")));
    ({ version } = await setAssignment(office, slot("DILIGENT.TARGET", sfj!, "lead")));
    expect(await t.prisma.sourceAssignment.findFirstOrThrow({ where: { cycleId, indicatorCode: "KEEP.DEBT" } })).toMatchObject({ lead: true });
    const before = await t.prisma.notification.count();
    const opened = await openCollection(office, { cycleId, expectedVersion: version });
    version = opened.version;
    const sources = await t.prisma.sourceAssignment.findMany({ where: { cycleId }, distinct: ["sourceOrgId"] });
    expect(opened.submissions).toBe(sources.length);
    expect(await t.prisma.submission.count({ where: { cycleId, status: "draft" } })).toBe(sources.length);
    const srcUsers = await t.prisma.user.count({ where: { roles: { has: "source" }, organisationId: { in: sources.map((s) => s.sourceOrgId) } } });
    const unitUsers = await t.prisma.user.count({ where: { roles: { has: "unit" }, organisation: { cycleUnits: { some: { cycleId } } } } });
    expect(opened.notified).toBe(srcUsers + unitUsers);
    expect(await t.prisma.notification.count()).toBe(before + srcUsers + unitUsers);
    const fgw = await t.prisma.user.findUniqueOrThrow({ where: { username: "unit-fgw" } });
    expect(await t.prisma.notification.findFirst({ where: { userId: fgw.id, title: "2027年度政务诚信评价开始数据归集" } })).toMatchObject({ link: "/unit" });
    expect(await t.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: "collecting", openedAt: new Date("2026-06-01T02:00:00.000Z") });
    expect(await audits("cycle.collection_opened")).toBe(1);
  });

  it("refuses set-up once collecting, except extending the deadlines", async () => {
    await expect(enrolUnits(office, { cycleId, expectedVersion: version, target: { by: "ids", ids: [org.town!] } })).rejects.toMatchObject({
      code: "CONFLICT", message: "周期处于“数据归集”阶段，受评单位只能在筹备阶段修改",
    });
    await expect(setCycleScheme(office, { cycleId, expectedVersion: version, unitKind: "municipal_department", schemeVersionId: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(applyDefaultAssignments(office, { cycleId, expectedVersion: version })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(openCollection(office, { cycleId, expectedVersion: version })).rejects.toMatchObject({ code: "CONFLICT" });
    const edit = { cycleId, expectedVersion: version, name: "改名", collectionDeadline: "2027-12-01", commitmentsDeadline: "2027-05-01" };
    await expect(updateCycle(office, { ...edit, name: "2027年度评价（改名）" })).rejects.toMatchObject({ code: "CONFLICT" });
    ({ version } = await updateCycle(office, { ...edit, name: "2027年度政务诚信评价", collectionDeadline: "2027-12-15" }));
    expect(await audits("cycle.deadlines_extended")).toBe(1);
    expect(await t.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ collectionDeadline: "2027-12-15" });
  });
});

describe("closing collection", () => {
  it("computes the gaps in SQL, needs a reason when any, and records who is late", async () => {
    const units = await t.prisma.cycleUnit.findMany({ where: { cycleId }, select: { organisationId: true } });
    const court = await idOf("市中级人民法院");
    const initial = await collectionGaps(t.prisma, cycleId);
    expect(initial.missingCells).toBe(units.length * 12);
    expect(initial.unitsWithGaps).toBe(units.length);
    expect(initial.lateSources.find((s) => s.sourceOrgId === court)).toMatchObject({ status: "draft", missingCells: units.length });

    await t.prisma.factEntry.createMany({ data: units.map((u) => ({ cycleId, sourceOrgId: court, unitId: u.organisationId, indicatorCode: "LAW.DISHONEST", answer: "none" as const })) });
    await t.prisma.submission.update({ where: { cycleId_sourceOrgId: { cycleId, sourceOrgId: court } }, data: { status: "submitted" } });
    const gaps = await collectionGaps(t.prisma, cycleId);
    expect(gaps.missingCells).toBe(units.length * 11);
    expect(gaps.lateSources.map((s) => s.sourceOrgId)).not.toContain(court);

    await expect(closeCollection(office, { cycleId, expectedVersion: version })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { reason: [expect.stringContaining("须填写原因")] } });
    const closed = await closeCollection(office, { cycleId, expectedVersion: version, reason: "已到截止日期，缺报单位按现有信息评价" });
    expect(closed.gaps).toEqual(gaps);
    expect(await t.prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: "scoring", closeReason: "已到截止日期，缺报单位按现有信息评价" });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "cycle.collection_closed", entityId: cycleId } });
    const late = (audit.meta as { late: { name: string }[] }).late.map((s) => s.name);
    expect(late).toContain("市司法局");
    expect(late).not.toContain("市中级人民法院");
    await expect(closeCollection(office, { cycleId, expectedVersion: closed.version, reason: "再次结束" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("wrote one audit row per change, all by the acting user", async () => {
    const rows = await t.prisma.auditLog.findMany({ where: { entityType: "cycle", entityId: cycleId }, orderBy: { id: "asc" } });
    expect(rows.every((r) => r.actorId === office.id)).toBe(true);
    expect(rows[0]?.action).toBe("cycle.created");
    expect(rows.at(-1)?.action).toBe("cycle.collection_closed");
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set([
      "cycle.created", "cycle.scheme_set", "cycle.units_enrolled", "cycle.default_assignments_applied", "cycle.assignment_changed",
      "cycle.units_removed", "cycle.collection_opened", "cycle.deadlines_extended", "cycle.collection_closed",
    ]));
  });
});

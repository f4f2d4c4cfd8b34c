import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { amendableIndicators, archivedReport, dossierOf } from "@/lib/dossiers/data";
import { archivedDocxFor } from "@/lib/dossiers/access";
import { addAmendment, reviewRectification, updateRectification } from "@/lib/dossiers/mutations";
import { groupRectifications } from "@/lib/dossiers/rectification";
import { dossierRecords } from "@/lib/dossiers/records";
import { dossierListSchema, dossierRecordsSchema } from "@/lib/dossiers/schema";
import { dossierChoices, dossiersForExport, listDossiers } from "@/lib/dossiers/search";
import { sha256Of, storedLocation } from "@/lib/files/storage";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createArchivedYear, createReportSchemeVersion, createUnit, type ArchivedYear } from "../support/dossier-factory";
import { createOrg, createUser, type Org } from "../support/monitor-factory";

let t: TestDatabase;
let dir: string;
let office: Actor;
let source: Actor;
let jiaUser: Actor;
let yiUser: Actor;
const u: Record<"jia" | "yi" | "bing" | "ding" | "dongshan", Org> = {} as never;
let y2025: ArchivedYear;
let y2026: ArchivedYear;

const problems = (year: number, n: number) => Array.from({ length: n }, (_, i) => ({ indicatorCode: i % 2 ? "WORK.OPEN" : "LAW.EXAM", problem: `${year}年问题${i + 1}`, suggestion: `${year}年建议${i + 1}` }));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "dossiers-"));
  process.env.EVIDENCE_DIR = dir;
  t = await createTestDatabase();
  const p = t.prisma;
  office = await createUser(p, await createOrg(p, "市信用办", ["office"]), "office-d", ["office"]);
  const judicial = await createOrg(p, "鹤岗市司法局", ["source"]);
  source = await createUser(p, judicial, "source-d", ["source"]);
  u.jia = await createUnit(p, "鹤岗市甲局");
  u.yi = await createUnit(p, "鹤岗市乙局");
  u.bing = await createUnit(p, "鹤岗市丙局");
  u.ding = await createUnit(p, "鹤岗市丁局");
  u.dongshan = await createUnit(p, "东山区", "county");
  jiaUser = await createUser(p, u.jia, "jia-unit", ["unit"]);
  yiUser = await createUser(p, u.yi, "yi-unit", ["unit"]);
  const schemeVersionId = await createReportSchemeVersion(p);
  y2025 = await createArchivedYear(p, {
    year: 2025, schemeVersionId, source: judicial,
    units: [
      {
        org: u.jia, total: "72.00", grade: "一般", rank: [3, 4], problems: problems(2025, 2),
        records: [
          { indicatorCode: "LAW.EXAM", itemKey: "items", occurredOn: "2025-03-15", description: "规范性文件未按期备案" },
          { indicatorCode: "LAW.EXAM", itemKey: "items", occurredOn: "2025-09-01", description: "执法案卷评查不合格" },
          { indicatorCode: "LAW.EXAM", itemKey: "items", occurredOn: "2025-09-02", description: "重复录入的扣分项", withdrawn: true },
          { indicatorCode: "WORK.AWARD", itemKey: "provincial", occurredOn: "2025-05-04", description: "获评省级文明单位" },
          { indicatorCode: "WORK.TARGET", occurredOn: "2025-12-01", description: "目标考核结果（不是守信或失信记录）" },
        ],
        badRecords: [{ kind: "late_unit", reason: "经督促仍未报送自查自评报告" }],
      },
      { org: u.yi, total: "88.50", grade: "良好", rank: [1, 4], problems: problems(2025, 1) },
      { org: u.bing, total: "80.00", grade: "良好", rank: [2, 4], problems: [] },
      { org: u.ding, total: "70.00", grade: "一般", rank: [4, 4] },
      { org: u.dongshan, kind: "county", total: "65.00", grade: "一般", rank: [1, 1] },
    ],
  });
  y2026 = await createArchivedYear(p, {
    year: 2026, schemeVersionId, source: judicial, finalKind: "revised",
    units: [
      {
        org: u.jia, total: "78.00", grade: "一般", rank: [2, 3], problems: problems(2026, 3),
        records: [
          { indicatorCode: "WORK.OPEN", subKey: "findings", itemKey: "f", occurredOn: "2026-08-20", description: "栏目超过三个月未更新" },
          { indicatorCode: "WORK.AWARD", itemKey: "national", occurredOn: "2026-10-01", description: "获评全国文明单位" },
        ],
      },
      { org: u.yi, total: "91.00", grade: "优秀", rank: [1, 3], records: [{ indicatorCode: "LAW.EXAM", itemKey: "items", occurredOn: "2026-04-01", description: "乙局的扣分记录" }] },
      { org: u.bing, total: "79.00", grade: "一般", rank: [3, 3], problems: [] },
    ],
  });
});

afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  delete process.env.EVIDENCE_DIR;
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const list = (query: Record<string, unknown>, size = 50) => listDossiers(dossierListSchema.parse(query), size);
const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const item = (year: ArchivedYear, org: Org, position: number) => t.prisma.rectification.findFirstOrThrow({ where: { entryId: year.entries[org.id]!.id, position } });

describe("the staff's search across dossiers", () => {
  it("lists each unit once with its newest year, in pinyin order, paginated in SQL", async () => {
    const first = await list({}, 2);
    expect(first.total).toBe(5);
    expect(names(first.rows)).toEqual(["东山区", "鹤岗市丙局"]);
    expect(names((await list({ page: "3" }, 2)).rows)).toEqual(["鹤岗市乙局"]);
    const all = await list({});
    expect(all.rows.map((r) => [r.name, r.year, r.total, r.grade, `${r.rankPosition}/${r.rankOf}`, r.years])).toEqual([
      ["东山区", 2025, "65.00", "一般", "1/1", 1],
      ["鹤岗市丙局", 2026, "79.00", "一般", "3/3", 2],
      ["鹤岗市丁局", 2025, "70.00", "一般", "4/4", 1],
      ["鹤岗市甲局", 2026, "78.00", "一般", "2/3", 2],
      ["鹤岗市乙局", 2026, "91.00", "优秀", "1/3", 2],
    ]);
  });

  it("filters by name, credit code, year, kind, grade and rectification, and sorts by total", async () => {
    expect(names((await list({ q: "甲局" })).rows)).toEqual(["鹤岗市甲局"]);
    expect(names((await list({ q: u.yi.uscc.slice(0, 17) })).rows)).toEqual(["鹤岗市乙局"]);
    expect(names((await list({ q: "100%" })).rows)).toEqual([]);
    const y25 = await list({ year: "2025" });
    expect(y25.rows.find((r) => r.name === "鹤岗市甲局")).toMatchObject({ year: 2025, total: "72.00", rankPosition: 3 });
    expect(y25.total).toBe(5);
    expect((await list({ year: "2026" })).total).toBe(3);
    expect(names((await list({ kind: "county" })).rows)).toEqual(["东山区"]);
    expect(names((await list({ grade: "良好", year: "2025" })).rows)).toEqual(["鹤岗市丙局", "鹤岗市乙局"]);
    expect(names((await list({ sort: "total", order: "desc" })).rows)).toEqual(["鹤岗市乙局", "鹤岗市丙局", "鹤岗市甲局", "鹤岗市丁局", "东山区"]);
    // Open rectification: 甲 2 + 3 written problems; 乙 1 + 4 generated; 丙 none; 丁 and 东山区 4 generated each.
    const open = await list({ rectification: "open" });
    expect(open.rows.map((r) => [r.name, r.openCount])).toEqual([["东山区", 4], ["鹤岗市丁局", 4], ["鹤岗市甲局", 5], ["鹤岗市乙局", 5]]);
    expect(names((await list({ rectification: "none" })).rows)).toEqual(["鹤岗市丙局"]);
    expect((await list({ rectification: "pending" })).total).toBe(0);
  });

  it("offers the years and the grades in use, grades by standing, and sorts by grade standing", async () => {
    const choices = await dossierChoices();
    expect(choices.grades).toEqual(["优秀", "良好", "一般"]);
    expect(choices.years).toEqual(expect.arrayContaining([2025, 2026]));
    const y25 = await list({ year: "2025", sort: "grade", order: "desc" });
    const grades = y25.rows.map((r) => r.grade);
    expect(grades).toEqual([...grades].sort((a, b) => ["较差", "一般", "良好", "优秀"].indexOf(b!) - ["较差", "一般", "良好", "优秀"].indexOf(a!)));
  });

  it("exports every matching row in pinyin order, in keyset batches", async () => {
    const batches: string[][] = [];
    for await (const batch of dossiersForExport({}, 2)) batches.push(names(batch));
    expect(batches).toEqual([["东山区", "鹤岗市丙局"], ["鹤岗市丁局", "鹤岗市甲局"], ["鹤岗市乙局"]]);
    const filtered: string[] = [];
    for await (const batch of dossiersForExport({ grade: "一般" }, 1)) filtered.push(...names(batch));
    expect(filtered).toEqual(["东山区", "鹤岗市丙局", "鹤岗市丁局", "鹤岗市甲局"]);
  });
});

describe("who reads a dossier", () => {
  it("a dossier holds every archived year newest first, with its figures, rectification and bad records", async () => {
    const dossier = (await dossierOf(u.jia.id))!;
    expect(dossier.entries.map((e) => [e.year, e.total, e.grade, e.rankPosition, e.rankOf, e.finalKind, e.rectifications.length])).toEqual([
      [2026, "78.00", "一般", 2, 3, "revised", 3],
      [2025, "72.00", "一般", 3, 4, "initial", 2],
    ]);
    expect(dossier.badRecords).toEqual([expect.objectContaining({ kind: "late_unit", label: "未按时报送自评材料", reason: "经督促仍未报送自查自评报告", cycleName: "2025年度政务诚信评价", year: 2025 })]);
    expect(await dossierOf("no-such-organisation")).toBeNull();
  });

  it("a unit reads only its own archived reports and Word files; another unit's are not found, and the attempt is audited", async () => {
    const mine = y2026.entries[u.jia.id]!;
    const theirs = y2026.entries[u.yi.id]!;
    expect((await archivedReport(u.jia.id, mine.id))?.report.title).toBe("鹤岗市甲局2026年度政务诚信评价报告");
    expect(await archivedReport(u.jia.id, theirs.id)).toBeNull();

    const file = await archivedDocxFor(jiaUser, { kind: "own" }, mine.id, "10.0.0.1");
    expect(file).toMatchObject({ filename: "鹤岗市甲局2026年度政务诚信评价报告（归档）.docx", entryId: mine.id });
    expect(sha256Of((file as { bytes: Buffer }).bytes)).toBe(mine.docxSha256);
    expect(await t.prisma.auditLog.count({ where: { action: "dossier.downloaded", entityId: mine.id, actorId: jiaUser.id } })).toBe(1);

    expect(await archivedDocxFor(jiaUser, { kind: "own" }, theirs.id)).toBeNull();
    // The staff route names the organisation, but a unit lacks read:dossiers:any.
    expect(await archivedDocxFor(jiaUser, { kind: "staff", organisationId: u.yi.id }, theirs.id)).toBeNull();
    expect(await archivedDocxFor(source, { kind: "own" }, mine.id)).toBeNull();
    expect(await t.prisma.auditLog.count({ where: { action: "access.denied", actorId: jiaUser.id } })).toBe(2);
    expect(await t.prisma.auditLog.count({ where: { action: "dossier.downloaded", entityId: theirs.id } })).toBe(0);
  });

  it("staff read any unit's file through the route naming its organisation, and an altered file is refused", async () => {
    const entry = y2026.entries[u.jia.id]!;
    expect(await archivedDocxFor(office, { kind: "staff", organisationId: u.jia.id }, entry.id)).toMatchObject({ entryId: entry.id });
    expect(await archivedDocxFor(office, { kind: "staff", organisationId: u.yi.id }, entry.id)).toBeNull();
    expect(await archivedDocxFor(office, { kind: "own" }, entry.id)).toBeNull();
    const reviewer = await createUser(t.prisma, await createOrg(t.prisma, "市委督查室", ["reviewer"]), "reviewer-d", ["reviewer"]);
    expect(await archivedDocxFor(reviewer, { kind: "staff", organisationId: u.jia.id }, entry.id)).toMatchObject({ entryId: entry.id });
    const ding = await t.prisma.dossierEntry.findUniqueOrThrow({ where: { id: y2025.entries[u.ding.id]!.id } });
    await writeFile(storedLocation(ding.docxStoredName), "not the archived file");
    expect(await archivedDocxFor(office, { kind: "staff", organisationId: u.ding.id }, ding.id)).toBe("corrupt");
  });

  it("a unit cannot report on another unit's rectification", async () => {
    const theirs = await item(y2026, u.jia, 0);
    await expect(updateRectification(t.prisma, yiUser, { id: theirs.id, version: theirs.version, status: "in_progress", measures: "冒名报送" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await item(y2026, u.jia, 0)).status).toBe("open");
  });
});

describe("trust and breach records", () => {
  const records = (query: Record<string, unknown>, size = 20) => dossierRecords(u.jia.id, dossierRecordsSchema.parse(query), size);

  it("lists the unit's live records of award and bonus slots as trust and of deduction and veto slots as breach, newest first", async () => {
    const all = await records({});
    expect(all.counts).toEqual({ trust: 2, breach: 3 });
    expect(all.total).toBe(5);
    expect(all.years).toEqual([2026, 2025]);
    expect(all.rows.map((r) => [r.occurredOn, r.standing, r.indicatorCode, r.item])).toEqual([
      ["2026-10-01", "trust", "WORK.AWARD", "国家级"],
      ["2026-08-20", "breach", "WORK.OPEN", "发现问题"],
      ["2025-09-01", "breach", "LAW.EXAM", "考核扣分项"],
      ["2025-05-04", "trust", "WORK.AWARD", "省级"],
      ["2025-03-15", "breach", "LAW.EXAM", "考核扣分项"],
    ]);
    expect(all.rows[1]).toMatchObject({ indicatorName: "信息公开 · 问题整改", year: 2026, source: "鹤岗市司法局" });
    expect(all.rows.some((r) => r.description.includes("乙局") || r.description.includes("重复录入") || r.description.includes("目标考核"))).toBe(false);
  });

  it("filters by kind, year and indicator or text, and pages", async () => {
    expect((await records({ standing: "trust" })).rows.map((r) => r.description)).toEqual(["获评全国文明单位", "获评省级文明单位"]);
    const y25 = await records({ ryear: "2025" });
    expect(y25.counts).toEqual({ trust: 1, breach: 2 });
    expect(y25.rows.every((r) => r.year === 2025)).toBe(true);
    expect((await records({ rq: "激励信息" })).rows.map((r) => r.indicatorCode)).toEqual(["WORK.AWARD", "WORK.AWARD"]);
    expect((await records({ rq: "备案" })).rows.map((r) => r.description)).toEqual(["规范性文件未按期备案"]);
    expect((await records({ rq: "work.open", standing: "breach" })).rows.map((r) => r.description)).toEqual(["栏目超过三个月未更新"]);
    expect((await records({ rq: "全国", standing: "breach" })).total).toBe(0);
    const last = await records({ rpage: "3" }, 2);
    expect(last.total).toBe(5);
    expect(last.rows.map((r) => r.occurredOn)).toEqual(["2025-03-15"]);
  });

  it("a unit with no archived year has none", async () => {
    const fresh = await createUnit(t.prisma, "新设局");
    expect(await dossierRecords(fresh.id, dossierRecordsSchema.parse({}), 20)).toEqual({ rows: [], total: 0, counts: { trust: 0, breach: 0 }, years: [] });
  });
});

describe("rectification", () => {
  it("the unit reports, the office returns with a comment, the unit reports again, the office accepts: closed", async () => {
    process.env.INTEGRITY_FAKE_NOW = "2027-03-10T02:00:00Z";
    const start = await item(y2026, u.jia, 0);
    expect(start).toMatchObject({ status: "open", review: null, version: 1, problem: "2026年问题1" });

    await expect(updateRectification(t.prisma, jiaUser, { id: start.id, version: 1, status: "done" })).rejects.toMatchObject({
      code: "INVALID", fieldErrors: { measures: ["整改中或已完成时，请填写已采取的整改措施"], doneOn: ["已完成时，请填写实际完成日期"] },
    });
    await expect(updateRectification(t.prisma, jiaUser, { id: start.id, version: 1, status: "done", measures: "已整改", doneOn: "2027-03-11" })).rejects.toMatchObject({
      fieldErrors: { doneOn: ["实际完成日期不能晚于今天（2027-03-10）"] },
    });

    expect(await updateRectification(t.prisma, jiaUser, { id: start.id, version: 1, status: "in_progress", measures: "已制定整改方案，逐项销号", dueOn: "2027-06-30" }, "10.0.0.2")).toEqual({ version: 2 });
    expect(await item(y2026, u.jia, 0)).toMatchObject({ status: "in_progress", review: "pending", dueOn: "2027-06-30", doneOn: null, updatedById: jiaUser.id, version: 2 });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "rectification.updated", entityId: start.id } });
    expect(audit).toMatchObject({ actorId: jiaUser.id, ip: "10.0.0.2", before: { status: "open", review: null }, after: { status: "in_progress", review: "pending" } });
    await expect(updateRectification(t.prisma, jiaUser, { id: start.id, version: 1, status: "in_progress", measures: "旧页面" })).rejects.toMatchObject({ code: "STALE" });

    await expect(reviewRectification(t.prisma, office, { id: start.id, version: 2, decision: "returned", comment: "" })).rejects.toMatchObject({
      fieldErrors: { comment: ["退回时请写明需要补充或改正的内容（至少5个字）"] },
    });
    expect(await reviewRectification(t.prisma, office, { id: start.id, version: 2, decision: "returned", comment: "请补充整改台账和佐证材料" })).toEqual({ version: 3, closed: false });
    expect(await item(y2026, u.jia, 0)).toMatchObject({ review: "returned", reviewComment: "请补充整改台账和佐证材料", reviewedById: office.id });
    const notice = await t.prisma.notification.findFirstOrThrow({ where: { userId: jiaUser.id, kind: "rectification.reviewed" } });
    expect(notice.body).toContain("请补充整改台账和佐证材料");
    await expect(reviewRectification(t.prisma, office, { id: start.id, version: 3, decision: "accepted" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/2026年度第1项问题.*重新报送后再审核/) });

    expect(await updateRectification(t.prisma, jiaUser, { id: start.id, version: 3, status: "done", measures: "已建立台账，佐证材料已上传", dueOn: "2027-06-30", doneOn: "2027-03-10" })).toEqual({ version: 4 });
    expect(await reviewRectification(t.prisma, office, { id: start.id, version: 4, decision: "accepted", comment: "" })).toEqual({ version: 5, closed: true });
    await expect(updateRectification(t.prisma, jiaUser, { id: start.id, version: 5, status: "in_progress", measures: "再改一次" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/认可办结/) });
    expect(await t.prisma.auditLog.count({ where: { entityId: start.id, action: { in: ["rectification.updated", "rectification.reviewed"] } } })).toBe(4);
  });

  it("refuses a review against a stale page, and of two reports at the same version only one is kept", async () => {
    const row = await item(y2026, u.jia, 1);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => updateRectification(t.prisma, jiaUser, { id: row.id, version: row.version, status: "in_progress", measures: `第${i + 1}份报送` })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected")) expect(o.reason).toMatchObject({ code: "STALE" });
    expect((await item(y2026, u.jia, 1)).version).toBe(row.version + 1);
    await expect(reviewRectification(t.prisma, office, { id: row.id, version: row.version, decision: "accepted" })).rejects.toMatchObject({ code: "STALE" });
    await expect(reviewRectification(t.prisma, office, { id: (await item(y2026, u.jia, 2)).id, version: 1, decision: "accepted" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/尚未报送/) });
    expect(names((await list({ rectification: "pending" })).rows)).toEqual(["鹤岗市甲局"]);
  });

  it("what an earlier year left open is carried forward into the newest year's dossier", async () => {
    const [a, b] = [await item(y2025, u.jia, 0), await item(y2025, u.jia, 1)];
    await updateRectification(t.prisma, jiaUser, { id: a.id, version: a.version, status: "done", measures: "已修订备案制度", doneOn: "2026-02-01" });
    await reviewRectification(t.prisma, office, { id: a.id, version: a.version + 1, decision: "accepted" });
    const dossier = (await dossierOf(u.jia.id))!;
    const groups = groupRectifications(dossier.entries.flatMap((e) => e.rectifications), dossier.entries[0]!.year);
    expect(groups.current?.items.map((i) => i.problem)).toEqual(["2026年问题1", "2026年问题2", "2026年问题3"]);
    expect(groups.carried.map((i) => [i.year, i.problem, i.id])).toEqual([[2025, "2025年问题2", b.id]]);
    expect(groups.history).toEqual([{ year: 2025, items: [expect.objectContaining({ id: a.id, status: "done", review: "accepted", updatedByName: "jia-unit", reviewedByName: "office-d" })] }]);
    // 甲: 2025 one open, 2026 two open (the first closed above).
    expect((await list({ q: "甲局" })).rows[0]).toMatchObject({ openCount: 3, pendingCount: 1 });
  });
});

describe("amendments", () => {
  it("records a correction beside the entry, audited, while the archived snapshot stays as it was", async () => {
    const entryId = y2026.entries[u.jia.id]!.id;
    const before = await t.prisma.dossierEntry.findUniqueOrThrow({ where: { id: entryId } });
    const { id } = await addAmendment(t.prisma, office, { entryId, subject: "total", after: "80.00", reason: "复核发现LAW.EXAM计算错误，依据复核意见书" }, "10.0.0.3");
    expect(await t.prisma.dossierAmendment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      subject: "total", before: "78.00", after: "80.00", organisationId: u.jia.id, createdById: office.id, createdByName: "office-d",
    });
    expect(await t.prisma.dossierEntry.findUniqueOrThrow({ where: { id: entryId } })).toEqual(before);
    expect(await t.prisma.auditLog.findFirstOrThrow({ where: { action: "dossier.amended", entityId: entryId } })).toMatchObject({
      actorId: office.id, ip: "10.0.0.3", before: { subject: "total", value: "78.00" }, after: { subject: "total", value: "80.00" }, meta: { amendmentId: id, year: 2026 },
    });
    expect(await t.prisma.notification.count({ where: { userId: jiaUser.id, kind: "dossier.amended" } })).toBe(1);
    // Nobody changes the snapshot or the amendment afterwards, whoever asks.
    await expect(t.prisma.dossierEntry.update({ where: { id: entryId }, data: { total: "80.00" } })).rejects.toThrow(/不可修改/);
    await expect(t.prisma.dossierAmendment.delete({ where: { id } })).rejects.toThrow(/不可修改/);
  });

  it("takes what stood from the snapshot and checks an indicator's new score against its maximum", async () => {
    const entryId = y2026.entries[u.jia.id]!.id;
    const indicators = (await amendableIndicators(u.jia.id)).get(entryId)!;
    expect(indicators.find((i) => i.code === "LAW.EXAM")).toEqual({ code: "LAW.EXAM", name: "依法行政考核", max: 20, score: "14.00" });
    await addAmendment(t.prisma, office, { entryId, subject: "indicator", indicatorCode: "LAW.EXAM", before: "随便写的", after: "16", reason: "一项扣分依据已撤销" });
    expect(await t.prisma.dossierAmendment.findFirstOrThrow({ where: { entryId, subject: "indicator:LAW.EXAM" } })).toMatchObject({ before: "14.00", after: "16" });
    await expect(addAmendment(t.prisma, office, { entryId, subject: "indicator", indicatorCode: "LAW.EXAM", after: "25", reason: "一项扣分依据已撤销" })).rejects.toMatchObject({ fieldErrors: { after: ["不能超过该指标的满分20分"] } });
    await expect(addAmendment(t.prisma, office, { entryId, subject: "indicator", indicatorCode: "NOPE", after: "1", reason: "不存在的指标" })).rejects.toMatchObject({ fieldErrors: { indicatorCode: ["指标 NOPE 不在2026年度的归档报告中"] } });
    await expect(addAmendment(t.prisma, office, { entryId, subject: "grade", after: "一般", reason: "等次没有变化" })).rejects.toMatchObject({ fieldErrors: { after: ["更正后的内容与归档内容相同"] } });
    await expect(addAmendment(t.prisma, office, { entryId: "missing", subject: "grade", after: "良好", reason: "不存在的档案" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await addAmendment(t.prisma, office, { entryId, subject: "grade", after: "良好", reason: "总分更正后等次相应调整" });
    await addAmendment(t.prisma, office, { entryId, subject: "text", before: "2026年问题3", after: "2026年问题三", reason: "笔误，按原稿更正" });
    const entry = (await dossierOf(u.jia.id))!.entries[0]!;
    expect(entry.total).toBe("78.00");
    expect(entry.amendments.map((a) => [a.subject, a.before, a.after])).toEqual([
      ["total", "78.00", "80.00"], ["indicator:LAW.EXAM", "14.00", "16"], ["grade", "一般", "良好"], ["text", "2026年问题3", "2026年问题三"],
    ]);
    const report = await archivedReport(u.jia.id, entryId);
    expect(report?.amendments).toHaveLength(4);
    expect(report?.report.summary.total).toBe("78.00");
  });

  it("the search shows and filters the figures as amended", async () => {
    expect((await list({ q: "甲局" })).rows[0]).toMatchObject({ total: "80.00", grade: "良好", amended: true });
    expect(names((await list({ grade: "良好" })).rows)).toEqual(["鹤岗市甲局"]);
    expect(names((await list({ grade: "一般" })).rows)).toEqual(["东山区", "鹤岗市丙局", "鹤岗市丁局"]);
    expect((await list({ q: "甲局", year: "2025" })).rows[0]).toMatchObject({ total: "72.00", grade: "一般", amended: false });
  });
});

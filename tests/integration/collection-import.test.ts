import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { factTemplate, importFactSheet, type FactImportOutcome } from "@/lib/collection/import";
import { SHEETS } from "@/lib/collection/spreadsheet";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createCollectingCycle, createOrg, createUser, type CollectingCycle } from "../support/monitor-factory";

let t: TestDatabase;
let c: CollectingCycle;
let sfj: Actor; // 市司法局: LAW.EXAM and PERFORM.COMPLAINT (records)
let kpb: Actor; // 市委考评办: DILIGENT.TARGET (tiered value)

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-21T04:00:00Z";
  t = await createTestDatabase();
  c = await createCollectingCycle(t.prisma, { unitCount: 3 });
  sfj = await createUser(t.prisma, c.sources["市司法局"]!, "src-sfj", ["source"]);
  kpb = await createUser(t.prisma, c.sources["市委考评办"]!, "src-kpb", ["source"]);
  const office = await createOrg(t.prisma, "信用办", ["office"]);
  await createUser(t.prisma, office, "office1", ["office"]);
  await createUser(t.prisma, c.units[0]!, "unit-1", ["unit"]);
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  await t.drop();
});

async function fill(actor: Actor, edit: (values: ExcelJS.Worksheet, records: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const { bytes } = await factTemplate(actor, c.cycleId);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  edit(book.getWorksheet(SHEETS.values)!, book.getWorksheet(SHEETS.records)!);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const run = (actor: Actor, bytes: Uint8Array, options: { blankRecordsAsNone?: boolean; checkOnly?: boolean } = {}) =>
  importFactSheet(actor, { cycleId: c.cycleId, bytes, fileName: "报送.xlsx", blankRecordsAsNone: options.blankRecordsAsNone ?? false, checkOnly: options.checkOnly }, "127.0.0.1");

async function counts() {
  const [entries, records, audits, notices] = await Promise.all([t.prisma.factEntry.count(), t.prisma.factRecord.count(), t.prisma.auditLog.count(), t.prisma.notification.count()]);
  return { entries, records, audits, notices };
}

function expectOk(outcome: FactImportOutcome): Extract<FactImportOutcome, { status: "imported" }> {
  if (outcome.status !== "imported") throw new Error(JSON.stringify(outcome));
  return outcome;
}

/** Two LAW.EXAM deductions for unit 1, one complaint for unit 2; "无" for unit 3's LAW.EXAM. */
const sfjFile = () =>
  fill(sfj, (_values, records) => {
    const [u1, u2, u3] = c.units;
    records.addRow([u1!.uscc, "", "LAW.EXAM", "", "", "2026-03-01", "依法行政考核扣分：执法不规范", "司法考〔2026〕1号"]);
    records.addRow([u1!.uscc, "", "LAW.EXAM", "", "考核扣分项", "2026-04-01", "依法行政考核扣分：复议纠错", null]);
    records.addRow([u2!.uscc, "", "PERFORM.COMPLAINT", "", "", "2026-05-01", "政务投诉核实属实", "投诉-2026-7"]);
    records.addRow([u3!.uscc, "", "LAW.EXAM", "", "无"]);
  });

describe("facts spreadsheet import against PostgreSQL", () => {
  it("gives the source its template: its enrolled units × its slots only", async () => {
    const { bytes, fileName } = await factTemplate(sfj, c.cycleId);
    expect(fileName).toMatch(/^2026年度政务诚信评价-鹤岗市司法局-数据报送模板-2026-11-21\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const codes: string[] = [];
    book.getWorksheet(SHEETS.records)!.eachRow((row, n) => n > 1 && codes.push(row.getCell(3).text));
    expect(codes.sort()).toEqual([...Array(3).fill("LAW.EXAM"), ...Array(3).fill("PERFORM.COMPLAINT")]);
    expect(book.getWorksheet(SHEETS.values)!.rowCount).toBe(1);
    const unit = await createUser(t.prisma, c.units[1]!, "unit-2", ["unit"]);
    await expect(factTemplate(unit, c.cycleId)).rejects.toThrow("未找到");
  });

  it("one bad row → every problem listed and nothing written", async () => {
    const bytes = await fill(sfj, (_values, records) => {
      records.addRow([c.units[0]!.uscc, "", "LAW.EXAM", "", "", "2026-03-01", "正确的一行"]);
      records.addRow([c.units[0]!.uscc, "", "LAW.EXAM", "", "", "2026-13-01", "日期错"]);
    });
    const before = await counts();
    const outcome = await run(sfj, bytes);
    expect(outcome).toMatchObject({ status: "problems", badRows: 1, problems: [{ sheet: "记录", row: 9, column: "日期" }] });
    expect(await counts()).toEqual(before);
  });

  it("refuses another source's slot and units outside the cycle", async () => {
    const stranger = await createOrg(t.prisma, "未参评单位", ["evaluated"]);
    const bytes = await fill(sfj, (values, records) => {
      values.addRow([c.units[0]!.uscc, "", "DILIGENT.TARGET", "", "", "优秀"]);
      records.addRow([c.units[0]!.uscc, "", "LAW.DISHONEST", "", "", "2026-03-01", "失信"]);
      records.addRow([stranger.uscc, "", "LAW.EXAM", "", "", "2026-03-01", "外单位"]);
    });
    const outcome = await run(sfj, bytes);
    if (outcome.status !== "problems") throw new Error("expected problems");
    expect(outcome.problems.map((p) => p.message)).toEqual([
      "指标“DILIGENT.TARGET”未分配给本单位报送",
      "指标“LAW.DISHONEST”未分配给本单位报送",
      `“${stranger.uscc}”不是本周期由本单位报送数据的受评单位`,
    ]);
  });

  it("a failure half way (the last record refused by the database) rolls everything back", async () => {
    await t.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_record() RETURNS trigger AS $$
      BEGIN IF NEW.reference_no = '投诉-2026-7' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_record BEFORE INSERT ON fact_record FOR EACH ROW EXECUTE FUNCTION refuse_record()`);
    const before = await counts();
    try {
      await expect(run(sfj, await sfjFile())).rejects.toThrow(/refused for the test/);
    } finally {
      await t.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_record ON fact_record`);
    }
    expect(await counts()).toEqual(before);
  });

  it("checks without writing, then imports all rows in one go, warns of negative records, audits once", async () => {
    const bytes = await sfjFile();
    const before = await counts();
    expect(await run(sfj, bytes, { checkOnly: true })).toMatchObject({ status: "checked", counts: { records: 3, none: 1 } });
    expect(await counts()).toEqual(before);
    const outcome = expectOk(await run(sfj, bytes));
    expect(outcome).toMatchObject({ counts: { values: 0, none: 1, notApplicable: 0, records: 3, units: 3 }, insertedRecords: 3, skippedRecords: 0, changedEntries: 3 });
    const entries = await t.prisma.factEntry.findMany({ where: { sourceOrgId: sfj.organisationId }, orderBy: { unitId: "asc" } });
    expect(entries.map((e) => `${e.indicatorCode}:${e.answer}`).sort()).toEqual(["LAW.EXAM:none", "LAW.EXAM:records", "PERFORM.COMPLAINT:records"]);
    const audit = await t.prisma.auditLog.findMany({ where: { action: "collection.imported" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.meta).toMatchObject({ fileName: "报送.xlsx", records: 3, none: 1, insertedRecords: 3 });
    const office = await t.prisma.notification.findMany({ where: { kind: "collection.negative_record", title: { contains: "表格导入" } } });
    expect(office).toHaveLength(1);
    expect(office[0]!.body).toContain("3条负面记录，涉及2个单位");
    const unitNotice = await t.prisma.notification.findFirstOrThrow({ where: { kind: "collection.negative_record", title: "本单位有新的负面记录" } });
    expect(unitNotice.body).toContain("2条记录");
  });

  it("a re-import of the same rows writes nothing new (records are not duplicated)", async () => {
    const before = await counts();
    const outcome = expectOk(await run(sfj, await sfjFile()));
    expect(outcome).toMatchObject({ insertedRecords: 0, skippedRecords: 3, changedEntries: 0 });
    expect(await counts()).toEqual({ ...before, audits: before.audits + 1 });
  });

  it("upserts values (version up only when changed) and answers 无 for the rest when asked", async () => {
    const tiers = ["优秀", "良好", "一般"];
    const withTiers = (list: string[]) => fill(kpb, (values) => values.eachRow((row, n) => n > 1 && (row.getCell(6).value = list[n - 2] ?? null)));
    expectOk(await run(kpb, await withTiers(tiers)));
    expectOk(await run(kpb, await withTiers(["优秀", "良好", "未达标"])));
    const stored = await t.prisma.factEntry.findMany({ where: { sourceOrgId: kpb.organisationId }, select: { value: true, version: true } });
    expect(stored.map((s) => [s.value, s.version]).sort()).toEqual([[{ tier: "优秀" }, 1], [{ tier: "未达标" }, 2], [{ tier: "良好" }, 1]].sort());
    const rest = expectOk(await run(sfj, await fill(sfj, () => {}), { blankRecordsAsNone: true }));
    // The download carries unit 3's "无" for LAW.EXAM (unchanged); the rest: unit 2's LAW.EXAM, units 1 and 3's complaints.
    expect(rest).toMatchObject({ counts: { none: 4 }, changedEntries: 3 });
  });

  it("follows the forms' rules: refused after submitting and after the deadline", async () => {
    const bytes = await sfjFile();
    await t.prisma.submission.update({ where: { cycleId_sourceOrgId: { cycleId: c.cycleId, sourceOrgId: sfj.organisationId } }, data: { status: "submitted" } });
    await expect(run(sfj, bytes)).rejects.toThrow("已提交");
    await t.prisma.submission.update({ where: { cycleId_sourceOrgId: { cycleId: c.cycleId, sourceOrgId: sfj.organisationId } }, data: { status: "returned" } });
    process.env.INTEGRITY_FAKE_NOW = "2026-12-02T04:00:00Z";
    try {
      await expect(run(sfj, bytes)).rejects.toThrow("截止");
    } finally {
      process.env.INTEGRITY_FAKE_NOW = "2026-11-21T04:00:00Z";
    }
    expectOk(await run(sfj, bytes));
  });
});

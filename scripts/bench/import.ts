// `npm run bench import`: a 10,000-row facts spreadsheet validated and applied in one transaction
// under 30 s (spec/quality.md "imports"), and the same file with one bad row refused whole. The
// section runs itself in a child process (a database and async code inside a synchronous bench).
import type ExcelJS from "exceljs";
import type { Actor } from "../../lib/auth/actor";
import { asChild, runChild, withBenchDatabase } from "./child";
import type { BenchSection } from "./types";

const BAR_MS = 30_000;
const UNITS = 2_000;
const CHILD = "INTEGRITY_IMPORT_BENCH_CHILD";

export const importBench: BenchSection = {
  name: "import",
  run(log) {
    const { summary, status } = runChild<{ rows: number; applyMs: number; refuseMs: number }>(__filename, CHILD, log);
    if (!summary) return { passed: false, summary: `子进程失败（退出码 ${status}）` };
    const { rows, applyMs, refuseMs } = summary;
    const passed = applyMs < BAR_MS && refuseMs < BAR_MS;
    return {
      passed, summary: `${rows}行：检查并写入 ${(applyMs / 1000).toFixed(1)} s，整份拒绝 ${(refuseMs / 1000).toFixed(1)} s（要求 < ${BAR_MS / 1000} s）`,
      figures: [
        { what: `导入${rows}行：检查并写入`, value: applyMs / 1000, bar: BAR_MS / 1000, unit: "s" },
        { what: `导入${rows}行：整份拒绝`, value: refuseMs / 1000, bar: BAR_MS / 1000, unit: "s" },
      ],
    };
  },
};

/** A collecting hegang-2022 cycle with UNITS departments; 市营商局 answers OPEN.DOUBLE, OPEN.PLEDGE, PERFORM.COMPLAINT. */
async function prepareBench(url: string): Promise<{ actor: Actor; cycleId: string; good: Uint8Array; bad: Uint8Array; rows: number }> {
  const { createPrismaClient } = await import("../../lib/db/prisma");
  const { makeUscc } = await import("../../lib/orgs/uscc");
  const { getBuiltInScheme } = await import("../../lib/scoring");
  const { factTemplate } = await import("../../lib/collection/import");
  const { SHEETS } = await import("../../lib/collection/spreadsheet");
  const ExcelJSModule = (await import("exceljs")).default;
  const prisma = createPrismaClient(url, 2);
  const uscc = (i: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: String(30000000 + i) });
  const scheme = getBuiltInScheme("hegang-2022")!;
  const version = await prisma.schemeVersion.create({ data: { code: "hegang-2022", version: 1, name: scheme.name, status: "published", document: JSON.parse(JSON.stringify(scheme)) } });
  const source = await prisma.organisation.create({ data: { name: "鹤岗市营商环境建设监督局", shortName: "市营商局", kind: "municipal_department", uscc: uscc(0), roles: ["source"] } });
  const user = await prisma.user.create({ data: { username: "src-yshj", displayName: "市营商局填报员", organisationId: source.id, roles: ["source"], passwordHash: "x", mustChangePassword: false } });
  const cycle = await prisma.cycle.create({ data: { year: 2026, name: "2026年度政务诚信评价", status: "collecting", collectionDeadline: "2099-12-01", commitmentsDeadline: "2026-05-01" } });
  await prisma.cycleScheme.create({ data: { cycleId: cycle.id, unitKind: "municipal_department", schemeVersionId: version.id } });
  await prisma.sourceAssignment.createMany({
    data: ["OPEN.DOUBLE", "OPEN.PLEDGE", "PERFORM.COMPLAINT"].map((indicatorCode) => ({ cycleId: cycle.id, schemeVersionId: version.id, indicatorCode, sourceOrgId: source.id, lead: true })),
  });
  const units = await prisma.organisation.createManyAndReturn({
    data: Array.from({ length: UNITS }, (_, i) => ({ name: `受评单位${String(i + 1).padStart(5, "0")}`, kind: "municipal_department" as const, uscc: uscc(i + 1), roles: ["evaluated" as const] })),
    select: { id: true, uscc: true },
  });
  await prisma.cycleUnit.createMany({ data: units.map((u) => ({ cycleId: cycle.id, organisationId: u.id, unitKind: "municipal_department" as const })) });
  await prisma.$disconnect();
  const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, roles: ["source"], organisationId: source.id, organisationName: source.name, mustChangePassword: false };

  const book = new ExcelJSModule.Workbook();
  await book.xlsx.load((await factTemplate(actor, cycle.id)).bytes.slice().buffer as ArrayBuffer);
  const values = book.getWorksheet(SHEETS.values)!;
  const records = book.getWorksheet(SHEETS.records)!;
  values.eachRow((row, n) => n > 1 && (row.getCell(6).value = n % 2 === 0 ? "是" : "否"));
  const date = (n: number) => `2026-${String((n % 10) + 1).padStart(2, "0")}-${String((n % 27) + 1).padStart(2, "0")}`;
  // OPEN.DOUBLE: a finding for every unit (and 2 more each below); PERFORM.COMPLAINT: every other unit "无".
  records.eachRow((row: ExcelJS.Row, n) => {
    if (n === 1) return;
    if (row.getCell(3).text === "PERFORM.COMPLAINT" && n % 2 === 0) row.getCell(5).value = "无";
    else [date(n), `核实问题第${n}号`, `检-${n}`].forEach((v, i) => (row.getCell(6 + i).value = v));
  });
  for (let i = 0; i < 2 * UNITS; i++) records.addRow([units[i % UNITS]!.uscc, "", "OPEN.DOUBLE", "", "", date(i), `“双公示”迟报漏报第${i}项`, `双-${i}`]);
  const rows = values.rowCount - 1 + records.rowCount - 1;
  const good = new Uint8Array(await book.xlsx.writeBuffer());
  records.getRow(records.rowCount).getCell(6).value = "2026-02-30";
  const bad = new Uint8Array(await book.xlsx.writeBuffer());
  return { actor, cycleId: cycle.id, good, bad, rows };
}

async function child(): Promise<void> {
  await withBenchDatabase("import", async (url) => {
    const { importFactSheet } = await import("../../lib/collection/import");
    const { actor, cycleId, good, bad, rows } = await prepareBench(url);
    console.log(`${UNITS}个受评单位，信源单位“市营商局”的模板：${rows}行（数值 ${UNITS} 行，记录 ${rows - UNITS} 行），${Math.round(good.length / 1024)} KB`);
    const input = (bytes: Uint8Array) => ({ cycleId, bytes, fileName: "bench.xlsx", blankRecordsAsNone: false });
    let start = performance.now();
    const refused = await importFactSheet(actor, input(bad));
    const refuseMs = performance.now() - start;
    if (refused.status !== "problems" || refused.badRows !== 1) throw new Error(`expected one bad row: ${JSON.stringify(refused).slice(0, 600)}`);
    console.log(`有1行错误的文件：${(refuseMs / 1000).toFixed(2)} s，整份拒绝，未写入任何数据（报告第${refused.problems[0]?.row}行）`);
    start = performance.now();
    const applied = await importFactSheet(actor, input(good));
    const applyMs = performance.now() - start;
    if (applied.status !== "imported") throw new Error(`expected the import to apply: ${applied.status}`);
    console.log(`正确的文件：${(applyMs / 1000).toFixed(2)} s，写入 ${applied.changedEntries} 个答复、${applied.insertedRecords} 条记录（一个事务）`);
    console.log(JSON.stringify({ rows, applyMs, refuseMs }));
    const { db } = await import("../../lib/db/client");
    await db().$disconnect();
  });
}

asChild(CHILD, child);

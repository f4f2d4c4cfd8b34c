// Crash safety of the two imports (quality.md "all-or-nothing"): the import runs in a child process
// of its own, is held inside its transaction after it has written rows, and is killed with SIGKILL.
// PostgreSQL rolls the transaction back, so nothing of the import remains, and the same file then
// imports in full. (The scoring run's kill test is in scoring-run.test.ts.)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { factTemplate } from "@/lib/collection/import";
import { SHEETS } from "@/lib/collection/spreadsheet";
import { makeUscc } from "@/lib/orgs/uscc";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createCollectingCycle, createOrg, createUser, type CollectingCycle } from "../support/monitor-factory";

let t: TestDatabase;
let dir: string;
let watcher: pg.Client;

beforeAll(async () => {
  process.env.INTEGRITY_FAKE_NOW = "2026-11-21T04:00:00Z";
  t = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), "crash-import-"));
  watcher = new pg.Client({ connectionString: t.url });
  await watcher.connect();
});
afterAll(async () => {
  delete process.env.INTEGRITY_FAKE_NOW;
  rmSync(dir, { recursive: true, force: true });
  await watcher.end();
  await t.drop();
});

/** The application's import, as `userId`, in a child process (see tests/support/import-child.ts). */
function importInChild(args: string[]) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/import-child.ts", ...args], {
    env: { ...process.env, DATABASE_URL: t.url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/**
 * (Watched from a connection of its own: inside the holder's transaction pg_stat_activity would be
 * a snapshot.) Holds the audit table so the import blocks at its first audit row; returns once the child's
 * transaction has written to `written` (its RowExclusiveLock on that table is granted) and is waiting.
 */
async function waitUntilWrittenAndHeld(written: string, run: ReturnType<typeof importInChild>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { rows } = await watcher.query<{ pid: number }>(
      `SELECT a.pid FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.wait_event_type = 'Lock'
          AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                       WHERE l.pid = a.pid AND l.granted AND c.relname = $1 AND l.mode = 'RowExclusiveLock')`,
      [written],
    );
    if (rows.length > 0) return;
    if (run.child.exitCode !== null) throw new Error(`the import ended before it was held: ${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rows } = await watcher.query(
    `SELECT a.pid, a.state, a.wait_event_type, a.wait_event, left(a.query, 80) AS query,
            (SELECT string_agg(c.relname || ':' || l.mode || ':' || l.granted, ' ') FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = a.pid AND c.relname NOT LIKE 'pg_%') AS locks
       FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`,
  );
  throw new Error(`the import never wrote to ${written}: ${run.output()} ${JSON.stringify(rows)}`);
}

async function killAndRelease(holder: pg.Client, run: ReturnType<typeof importInChild>): Promise<void> {
  run.child.kill("SIGKILL");
  await run.exited;
  await holder.query("ROLLBACK");
  await holder.end();
  // The backend finishes the statement it waited on, finds its client gone, and rolls back.
  for (let i = 0; i < 100; i++) {
    const [left] = await t.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND query NOT LIKE '%pg_stat_activity%'`;
    if (left!.n === 0n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the killed import's backend is still busy");
}

async function holderOn(): Promise<pg.Client> {
  const holder = new pg.Client({ connectionString: t.url });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE audit_log IN EXCLUSIVE MODE");
  return holder;
}

const HEADER = "序号,单位名称,统一社会信用代码,法定代表人,联系电话,电子邮箱,备注,单位类别,上级单位";

/** A clean unit list of `count` municipal departments. */
function unitList(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const uscc = makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: String(31000000 + i) });
    return `${i + 1},鹤岗市压力测试第${i + 1}局,${uscc},张建国,0468-3452101,,,市直部门,`;
  });
  return [HEADER, ...rows].join("\r\n") + "\r\n";
}

describe("an import killed half way leaves nothing behind", () => {
  it("the unit list: 100 units written but not committed are gone after SIGKILL; the file then imports in full", async () => {
    const office = await createOrg(t.prisma, "信用办", ["office"]);
    const actor: Actor = await createUser(t.prisma, office, "office-crash", ["office"]);
    const file = path.join(dir, "单位名单.csv");
    writeFileSync(file, unitList(100));
    const before = { orgs: await t.prisma.organisation.count(), users: await t.prisma.user.count(), audits: await t.prisma.auditLog.count() };

    const holder = await holderOn();
    const run = importInChild(["units", actor.id, file]);
    await waitUntilWrittenAndHeld("organisation", run);
    await killAndRelease(holder, run);
    expect(await run.exited).toBeNull(); // killed by the signal, not ended

    expect({ orgs: await t.prisma.organisation.count(), users: await t.prisma.user.count(), audits: await t.prisma.auditLog.count() }).toEqual(before);

    const again = importInChild(["units", actor.id, file]);
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toContain('"created":100');
    expect(await t.prisma.organisation.count()).toBe(before.orgs + 100);
    expect(await t.prisma.user.count()).toBe(before.users + 100);
  }, 120_000);

  it("the source's spreadsheet: entries and records written but not committed are gone after SIGKILL; the file then imports in full", async () => {
    const c: CollectingCycle = await createCollectingCycle(t.prisma, { unitCount: 40 });
    const sfj = await createUser(t.prisma, c.sources["市司法局"]!, "src-sfj-crash", ["source"]);
    const { bytes } = await factTemplate(sfj, c.cycleId);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const records = book.getWorksheet(SHEETS.records)!;
    c.units.forEach((unit, i) => {
      records.addRow([unit.uscc, "", "LAW.EXAM", "", "", "2026-03-01", `依法行政考核扣分：执法不规范（第${i + 1}条）`, `司法考〔2026〕${i + 1}号`]);
      records.addRow([unit.uscc, "", "PERFORM.COMPLAINT", "", "", "2026-05-01", `政务投诉核实属实（第${i + 1}件）`, `投诉-2026-${i + 1}`]);
    });
    const file = path.join(dir, "报送.xlsx");
    writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
    const counts = async () => ({
      entries: await t.prisma.factEntry.count({ where: { cycleId: c.cycleId } }),
      records: await t.prisma.factRecord.count({ where: { cycleId: c.cycleId } }),
      notices: await t.prisma.notification.count(),
      audits: await t.prisma.auditLog.count(),
    });
    const before = await counts();

    const holder = await holderOn();
    const run = importInChild(["facts", sfj.id, file, c.cycleId]);
    await waitUntilWrittenAndHeld("fact_record", run);
    await killAndRelease(holder, run);
    expect(await run.exited).toBeNull();
    expect(await counts()).toEqual(before);

    const again = importInChild(["facts", sfj.id, file, c.cycleId]);
    expect(await again.exited, again.output()).toBe(0);
    expect(again.output()).toContain('"status":"imported"');
    const after = await counts();
    expect(after.records).toBe(before.records + 80);
    expect(after.audits).toBeGreaterThan(before.audits);
  }, 120_000);
});

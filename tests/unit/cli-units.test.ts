import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, type CliIo } from "@/lib/cli";
import { unitsCheckCommand } from "@/lib/cli/units";
import { unitCheckReportSchema } from "@/lib/orgs/unit-list";
import { csvToXlsx } from "./orgs/unit-list-helpers";

const root = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "units-cli-"));

function cli(...args: string[]) {
  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("units check", { timeout: 120_000 }, () => {
  it("the seed 000 list: exit 2, pure JSON on stdout with all 30 rows, one stderr line per problem naming the row", () => {
    const { status, stdout, stderr } = cli("units", "check", "tests/fixtures/seed-000-units.csv");
    expect(status).toBe(2);
    const report = unitCheckReportSchema.parse(JSON.parse(stdout));
    expect(report.rows).toBe(30);
    expect(report.valid).toBe(0);
    expect(report.problems).toHaveLength(175);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(175 + 1);
    expect(lines).toContain("第20行：电子邮箱“hgsjgjss”格式不正确：缺少“@”和域名（应如 name@hegang.gov.cn） [email_invalid]");
    expect(lines.at(-1)).toBe("共30行单位，0行无问题，发现175个问题");
    const codes = new Set(report.problems.map((p) => p.code));
    for (const code of ["uscc_checksum", "uscc_format", "uscc_duplicate", "name_duplicate", "email_invalid", "phone_invalid"]) {
      expect(codes).toContain(code);
    }
  });

  it("the clean list: exit 0, no problem, nothing on stderr", () => {
    const { status, stdout, stderr } = cli("units", "check", "tests/fixtures/clean-units.csv");
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
    expect(JSON.parse(stdout)).toEqual({ rows: 12, valid: 12, problems: [] });
  });

  it("an .xlsx of the seed list gives the same JSON as the CSV", async () => {
    const { readFileSync } = await import("node:fs");
    const xlsx = path.join(dir, "seed-000-units.xlsx");
    writeFileSync(xlsx, await csvToXlsx(readFileSync(path.join(root, "tests/fixtures/seed-000-units.csv"), "utf8")));
    const fromXlsx = cli("units", "check", xlsx);
    expect(fromXlsx.status).toBe(2);
    expect(fromXlsx.stdout).toBe(cli("units", "check", "tests/fixtures/seed-000-units.csv").stdout);
  });

  it("exit 1 on a missing or unreadable file, with nothing on stdout", () => {
    const missing = cli("units", "check", path.join(dir, "nope.csv"));
    expect(missing).toMatchObject({ status: 1, stdout: "" });
    expect(missing.stderr).toContain("无法读取文件");
    const broken = path.join(dir, "broken.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 not really a zip");
    expect(cli("units", "check", broken)).toMatchObject({ status: 1, stdout: "" });
  });

  it("in process: a missing header is exit 2 with the problem in the JSON; a wrong argument count is exit 2", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { readFile: () => "", stdout: (t) => out.push(t), stderr: (l) => err.push(l) };
    const command = unitsCheckCommand(() => new TextEncoder().encode("甲,乙\n1,2\n"));
    expect(await runCli(["units", "check", "x.csv"], io, [command])).toBe(2);
    expect(JSON.parse(out.join(""))).toMatchObject({ rows: 0, valid: 0, problems: [{ row: 1, code: "header_missing" }] });
    expect(await runCli(["units", "check"], io, [command])).toBe(2);
    expect(err.at(-1)).toContain("需要一个单位名单文件");
  });
});

import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { calendarFrom } from "@/lib/calendar/working-days";
import { runCli, type CliIo } from "@/lib/cli";
import { deadlineCommand } from "@/lib/cli/deadline";

const root = path.resolve(__dirname, "../..");

function cli(...args: string[]) {
  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inProcess(args: string[], command = deadlineCommand()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readFile: () => "", stdout: (t) => out.push(t), stderr: (l) => err.push(l) };
  const status = await runCli(["deadline", ...args], io, [command]);
  return { status, stdout: out.join(""), stderr: err };
}

describe("deadline (command line)", { timeout: 120_000 }, () => {
  it("prints only the JSON: from, days and the end of the 5th working day in Beijing time", () => {
    const { status, stdout, stderr } = cli("deadline", "--from", "2025-09-30");
    expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
    expect(JSON.parse(stdout)).toEqual({ from: "2025-09-30", days: 5, deadline: "2025-10-14T23:59:59+08:00" });
    expect(Object.keys(JSON.parse(stdout) as object)).toEqual(["from", "days", "deadline"]);
  });

  it("exits 2 naming the year the built-in calendar lacks, with nothing on stdout", () => {
    const { status, stdout, stderr } = cli("deadline", "--from", "2026-12-28");
    expect({ status, stdout }).toEqual({ status: 2, stdout: "" });
    expect(stderr.trim()).toBe("工作日历中2027年尚无官方放假安排，无法计算截止日期；请系统管理员按国务院办公厅通知录入2027年的放假和调休上班安排");
  });

  it("exits 2 listing every malformed argument, one per line", () => {
    const { status, stdout, stderr } = cli("deadline", "--from", "2025-02-29", "--days", "61");
    expect({ status, stdout }).toEqual({ status: 2, stdout: "" });
    expect(stderr.trim().split("\n")).toEqual([
      "送达日期“2025-02-29”无效，应为 YYYY-MM-DD 格式的北京日期，如 2025-09-30",
      "工作日数“61”无效，应为1–60的整数",
    ]);
  });
});

describe("deadline (in process)", () => {
  it.each([
    [["--from", "2026-02-13"], { from: "2026-02-13", days: 5, deadline: "2026-02-27T23:59:59+08:00" }],
    [["--from", "2026-02-18"], { from: "2026-02-18", days: 5, deadline: "2026-02-28T23:59:59+08:00" }],
    [["--from=2026-04-30", "--days=1"], { from: "2026-04-30", days: 1, deadline: "2026-05-06T23:59:59+08:00" }],
    [["--from", "2026-02-13", "--days", "10"], { from: "2026-02-13", days: 10, deadline: "2026-03-05T23:59:59+08:00" }],
    [["--days", "60", "--from", "2026-01-05"], { from: "2026-01-05", days: 60, deadline: "2026-04-03T23:59:59+08:00" }],
  ])("%j → %j", async (args, expected) => {
    const { status, stdout, stderr } = await inProcess(args);
    expect({ status, stderr }).toEqual({ status: 0, stderr: [] });
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it.each([
    [[], "缺少参数 --from"],
    [["--from", "2026/02/13"], "送达日期“2026/02/13”无效，应为 YYYY-MM-DD 格式的北京日期，如 2025-09-30"],
    [["--from", "2026-02-13", "--days", "0"], "工作日数“0”无效，应为1–60的整数"],
    [["--from", "2026-02-13", "--days", "5.5"], "工作日数“5.5”无效，应为1–60的整数"],
    [["--from", "2026-02-13", "--days", "-1"], "工作日数“-1”无效，应为1–60的整数"],
    [["--from", "2026-02-13", "extra"], "需要参数 --from YYYY-MM-DD [--days N]，不带其他参数"],
    [["--from", "2026-02-13", "--to", "x"], "未知的参数 --to"],
    [["--from", "2003-12-31"], "工作日历中2003年尚无官方放假安排，无法计算截止日期；请系统管理员按国务院办公厅通知录入2003年的放假和调休上班安排"],
  ])("%j exits 2: %s", async (args, message) => {
    const { status, stdout, stderr } = await inProcess(args);
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: "", stderr: [message] });
  });

  it("says when the needed year is only a draft", async () => {
    const calendar = calendarFrom({ years: [{ year: 2026, status: "official" }, { year: 2027, status: "draft" }], days: [] });
    const { status, stderr } = await inProcess(["--from", "2026-12-31"], deadlineCommand(() => calendar));
    expect(status).toBe(2);
    expect(stderr[0]).toContain("2027年只有草稿");
  });
});

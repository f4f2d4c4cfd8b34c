import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";
import { HEGANG_SAMPLE_FACTS } from "./helpers";

const root = path.resolve(__dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "scoring-cli-"));

function cli(...args: string[]) {
  const run = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

const facts = HEGANG_SAMPLE_FACTS;
const valid = file("facts.json", { format: "integrity-facts/v1", scheme: "hegang-2022", units: [{ code: "A", name: "甲", facts }] });

describe("command line", { timeout: 120_000 }, () => {
  it("scheme list prints the built-in templates as JSON only", () => {
    const { status, stdout, stderr } = cli("scheme", "list");
    expect(status).toBe(0);
    expect(stderr).toBe("");
    const list = JSON.parse(stdout) as { code: string; indicatorCount: number; version: number; unitKinds: string[] }[];
    expect(list.find((s) => s.code === "hegang-2022")).toEqual({
      code: "hegang-2022",
      name: hegang2022.name,
      version: 1,
      unitKinds: ["municipal_department"],
      indicatorCount: 12,
    });
  });

  it("scheme export prints a scheme that scheme validate accepts", () => {
    const exported = cli("scheme", "export", "hegang-2022");
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(hegang2022);
    const validated = cli("scheme", "validate", file("scheme.json", exported.stdout));
    expect(validated.status).toBe(0);
    expect(JSON.parse(validated.stdout)).toEqual({ valid: true, warnings: [] });
  });

  it("scheme validate lists every error on stderr and exits 2", () => {
    const broken = { ...hegang2022, version: 0, categories: hegang2022.categories.map((c) => ({ ...c, weight: 10 })) };
    const { status, stdout, stderr } = cli("scheme", "validate", file("broken.json", broken));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "版本号至少为1（version）",
      "一级指标权重合计为60，应为100（categories）",
    ]);
  });

  it("score prints a results document", () => {
    const { status, stdout, stderr } = cli("score", "--facts", valid);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    const results = JSON.parse(stdout) as { format: string; units: { total: string; grade: string; rank: number }[] };
    expect(results.format).toBe("integrity-results/v1");
    expect(results.units[0]).toMatchObject({ total: "89.25", grade: "良好", rank: 1 });
  });

  it("score takes --scheme as a code or a file", () => {
    expect(cli("score", "--facts", valid, "--scheme", "hegang-2022").status).toBe(0);
    expect(cli("score", "--facts", valid, "--scheme", file("own-scheme.json", hegang2022)).status).toBe(0);
  });

  it("score lists every problem, one per line, and exits 2 without output", () => {
    const bad = file("bad.json", {
      format: "integrity-facts/v1",
      scheme: "hegang-2022",
      units: [{ code: "A", facts: { ...facts, "LAW.EXAM": { counts: { items: -1 } }, "KEEP.DEBT": undefined } }],
    });
    const { status, stdout, stderr } = cli("score", "--facts", bad);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      '单位 A，指标 LAW.EXAM：计数必须是非负整数（units[0].facts["LAW.EXAM"].counts.items）',
      '单位 A，指标 KEEP.DEBT：缺少指标“债务管理信息”的数据（不涉及请填 "N/A"）（units[0].facts["KEEP.DEBT"]）',
      "共2个问题，未计分",
    ]);
  });

  it("exits 2 for invalid JSON, unknown commands and bad arguments, 1 for unreadable files", () => {
    expect(cli("score", "--facts", file("not-json.json", "{")).status).toBe(2);
    expect(cli("frobnicate").status).toBe(2);
    expect(cli("score").status).toBe(2);
    expect(cli("scheme", "export", "nope").status).toBe(2);
    const missing = cli("score", "--facts", path.join(dir, "missing.json"));
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("无法读取文件");
  });
});

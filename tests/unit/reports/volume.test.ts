import { PassThrough, Writable } from "node:stream";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { sniffFileKind } from "@/lib/files/sniff";
import { PART_HEADINGS } from "@/lib/reports/docx";
import { buildReport, type UnitReport } from "@/lib/reports/model";
import { writeVolume, type VolumeInput, type VolumeRankingRow } from "@/lib/reports/volume";
import { paragraphs } from "../../support/docx";
import { parseXml } from "../../support/xml";
import { reportInput } from "./fixture";

const units = [
  { id: "a", name: "鹤岗市财政局", scheme: "dept", position: 1 },
  { id: "b", name: "鹤岗市教育局", scheme: "dept", position: 2 },
  { id: "c", name: "向阳区", scheme: "county", position: 1 },
];
const reports = units.map((u) => buildReport(reportInput({ unit: { id: u.id, name: u.name, uscc: "11230400MB1234567X", kindLabel: u.scheme === "dept" ? "市直部门" : "县区" } })));
const rows: VolumeRankingRow[] = units.map((u, i) => ({ unitId: u.id, schemeKey: u.scheme, position: u.position, name: u.name, kind: reports[i]!.unit.kindLabel, total: reports[i]!.summary.total, grade: reports[i]!.summary.grade }));

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

function input(overrides: Partial<VolumeInput> = {}): VolumeInput {
  return {
    cycle: { id: "c1", name: "2026年度政务诚信评价", year: 2026 },
    issuer: "鹤岗市社会信用体系建设工作领导小组办公室",
    date: "2026-12-20",
    schemes: [{ key: "dept", title: "市直部门评价标准（第1版）", units: 2 }, { key: "county", title: "县区评价标准（第1版）", units: 1 }],
    rankings: () => each(rows),
    chapters: each(reports),
    ...overrides,
  };
}

async function written(volume: VolumeInput, progress?: (done: number, total: number) => void): Promise<{ bytes: Buffer; result: { bytes: number; units: number } }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const result = await writeVolume(volume, out, progress);
  return { bytes: Buffer.concat(chunks), result };
}

describe("writing the volume", async () => {
  const progress: [number, number][] = [];
  const { bytes, result } = await written(input(), (done, total) => progress.push([done, total]));
  const zip = await JSZip.loadAsync(bytes);
  const part = (name: string) => zip.file(name)!.async("string");
  const document = await part("word/document.xml");
  const text = paragraphs(document);

  it("is a .docx whose every part is well-formed XML and listed in the content types", async () => {
    expect(result).toEqual({ bytes: bytes.length, units: 3 });
    expect(sniffFileKind(bytes)).toBe("docx");
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names[0]).toBe("[Content_Types].xml");
    for (const name of names) await expect(part(name).then(parseXml)).resolves.toBeTruthy();
    const types = await part("[Content_Types].xml");
    for (const name of names.filter((n) => n.endsWith(".xml") && n !== "[Content_Types].xml")) expect(types).toContain(`PartName="/${name}"`);
    expect(await part("word/settings.xml")).toContain('<w:updateFields w:val="true"/>');
  });

  it("reports its progress after each chapter", () => {
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it("has the cover, the contents, each scheme's ranking table, then one chapter per unit, in that order", () => {
    const at = (t: string, from = 0) => text.indexOf(t, from);
    const contents = at("目　录");
    expect(at("内部资料 注意保密")).toBe(0);
    expect(at("2026年度政务诚信评价结果汇编")).toBeLessThan(contents);
    expect(text.slice(contents + 1, contents + 8)).toEqual([
      "第一部分　评价结果排名", "（一）市直部门评价标准（第1版）（2个单位）", "（二）县区评价标准（第1版）（1个单位）",
      "第二部分　各单位评价报告", "1．鹤岗市财政局", "2．鹤岗市教育局", "3．向阳区",
    ]);
    const ranking = at("第一部分　评价结果排名", contents + 8);
    const table = text.slice(ranking, at("第二部分　各单位评价报告", ranking)).join("|");
    expect(table).toContain(`名次|单位名称|单位类型|总分|等次|1|鹤岗市财政局|市直部门|${rows[0]!.total}|${rows[0]!.grade}|2|鹤岗市教育局|`);
    expect(table).toContain("（二）县区评价标准（第1版）（1个单位）|名次|单位名称|单位类型|总分|等次|1|向阳区|县区|");
    const chapters = ["1．鹤岗市财政局", "2．鹤岗市教育局", "3．向阳区"].map((h) => at(h, ranking));
    expect(chapters.every((c) => c > ranking)).toBe(true);
    expect([...chapters].sort((a, b) => a - b)).toEqual(chapters);
    for (const [i, start] of chapters.entries()) {
      const chapter = text.slice(start, chapters[i + 1] ?? text.length);
      for (const heading of PART_HEADINGS) expect(chapter).toContain(heading);
    }
  });

  it("numbers the contents i, ii… and the body from 1, with the running title in the header", async () => {
    expect(document.match(/<w:pgNumType [^>]*>/g)).toEqual(['<w:pgNumType w:fmt="lowerRoman" w:start="1"/>', '<w:pgNumType w:fmt="decimal" w:start="1"/>']);
    expect(paragraphs(await part("word/header1.xml"))).toEqual(["2026年度政务诚信评价结果汇编"]);
    expect(await part("word/footer1.xml")).toContain(" PAGE ");
  });
});

describe("a volume that does not add up is refused, and its output destroyed", () => {
  const failing = async (volume: VolumeInput) => {
    const out = new Writable({ write: (_c, _e, done) => done() });
    await expect(writeVolume(volume, out)).rejects.toThrow();
    expect(out.destroyed).toBe(true);
  };

  it("chapters in another order than the contents", async () => {
    await failing(input({ chapters: each([reports[1]!, reports[0]!, reports[2]!]) }));
  });

  it("fewer chapters or rows than the schemes count", async () => {
    await failing(input({ chapters: each(reports.slice(0, 2)) }));
    await failing(input({ rankings: () => each(rows.slice(0, 2)) }));
  });

  it("a chapter source that fails half way", async () => {
    async function* broken(): AsyncGenerator<UnitReport> {
      yield reports[0]!;
      throw new Error("数据库连接中断");
    }
    await failing(input({ chapters: broken() }));
  });
});

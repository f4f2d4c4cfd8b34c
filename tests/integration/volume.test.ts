import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildVolumeFile, type BuiltVolume } from "@/lib/archive/volume-data";
import { storedLocation } from "@/lib/files/storage";
import type { UnitKind } from "@/lib/orgs/kinds";
import { PART_HEADINGS } from "@/lib/reports/docx";
import { buildReport, REPORT_MARKING, REVIEW_HEADING } from "@/lib/reports/model";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { paragraphs } from "../support/docx";
import { createOrg } from "../support/monitor-factory";
import { parseXml } from "../support/xml";
import { reportInput, reportScheme } from "../unit/reports/fixture";

let t: TestDatabase;
let store: string;
let cycleId: string;
let built: BuiltVolume;
let bytes: Buffer;
let text: string[];
const progress: [number, number][] = [];

/*
 * Five archived units, inserted in no particular order. Counties come after municipal departments
 * (by unit kind, although "county-…" sorts first); inside a scheme by rank, equal ranks by name in
 * pinyin order (财 cái before 教 jiào, although 教 has the lower code point).
 */
const UNITS: { name: string; kind: UnitKind; scheme: string; total: string; grade: string; rank: number; of: number; revised?: boolean }[] = [
  { name: "向阳区", kind: "county", scheme: "county-test 第1版", total: "88.00", grade: "良好", rank: 2, of: 2 },
  { name: "鹤岗市教育局", kind: "municipal_department", scheme: "report-test 第2版", total: "78.00", grade: "一般", rank: 2, of: 3 },
  { name: "鹤岗市营商环境建设监督局", kind: "municipal_department", scheme: "report-test 第2版", total: "91.50", grade: "优秀", rank: 1, of: 3, revised: true },
  { name: "工农区", kind: "county", scheme: "county-test 第1版", total: "90.25", grade: "优秀", rank: 1, of: 2 },
  { name: "鹤岗市财政局", kind: "municipal_department", scheme: "report-test 第2版", total: "78.00", grade: "一般", rank: 2, of: 3 },
];
const COUNTY_SCHEME = { ...reportScheme, code: "county-test", version: 1, name: "县区测试评价标准" };
const ORDER = ["鹤岗市营商环境建设监督局", "鹤岗市财政局", "鹤岗市教育局", "工农区", "向阳区"];

beforeAll(async () => {
  t = await createTestDatabase();
  store = await mkdtemp(path.join(os.tmpdir(), "volume-store-"));
  process.env.EVIDENCE_DIR = store;
  const cycle = await t.prisma.cycle.create({
    data: { year: 2026, name: "2026年度政务诚信评价", status: "approval", collectionDeadline: "2026-10-31", commitmentsDeadline: "2026-03-31" },
  });
  cycleId = cycle.id;
  for (const u of UNITS) {
    const org = await createOrg(t.prisma, u.name, ["evaluated"], u.kind === "county" ? "county" : "municipal_department");
    await t.prisma.cycleUnit.create({ data: { cycleId, organisationId: org.id, unitKind: u.kind } });
    const input = reportInput({
      cycle: { id: cycleId, name: cycle.name, year: 2026 },
      unit: { id: org.id, name: org.name, uscc: org.uscc, kindLabel: u.kind === "county" ? "县区" : "市直部门" },
      ...(u.kind === "county" ? { scheme: COUNTY_SCHEME } : {}),
      version: u.revised ? "revised" : "final",
      date: "2026-12-18",
      rank: { position: u.rank, of: u.of },
      review: u.revised
        ? { decidedAt: "2026-12-10", initialTotal: "89.50", initialGrade: "良好", items: [{ indicatorCode: "LAW.EXAM", reason: "通报已撤销", decision: "upheld", decisionReason: "予以更正", initialScore: "12.00", finalScore: "14.00" }] }
        : null,
    });
    const report = buildReport({ ...input, result: { ...input.result, total: u.total, grade: u.grade } });
    await t.prisma.dossierEntry.create({
      data: {
        organisationId: org.id, cycleId, year: 2026, cycleName: cycle.name, unitKind: u.kind, schemeVersionId: `scheme-${u.scheme}`, schemeLabel: u.scheme,
        total: u.total, grade: u.grade, rankPosition: u.rank, rankOf: u.of, finalKind: u.revised ? "revised" : "initial",
        report: JSON.parse(JSON.stringify(report)), docxStoredName: `docx-${org.id}`, docxSha256: "0".repeat(64), docxSize: 1, archivedAt: new Date("2026-12-20T17:30:00Z"),
      },
    });
  }
  // Archived last: the freeze refuses changes to the cycle's rows from then on. 17:30 UTC is already the 21st in Beijing.
  await t.prisma.cycle.update({ where: { id: cycleId }, data: { status: "archived", archivedAt: new Date("2026-12-20T17:30:00Z") } });
  built = await buildVolumeFile(t.prisma, cycleId, (done, total) => progress.push([done, total]));
  bytes = await readFile(storedLocation(built.storedName));
  text = paragraphs(await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string"));
});

afterAll(async () => {
  delete process.env.EVIDENCE_DIR;
  await rm(store, { recursive: true, force: true });
  await t.drop();
});

describe("the compiled volume of an archived cycle", () => {
  it("is stored under a random name with its SHA-256 and size, and no partial file is left", async () => {
    expect(built.storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(built.units).toBe(5);
    expect(built.size).toBe(bytes.length);
    expect(built.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const files = (await readdir(store, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    expect(files).toEqual([built.storedName]);
    expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every(([, total]) => total === 5)).toBe(true);
  });

  it("opens as a .docx whose every part is well-formed XML", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml"]));
    expect(() => parseXml("<w:p><w:r></w:p>")).toThrow();
    for (const name of names) parseXml(await zip.file(name)!.async("string"));
  });

  it("has a cover with the cycle's name, the marking, the issuer and the Beijing date of archiving", () => {
    const contents = text.indexOf("目　录");
    expect(text.slice(0, contents)).toEqual([REPORT_MARKING, "2026年度政务诚信评价结果汇编", "鹤岗市社会信用体系建设工作领导小组办公室", "2026年12月21日"]);
  });

  it("lists every unit in the contents, municipal departments first, by rank, equal ranks in pinyin order", () => {
    const contents = text.indexOf("目　录");
    expect(text.slice(contents + 1, contents + 10)).toEqual([
      "第一部分　评价结果排名", "（一）报告测试评价标准（第2版）（3个单位）", "（二）县区测试评价标准（第1版）（2个单位）", "第二部分　各单位评价报告",
      ...ORDER.map((name, i) => `${i + 1}．${name}`),
    ]);
  });

  it("ranks every unit of each scheme with its kind, total and grade, in order", () => {
    const start = text.indexOf("第一部分　评价结果排名", text.indexOf("第二部分　各单位评价报告"));
    const tables = text.slice(start, text.indexOf("第二部分　各单位评价报告", start)).join("|");
    const header = "名次|单位名称|单位类型|总分|等次";
    expect(tables).toBe([
      "第一部分　评价结果排名",
      "（一）报告测试评价标准（第2版）（3个单位）", header, "1|鹤岗市营商环境建设监督局|市直部门|91.50|优秀", "2|鹤岗市财政局|市直部门|78.00|一般", "2|鹤岗市教育局|市直部门|78.00|一般",
      "（二）县区测试评价标准（第1版）（2个单位）", header, "1|工农区|县区|90.25|优秀", "2|向阳区|县区|88.00|良好",
    ].join("|"));
  });

  it("has one chapter per unit in the same order, each with its name, total and the five parts", () => {
    const headings = ORDER.map((name, i) => text.lastIndexOf(`${i + 1}．${name}`));
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    for (const [i, name] of ORDER.entries()) {
      const chapter = text.slice(headings[i]!, headings[i + 1] ?? text.length);
      const unit = UNITS.find((u) => u.name === name)!;
      expect(chapter[1]).toBe(`${name}2026年度政务诚信评价报告`);
      expect(chapter).toContain(`受评单位：${name}（${unit.kind === "county" ? "县区" : "市直部门"}）`);
      expect(chapter.join("|")).toContain(`得分${unit.total}分，评价等次为“${unit.grade}”，在${unit.of}个同类单位中排第${unit.rank}位。`);
      const at = PART_HEADINGS.map((h) => chapter.indexOf(h));
      expect(at.every((p) => p > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(chapter.includes(REVIEW_HEADING)).toBe(unit.revised === true);
    }
  });
});

describe("a volume that cannot be built leaves nothing in the store", () => {
  const stored = async () => (await readdir(store, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);

  it("a cycle without dossier entries is refused", async () => {
    const empty = await t.prisma.cycle.create({ data: { year: 2027, name: "2027年度政务诚信评价", collectionDeadline: "2027-10-31", commitmentsDeadline: "2027-03-31" } });
    await expect(buildVolumeFile(t.prisma, empty.id)).rejects.toThrow("没有归档的评价报告");
    expect(await stored()).toEqual([built.storedName]);
  });

  it("an archived report that cannot be rendered fails the build half way, and the partial file is removed", async () => {
    const cycle = await t.prisma.cycle.create({ data: { year: 2028, name: "2028年度政务诚信评价", collectionDeadline: "2028-10-31", commitmentsDeadline: "2028-03-31" } });
    const entry = await t.prisma.dossierEntry.findFirstOrThrow({ where: { cycleId } });
    const copy = (organisationId: string, report: object, rankPosition: number) => ({
      organisationId, cycleId: cycle.id, year: 2028, cycleName: cycle.name, unitKind: entry.unitKind, schemeVersionId: "s", schemeLabel: "s",
      total: "80.00", grade: null, rankPosition, rankOf: 2, finalKind: "initial", report, docxStoredName: `broken-${rankPosition}`, docxSha256: "0".repeat(64), docxSize: 1,
      archivedAt: new Date(),
    });
    const good = entry.report as { unit: { id: string; name: string; kindLabel: string } };
    await t.prisma.dossierEntry.createMany({
      data: [copy(good.unit.id, good, 1), copy("gone", { unit: { id: "gone", name: "残缺的报告", kindLabel: "市直部门" } }, 2)],
    });
    await expect(buildVolumeFile(t.prisma, cycle.id)).rejects.toThrow(TypeError);
    expect(await stored()).toEqual([built.storedName]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkUnitList, nameKey, parseCsv, parseUnitList, unitCheckReport } from "@/lib/orgs/unit-list";
import { makeUscc, REGISTRATION_AUTHORITIES, USCC_CHARSET } from "@/lib/orgs/uscc";
import { csvToXlsx } from "./unit-list-helpers";

const HAN = [..."鹤岗市萝北绥滨县人民政府发展和改革委员会财政局教育科技公安民政司法自然资源生态环境住房城乡建设交通运输水务农业商务文化旅游卫生健康应急审计统计中心社区街道镇乡（）"];
const bodyChar = fc.constantFrom(...USCC_CHARSET);

const validCode = fc
  .record({
    registrationAuthority: fc.constantFrom(...Object.keys(REGISTRATION_AUTHORITIES)),
    orgType: fc.constantFrom(..."123456789"),
    division: fc.stringMatching(/^[1-6]\d{5}$/),
    orgBody8: fc.string({ unit: bodyChar, minLength: 8, maxLength: 8 }).filter((b) => b !== "00000000"),
  })
  .map(makeUscc);

const phone = fc.oneof(
  fc.constant(""),
  fc.tuple(fc.stringMatching(/^0[1-9]\d{1,2}$/), fc.stringMatching(/^[2-9]\d{6,7}$/), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined })).map(
    ([area, number, ext]) => `${area}-${number}${ext ? `-${ext}` : ""}`,
  ),
  fc.stringMatching(/^1[3-9]\d{9}$/),
);
const email = fc.oneof(fc.constant(""), fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}$/), fc.constantFrom("hegang.gov.cn", "163.com", "qq.com")).map(([u, d]) => `${u}@${d}`));
const unitName = fc.string({ unit: fc.constantFrom(...HAN), minLength: 2, maxLength: 30 });

interface Unit {
  name: string;
  code: string;
  legalRep: string;
  phone: string;
  email: string;
}

const units = fc
  .uniqueArray(fc.record({ name: unitName, code: validCode, legalRep: fc.constantFrom("", "王建国", "李志强", "阿不都·热合曼"), phone, email }), {
    minLength: 1,
    maxLength: 25,
    selector: (u) => nameKey(u.name),
  })
  .filter((list) => new Set(list.map((u) => u.code)).size === list.length);

/** A CSV as an office would save it, quoting some fields at random (RFC 4180 either way). */
function toCsv(list: readonly Unit[], quoteAll: boolean): string {
  const q = (v: string) => (quoteAll ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = list.map((u, i) => [String(i + 1), u.name, u.code, u.legalRep, u.phone, u.email, ""].map(q).join(","));
  return ["序号,单位名称,统一社会信用代码,法定代表人,联系电话,电子邮箱,备注", ...lines].join("\r\n");
}

const report = async (csv: string) => unitCheckReport(checkUnitList(await parseUnitList(new TextEncoder().encode(csv), "a.csv")));

describe("unit list properties", () => {
  it("lists of valid, distinct units have no problem (CSV with or without quotes, and XLSX)", async () => {
    await fc.assert(
      fc.asyncProperty(units, fc.boolean(), async (list, quoteAll) => {
        const csv = toCsv(list, quoteAll);
        const fromCsv = await report(csv);
        expect(fromCsv).toEqual({ rows: list.length, valid: list.length, problems: [] });
        const fromXlsx = unitCheckReport(checkUnitList(await parseUnitList(await csvToXlsx(csv), "a.xlsx")));
        expect(fromXlsx).toEqual(fromCsv);
      }),
      { numRuns: 60 },
    );
  });

  it("copying one row's credit code onto another flags exactly those two rows", async () => {
    const pair = units.filter((l) => l.length >= 2).chain((list) => fc.tuple(fc.constant(list), fc.nat(list.length - 1), fc.nat(list.length - 1)).filter(([, a, b]) => a !== b));
    await fc.assert(
      fc.asyncProperty(pair, async ([list, from, to]) => {
        const copy = list.map((u, i) => (i === to ? { ...u, code: list[from]!.code } : u));
        const { problems, valid } = await report(toCsv(copy, false));
        expect(problems.map((p) => [p.row, p.code]).sort()).toEqual([[from + 2, "uscc_duplicate"], [to + 2, "uscc_duplicate"]].sort());
        expect(valid).toBe(list.length - 2);
      }),
      { numRuns: 60 },
    );
  });

  it("copying one row's name onto another flags exactly those two rows", async () => {
    const pair = units.filter((l) => l.length >= 2).chain((list) => fc.tuple(fc.constant(list), fc.nat(list.length - 1), fc.nat(list.length - 1)).filter(([, a, b]) => a !== b));
    await fc.assert(
      fc.asyncProperty(pair, async ([list, from, to]) => {
        const copy = list.map((u, i) => (i === to ? { ...u, name: ` ${list[from]!.name} ` } : u));
        const { problems } = await report(toCsv(copy, true));
        expect(problems.map((p) => [p.row, p.code]).sort()).toEqual([[from + 2, "name_duplicate"], [to + 2, "name_duplicate"]].sort());
      }),
      { numRuns: 60 },
    );
  });

  it("the CSV parser reads back any table it is given, whatever the cells hold", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "中", ",", '"', "\r\n", "\n", " ", "1"), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (table) => {
        const width = table[0]!.length;
        const rows = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "x"));
        const csv = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n");
        expect(parseCsv(csv).rows.map((r) => r.cells)).toEqual(rows);
        expect(parseCsv(csv).rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

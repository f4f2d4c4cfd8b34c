import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkUnitList, parseUnitList, unitCheckReport, type UnitListProblem } from "@/lib/orgs/unit-list";
import { csvToXlsx, encodeGbk } from "./unit-list-helpers";

const fixtures = path.resolve(__dirname, "../../fixtures");
const seedBytes = readFileSync(path.join(fixtures, "seed-000-units.csv"));
const seedText = seedBytes.toString("utf8");

async function report(bytes: Uint8Array, fileName = "list.csv") {
  return unitCheckReport(checkUnitList(await parseUnitList(bytes, fileName)));
}

const text = (csv: string) => new TextEncoder().encode(csv);
const keys = (problems: readonly UnitListProblem[]) => problems.map((p) => `${p.row}:${p.code}`).sort();
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("the seed 000 unit list", () => {
  // Rows 2–31 are units 1–30. Every row: the all-zero placeholder code (format + check character),
  // the same code in all 30 rows, a masked legal representative (王XX) and a masked phone
  // (0453-822XXXX). Units 18–30 (rows 19–31) share one name; units 19–30 (rows 20–31) have an
  // e-mail without @.
  const expected = [
    ...range(2, 31).flatMap((row) => [`${row}:uscc_format`, `${row}:uscc_checksum`, `${row}:uscc_duplicate`, `${row}:legal_rep_invalid`, `${row}:phone_invalid`]),
    ...range(19, 31).map((row) => `${row}:name_duplicate`),
    ...range(20, 31).map((row) => `${row}:email_invalid`),
  ].sort();

  it("reports every defect with its row and code, and nothing else", async () => {
    const result = await report(seedBytes);
    expect(result.rows).toBe(30);
    expect(result.valid).toBe(0);
    expect(keys(result.problems)).toEqual(expected);
  });

  it("names the value, the column and the other rows in Chinese", async () => {
    const { problems } = await report(seedBytes);
    const at = (row: number, code: string) => problems.find((p) => p.row === row && p.code === code)!;
    expect(at(20, "email_invalid")).toEqual({
      row: 20,
      column: "电子邮箱",
      code: "email_invalid",
      message: "电子邮箱“hgsjgjss”格式不正确：缺少“@”和域名（应如 name@hegang.gov.cn）",
    });
    expect(at(19, "name_duplicate").message).toBe("单位名称“鹤岗市公共就业和社会保障服务中心”与第20–31行重复（共13行）");
    expect(at(5, "uscc_duplicate").message).toBe("统一社会信用代码“112301000000000000”与第2–4、6–31行重复（共30行）");
    expect(at(2, "uscc_checksum").message).toContain("第18位校验码应为T，实际为0");
    expect(at(2, "uscc_format").message).toContain("全0");
    expect(at(2, "phone_invalid").message).toContain("0453-822XXXX");
    expect(at(2, "legal_rep_invalid").message).toContain("王XX");
    expect(problems.every((p) => p.row >= 2 && p.row <= 31)).toBe(true);
  });

  it("gives the same report from the same table saved as .xlsx", async () => {
    const fromXlsx = await report(await csvToXlsx(seedText), "list.xlsx");
    expect(fromXlsx).toEqual(await report(seedBytes));
  });

  it("reads a GBK CSV (Excel's “CSV (逗号分隔)” on a Chinese Windows) the same way", async () => {
    const gbk = encodeGbk(seedText.replace(/^\uFEFF/, ""));
    const table = await parseUnitList(gbk, "list.csv");
    expect(table.encoding).toBe("gb18030");
    expect(unitCheckReport(checkUnitList(table))).toEqual(await report(seedBytes));
    expect((await parseUnitList(seedBytes, "list.csv")).encoding).toBe("utf-8");
  });

  it("reads a UTF-16 tab-separated file (Excel's “Unicode 文本”)", async () => {
    const tsv = seedText.replace(/^\uFEFF/, "").replaceAll(",", "\t");
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(tsv, "utf16le"))]);
    expect(await report(utf16, "list.csv")).toEqual(await report(seedBytes));
  });
});

describe("header problems", () => {
  it("a missing required column, an unknown and a repeated one, all on row 1", async () => {
    const result = await report(text("序号,单位名称,联系人,电子邮箱,邮箱\n1,鹤岗市体育局,张三,a@b.cn,c@d.cn\n"));
    expect(result.problems.map((p) => [p.row, p.code, p.column])).toEqual([
      [1, "column_missing", "统一社会信用代码"],
      [1, "column_duplicate", "电子邮箱"],
      [1, "column_unknown", "联系人"],
    ]);
    expect(result.problems[1]!.message).toBe("“电子邮箱”列出现了两次（第D列和第E列），请只保留一列");
    expect(result.valid).toBe(0);
  });

  it("no header in the first rows", async () => {
    const result = await report(text("甲,乙\n1,2\n"));
    expect(result).toMatchObject({ rows: 0, valid: 0, problems: [{ row: 1, code: "header_missing" }] });
  });

  it("a header without units", async () => {
    expect((await report(text("单位名称,统一社会信用代码\r\n"))).problems).toMatchObject([{ row: 2, code: "no_rows" }]);
  });

  it("finds the header under a title row, counting rows as Excel does", async () => {
    const xlsx = await csvToXlsx("单位名称,统一社会信用代码\n鹤岗市体育局,bad\n", { titleRow: "鹤岗市2022年政务诚信评价单位名单" });
    const result = await report(xlsx, "list.xlsx");
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([[3, "uscc_format"]]);
  });

  it("accepts header aliases, full-width spaces and required marks", async () => {
    const result = await report(text("单位名称*,信用代码（必填）,法人代表,邮箱\n鹤岗市体育局,11230400234100004Y,孟庆华,tyj@hegang.gov.cn\n"));
    expect(result).toEqual({ rows: 1, valid: 1, problems: [] });
  });
});

describe("row checks", () => {
  const HEADER = "序号,单位名称,统一社会信用代码,法定代表人,联系电话,电子邮箱,备注,单位类别,上级单位";
  const county = "萝北县人民政府,112304212341202249,石宏亮,0468-6102001,lbx@hegang.gov.cn,,县区,";
  const check = (...lines: string[]) => report(text([HEADER, ...lines].join("\r\n")));

  it("required cells, lengths, kinds", async () => {
    const result = await check(`1,,,,,,只有备注,,`, `2,${"长".repeat(101)},11230400234100004Y,,,,,街道办,`);
    expect(result.problems.map((p) => [p.row, p.code, p.column])).toEqual([
      [2, "required_missing", "单位名称"],
      [2, "required_missing", "统一社会信用代码"],
      [3, "value_too_long", "单位名称"],
      [3, "kind_invalid", "单位类别"],
    ]);
    expect(result.problems[3]!.message).toBe("单位类别“街道办”无效，应为：市直部门、县区、乡镇/街道、社区（或其英文代码）");
  });

  it("skips blank rows and rows holding only a 序号; row numbers follow Excel with quoted line breaks", async () => {
    const result = await check(`1,${county}`, ",,,,,,,,", "2,,,,,,,,", `3,"鹤岗市体育局",11230400234100004X,,,,"两行\n备注",,`);
    expect(result.rows).toBe(2);
    expect(result.problems).toMatchObject([{ row: 5, code: "uscc_checksum" }]);
  });

  it("normalizes full-width codes, phones and e-mails typed with a Chinese IME", async () => {
    const result = await check("1,鹤岗市体育局,１１２３０４００２３４１００００４ｙ,孟庆华,０４６８－３４５２１０１,ｔｙｊ＠ｈｅｇａｎｇ.ｇｏｖ.ｃｎ,,,");
    expect(result).toEqual({ rows: 1, valid: 1, problems: [] });
  });

  it("explains a credit code that Excel turned into a number", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("s");
    sheet.addRow(["单位名称", "统一社会信用代码", "联系电话"]);
    sheet.addRow(["鹤岗市体育局", 112304002341000040, { text: "0468-3452101", hyperlink: "tel:04683452101" }]);
    const result = await report(new Uint8Array(await workbook.xlsx.writeBuffer()), "x.xlsx");
    expect(result.problems).toMatchObject([{ row: 2, code: "uscc_format" }]);
    expect(result.problems[0]!.message).toContain("科学计数法");
  });

  it("parents: by name or code, anywhere in the file; the hierarchy of kinds; cycles and ambiguity", async () => {
    const result = await check(
      `1,萝北县凤翔镇东风社区居民委员会,54230421234140444Q,,,,,社区,萝北县凤翔镇人民政府`,
      `2,萝北县凤翔镇人民政府,11230421234130334P,,,,,乡镇/街道,112304212341202249`,
      `3,${county}`,
      `4,萝北县名山镇人民政府,11230421234150554L,,,,,乡镇/街道,萝北县名山镇人民政府`,
      `5,鹤岗市体育局,11230400234100004Y,,,,,,萝北县人民政府`,
      `6,萝北县团结镇人民政府,11230421234201104U,,,,,township,绥滨县人民政府`,
    );
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([
      [5, "parent_cycle"],
      [6, "parent_kind"],
    ]);
    expect(result.problems[1]!.message).toBe("本单位是市直部门，上级单位“萝北县人民政府”是县区：市直部门和县区是最上一级，不能设置上级单位");
    const twins = await check(`1,${county}`, `2,萝北县人民政府,11230421234120224X,,,,,县区,`, `3,萝北县凤翔镇人民政府,11230421234130334P,,,,,乡镇/街道,萝北县人民政府`);
    expect(keys(twins.problems)).toEqual(["2:name_duplicate", "3:name_duplicate", "3:uscc_checksum", "4:parent_ambiguous"].sort());
  });

  it("without the system's organisations (the CLI) a parent outside the file is left to the import", async () => {
    const list = await parseUnitList(text([HEADER, "1,萝北县凤翔镇人民政府,11230421234130334P,,,,,乡镇/街道,萝北县人民政府"].join("\n")), "a.csv");
    const result = checkUnitList(list);
    expect(result.problems).toEqual([]);
    expect(result.unresolvedParents).toEqual([{ row: 2, ref: "萝北县人民政府" }]);
    const withSystem = checkUnitList(list, { existing: [] });
    expect(withSystem.problems).toMatchObject([{ row: 2, code: "parent_unknown", column: "上级单位" }]);
  });

  it("content under a column without a name is reported, an unterminated quote too", async () => {
    const stray = await report(text("单位名称,统一社会信用代码\n鹤岗市体育局,11230400234100004Y,,多出的内容\n"));
    expect(stray.problems).toMatchObject([{ row: 2, code: "column_unknown", column: "D列" }]);
    const quote = await report(text('单位名称,统一社会信用代码\n"鹤岗市体育局,11230400234100004Y\n'));
    expect(quote.problems.map((p) => p.code)).toContain("csv_malformed");
  });

  it("refuses files that are neither CSV nor XLSX", async () => {
    await expect(parseUnitList(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.xls")).rejects.toThrow(".xls");
    await expect(parseUnitList(text("单位名称"), "fake.xlsx")).rejects.toThrow("不是 Excel 工作簿");
    await expect(parseUnitList(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), "a.csv")).rejects.toThrow("不是 CSV");
    await expect(parseUnitList(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "a.xlsx")).rejects.toThrow("无法读取");
    await expect(parseUnitList(new Uint8Array([]), "a.csv")).rejects.toThrow("文件是空的");
  });
});

import { describe, expect, it } from "vitest";
import { freeUsername, unitAccountDisplayName, unitUsername } from "@/lib/orgs/import/accounts";
import { MAX_UNIT_LIST_BYTES, safeFileName, unitImportApplySchema, unitListUploadSchema } from "@/lib/orgs/import/schema";

describe("accounts for imported units", () => {
  it("username: u + the GB 11714 organisation code inside the credit code, lower case", () => {
    expect(unitUsername("11230421234130334P")).toBe("u234130334");
    expect(unitUsername("91350100M000100Y43")).toBe("um000100y4");
  });

  it("a taken username (any case) gets the next free suffix", () => {
    const taken = new Set(["u234130334", "u234130334-2"]);
    expect(freeUsername("u234130334", taken)).toBe("u234130334-3");
    expect(freeUsername("u234130334", taken)).toBe("u234130334-4");
    expect(freeUsername("u111", new Set())).toBe("u111");
  });

  it("display name fits the 50 characters of an account name", () => {
    expect(unitAccountDisplayName("鹤岗市体育局")).toBe("鹤岗市体育局联络员");
    expect(unitAccountDisplayName("长".repeat(100))).toHaveLength(50);
  });

  it("file names for the audit log lose their path and control characters", () => {
    expect(safeFileName("C:\\Users\\王丽\\桌面\\名单.xlsx")).toBe("名单.xlsx");
    expect(safeFileName("../../etc/passwd\u0000.csv")).toBe("passwd.csv");
    expect(safeFileName("")).toBe("未命名文件");
    expect(safeFileName("名单\u202Exslx.exe.csv")).toBe("名单xslx.exe.csv");
    expect(safeFileName("<script>alert(1)</script>.xlsx")).toBe("script_.xlsx");
  });
});

describe("the upload, checked on the server", () => {
  const file = (name: string, size: number) => new File([new Uint8Array(size)], name);
  const messages = (input: unknown) => {
    const parsed = unitListUploadSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it("accepts .csv and .xlsx up to 5 MB", () => {
    expect(messages({ file: file("名单.CSV", 10) })).toEqual([]);
    expect(messages({ file: file("名单.xlsx", MAX_UNIT_LIST_BYTES) })).toEqual([]);
  });

  it("refuses a missing, empty, oversized or wrongly typed file in Chinese", () => {
    expect(messages({ file: null })).toEqual(["请选择要上传的单位名单文件"]);
    expect(messages({ file: file("名单.csv", 0) })).toEqual(["文件是空的"]);
    expect(messages({ file: file("名单.csv", MAX_UNIT_LIST_BYTES + 1) })).toEqual(["文件超过 5 MB，请拆分后分批导入"]);
    expect(messages({ file: file("名单.xls", 10) })).toEqual(["只能上传 .csv 或 .xlsx 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）"]);
  });

  it("the apply step needs the preview's fingerprint", () => {
    const base = { file: file("a.csv", 10), createAccounts: "on" };
    expect(unitImportApplySchema.safeParse({ ...base, fingerprint: "abc" }).success).toBe(false);
    expect(unitImportApplySchema.parse({ ...base, fingerprint: "a".repeat(64) }).createAccounts).toBe(true);
    expect(unitImportApplySchema.parse({ ...base, createAccounts: null, fingerprint: "a".repeat(64) }).createAccounts).toBe(false);
  });
});

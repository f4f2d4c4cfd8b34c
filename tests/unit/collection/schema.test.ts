import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { correctAddRecordSchema, correctNotApplicableSchema, correctValueSchema, correctWithdrawSchema } from "@/lib/collection/correction-schema";
import { addRecordSchema, markNoneSchema, markNotApplicableSchema, saveValueSchema, withdrawRecordSchema } from "@/lib/collection/schema";

// The server action parses the form with a schema and the mutation parses its input again with the
// same schema, so parsing must accept its own output and give it back unchanged.
const cell = { cycleId: "c1", unitId: "u1", indicatorCode: "LAW.EXAM" };
const correction = { sourceOrgId: "s1", correctionReason: "信源单位漏报，依据法院通报补录" };

const cases: [string, z.ZodType, Record<string, unknown>][] = [
  ["a record with the optional 文号 left blank", addRecordSchema, { ...cell, occurredOn: "2026-03-01", description: "依法行政考核扣分", referenceNo: "" }],
  ["a record without the 文号 field", addRecordSchema, { ...cell, occurredOn: "2026-03-01", description: "依法行政考核扣分" }],
  ["a record with a 文号", addRecordSchema, { ...cell, occurredOn: "2026-03-01", description: "依法行政考核扣分", referenceNo: " 司法考〔2026〕1号 " }],
  ["a value", saveValueSchema, { ...cell, expectedVersion: "3", value: { tier: "良好" } }],
  ["none", markNoneSchema, { ...cell, expectedVersion: "0" }],
  ["not applicable", markNotApplicableSchema, { ...cell, expectedVersion: "1", reason: "本年度未承担该项工作" }],
  ["a withdrawal", withdrawRecordSchema, { recordId: "r1", reason: "录入错误，撤回" }],
  ["the office adds a record without 文号", correctAddRecordSchema, { ...cell, ...correction, occurredOn: "2026-03-01", description: "依法行政考核扣分", referenceNo: "" }],
  ["the office corrects a value", correctValueSchema, { ...cell, ...correction, expectedVersion: "2", value: { tier: "一般" } }],
  ["the office marks not applicable", correctNotApplicableSchema, { ...cell, ...correction, expectedVersion: "1", reason: "本年度未承担该项工作" }],
  ["the office withdraws a record", correctWithdrawSchema, { recordId: "r1", cycleId: "c1", reason: "重复录入", correctionReason: "与另一条记录重复，撤回" }],
];

describe("collection schemas accept their own output", () => {
  it.each(cases)("%s", (_name, schema, form) => {
    const once = schema.safeParse(form);
    expect(once.success, JSON.stringify(once.error?.issues)).toBe(true);
    const twice = schema.safeParse(once.data);
    expect(twice.success, JSON.stringify(twice.error?.issues)).toBe(true);
    expect(twice.data).toEqual(once.data);
  });
});

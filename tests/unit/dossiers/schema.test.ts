import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addAmendmentSchema, dossierListSchema, reviewRectificationSchema, updateRectificationSchema } from "@/lib/dossiers/schema";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

// 00:30 on 1 April in Beijing, while UTC and Los Angeles (the unit tests' zone) are still on 31 March.
beforeEach(() => {
  process.env.INTEGRITY_FAKE_NOW = "2027-03-31T16:30:00Z";
});
afterEach(() => {
  delete process.env.INTEGRITY_FAKE_NOW;
});

describe("the unit's rectification report", () => {
  const base = { id: "r1", version: "3", status: "open", measures: "", dueOn: "", doneOn: "" };

  it("accepts an open item without measures and reads empty dates as none", () => {
    expect(updateRectificationSchema.parse(base)).toEqual({ id: "r1", version: 3, status: "open", measures: "", dueOn: null, doneOn: null });
  });

  it("asks for measures when in progress or done, and for the date finished when done — every problem at once", () => {
    expect(messages(updateRectificationSchema.safeParse({ ...base, status: "in_progress" }))).toEqual({ measures: "整改中或已完成时，请填写已采取的整改措施" });
    expect(messages(updateRectificationSchema.safeParse({ ...base, status: "done", dueOn: "2027-02-30" }))).toEqual({
      dueOn: "计划完成日期格式应为年-月-日，例如2027-03-31",
      measures: "整改中或已完成时，请填写已采取的整改措施",
      doneOn: "已完成时，请填写实际完成日期",
    });
    expect(messages(updateRectificationSchema.safeParse({ ...base, status: "in_progress", measures: "字".repeat(2001) }))).toEqual({ measures: "整改措施不能超过2000字" });
  });

  it("refuses a date finished after today in Beijing, whatever the server's zone", () => {
    const done = { ...base, status: "done", measures: "已建立台账并逐项销号" };
    expect(updateRectificationSchema.parse({ ...done, doneOn: "2027-04-01" }).doneOn).toBe("2027-04-01");
    expect(messages(updateRectificationSchema.safeParse({ ...done, doneOn: "2027-04-02" }))).toEqual({ doneOn: "实际完成日期不能晚于今天（2027-04-01）" });
  });

  it("drops a date finished from an item that is not done", () => {
    expect(updateRectificationSchema.parse({ ...base, status: "in_progress", measures: "正在整改", doneOn: "2027-01-05" }).doneOn).toBeNull();
  });
});

describe("the office's review and amendment", () => {
  it("asks for a comment when returning", () => {
    expect(messages(reviewRectificationSchema.safeParse({ id: "r", version: 1, decision: "returned", comment: "" }))).toEqual({ comment: "退回时请写明需要补充或改正的内容（至少5个字）" });
    expect(messages(reviewRectificationSchema.safeParse({ id: "r", version: 1 }))).toEqual({ decision: "请选择审核意见：认可或退回" });
    expect(reviewRectificationSchema.parse({ id: "r", version: 1, decision: "accepted" }).comment).toBe("");
  });

  it("an amendment needs what it amends, a valid new value and a reason", () => {
    expect(messages(addAmendmentSchema.safeParse({ entryId: "e", subject: "indicator", after: "八十", reason: "短" }))).toEqual({
      reason: "请写明更正理由（至少5个字），例如依据的文件",
      indicatorCode: "请选择更正的指标",
      after: "更正后的得分应为不小于0的数字，最多两位小数，例如86.50",
    });
    expect(messages(addAmendmentSchema.safeParse({ entryId: "e", subject: "text", after: "新文字", reason: "原报告笔误，依据会议纪要" }))).toEqual({ before: "请摘录需要更正的原文" });
    expect(addAmendmentSchema.safeParse({ entryId: "e", subject: "total", after: "86.50", reason: "复核发现计算错误" }).success).toBe(true);
  });
});

describe("the search's query string", () => {
  it("falls back to defaults on bad values", () => {
    expect(dossierListSchema.parse({ year: "abc", kind: "x", rectification: "maybe", sort: "evil", page: "-1" })).toEqual({ sort: "name", order: "asc", page: 1 });
    expect(dossierListSchema.parse({ year: "2026", rectification: "open", sort: "total", order: "desc" })).toMatchObject({ year: 2026, rectification: "open", sort: "total", order: "desc" });
  });
});

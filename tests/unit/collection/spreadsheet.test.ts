import { describe, expect, it } from "vitest";
import { deriveUnitFacts, withAssignments } from "@/lib/collection/derive";
import { buildTemplate, emptyCurrent, readFactSheets, SHEETS, validateFactSheets } from "@/lib/collection/spreadsheet";
import { scoreUnits } from "@/lib/scoring";
import { kitchenSinkScheme } from "../../support/monitor-factory";
import { loadWorkbook, rowIndex, saveWorkbook, testScope, TODAY, UNITS } from "./spreadsheet-fixture";

const [county1, county2, dept] = UNITS as [(typeof UNITS)[0], (typeof UNITS)[0], (typeof UNITS)[0]];

const VALUES: Record<string, [string, string?]> = {
  BIN: ["是"],
  TIER: ["良好"],
  RATIO: ["85%"],
  STEP: ["85"],
  THRESH: ["19.5%"],
  RANK: ["无"],
  MANUAL: ["4.5", "评议良好"],
  "COMBO/grade": ["好"],
};

async function filledTemplate(): Promise<Uint8Array> {
  const scope = testScope();
  const workbook = await loadWorkbook(await buildTemplate(scope, emptyCurrent(), TODAY));
  const values = workbook.getWorksheet(SHEETS.values)!;
  const at = rowIndex(values);
  for (const unit of [county1, county2]) {
    for (const [code, [value, note]] of Object.entries(VALUES)) {
      const row = values.getRow(at.get(`${unit.uscc}|${code}`)!);
      row.getCell(6).value = value;
      if (note) row.getCell(7).value = note;
    }
  }
  values.getRow(at.get(`${dept.uscc}|DILIGENT.TARGET`)!).getCell(6).value = "优秀";
  const records = workbook.getWorksheet(SHEETS.records)!;
  const rat = rowIndex(records);
  const fill = (key: string, item: string | null, date?: Date | string, description?: string, reference?: string) => {
    const row = records.getRow(rat.get(key)!);
    row.getCell(5).value = item;
    if (date) row.getCell(6).value = date;
    if (description) row.getCell(7).value = description;
    if (reference) row.getCell(8).value = reference;
  };
  fill(`${county1.uscc}|DED`, "重大问题", new Date(Date.UTC(2026, 2, 15)), "审计发现重大问题", "审字〔2026〕3号");
  records.addRow([county1.uscc, county1.name, "DED", "", "一般问题", "2026/4/1", "一般问题一", null]);
  records.addRow([county1.uscc, county1.name, "DED", "", "minor", "2026年4月2日", "一般问题二", "B-2"]);
  fill(`${county1.uscc}|VETO`, null, "2026-05-01", "列入失信被执行人", "（2026）黑04执1号");
  fill(`${county1.uscc}|COUNT`, "", "2026-06-01", "开展诚信活动");
  fill(`${county1.uscc}|AWARD`, "省级", "2026-07-01", "省级表彰");
  fill(`${county1.uscc}|COMBO/findings`, "无");
  for (const code of ["DED", "VETO", "COUNT", "AWARD", "COMBO/findings"]) fill(`${county2.uscc}|${code}`, "无");
  fill(`${dept.uscc}|LAW.EXAM`, "考核扣分项", "2026-03-01", "依法行政考核扣分");
  return saveWorkbook(workbook);
}

describe("facts spreadsheet: template round trip", () => {
  it("writes the guide, the two data sheets and the hidden lists, pre-filled with units × assigned slots", async () => {
    const workbook = await loadWorkbook(await buildTemplate(testScope(), emptyCurrent(), TODAY));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SHEETS.guide, SHEETS.values, SHEETS.records, SHEETS.lists]);
    expect(workbook.getWorksheet(SHEETS.lists)!.state).toBe("veryHidden");
    // counties: 8 value slots each; the department: DILIGENT.TARGET only.
    expect(workbook.getWorksheet(SHEETS.values)!.rowCount).toBe(1 + 2 * 8 + 1);
    // counties: DED, VETO, COUNT, AWARD, COMBO/findings; the department: LAW.EXAM.
    expect(workbook.getWorksheet(SHEETS.records)!.rowCount).toBe(1 + 2 * 5 + 1);
    const guide = workbook.getWorksheet(SHEETS.guide)!;
    const texts: string[] = [];
    guide.eachRow((row) => texts.push(row.values?.toString() ?? ""));
    expect(texts.join("\n")).toContain("每项考核扣分项扣1分");
    const tierCell = workbook.getWorksheet(SHEETS.values)!.getRow(rowIndex(workbook.getWorksheet(SHEETS.values)!).get(`${county1.uscc}|TIER`)!).getCell(6);
    expect(tierCell.dataValidation?.type).toBe("list");
  });

  it("reads back what was filled, validates it with the engine's schemas, and the facts score", async () => {
    const sheets = await readFactSheets(await filledTemplate(), "模板.xlsx");
    const outcome = validateFactSheets(testScope(), sheets, emptyCurrent(), { today: TODAY });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.counts).toEqual({ values: 17, none: 6, notApplicable: 0, records: 7, units: 3 });
    const c1 = outcome.plan.entries.filter((e) => e.unitId === county1.id);
    expect(c1.find((e) => e.indicatorCode === "RATIO")?.value).toEqual({ value: 0.85 });
    expect(c1.find((e) => e.indicatorCode === "THRESH")?.value).toEqual({ value: 0.195 });
    expect(c1.find((e) => e.indicatorCode === "RANK")?.value).toEqual({ value: null });
    expect(c1.find((e) => e.indicatorCode === "MANUAL")?.value).toEqual({ score: 4.5, note: "评议良好" });
    expect(outcome.plan.records.filter((r) => r.indicatorCode === "DED").map((r) => [r.itemKey, r.occurredOn, r.referenceNo])).toEqual([
      ["major", "2026-03-15", "审字〔2026〕3号"],
      ["minor", "2026-04-01", null],
      ["minor", "2026-04-02", "B-2"],
    ]);

    const slots = withAssignments(
      (await import("@/lib/collection/slots")).reportingSlots(kitchenSinkScheme),
      kitchenSinkScheme.categories[0]!.indicators.map((i) => ({ indicatorCode: i.code, subKey: "", sourceOrgId: "s1", lead: true })),
    );
    const answers = (unitId: string) => ({
      entries: outcome.plan.entries.filter((e) => e.unitId === unitId).map((e) => ({ ...e, sourceOrgId: "s1" })),
      records: outcome.plan.records.filter((r) => r.unitId === unitId).map((r) => ({ ...r, sourceOrgId: "s1" })),
    });
    const derived = [county1, county2].map((u) => deriveUnitFacts(slots, answers(u.id)));
    expect(derived.map((d) => d.complete)).toEqual([true, true]);
    const scored = scoreUnits(kitchenSinkScheme, derived.map((d, i) => ({ code: `u${i}`, facts: d.facts })));
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    const c1Scores = Object.fromEntries(scored.results[0]!.indicators.map((i) => [i.code, i.score]));
    expect(c1Scores).toMatchObject({ DED: "3.00", VETO: "0.00", COUNT: "2.00", AWARD: "5.00", RATIO: "4.25", THRESH: "0.00", MANUAL: "4.50" });
  });

  it("pre-fills what is already reported and a re-import of the download changes nothing", async () => {
    const scope = testScope();
    const current = emptyCurrent();
    current.entries.set(`${county1.id}|TIER`, { answer: "value", value: { tier: "一般" } });
    current.entries.set(`${county1.id}|MANUAL`, { answer: "value", value: { score: 3, note: "说明" } });
    current.entries.set(`${county1.id}|VETO`, { answer: "none", value: null });
    current.entries.set(`${county1.id}|BIN`, { answer: "not_applicable", value: { reason: "本县无此事项" } });
    current.entries.set(`${county1.id}|COUNT`, { answer: "not_applicable", value: { reason: "未开展创建" } });
    current.liveRecords.set(`${county1.id}|DED`, 2);
    const bytes = await buildTemplate(scope, current, TODAY);
    const outcome = validateFactSheets(scope, await readFactSheets(bytes, "t.xlsx"), current, { today: TODAY });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.plan.entries).toEqual([
      { unitId: county1.id, indicatorCode: "BIN", subKey: "", answer: "not_applicable", value: { reason: "本县无此事项" } },
      { unitId: county1.id, indicatorCode: "TIER", subKey: "", answer: "value", value: { tier: "一般" } },
      { unitId: county1.id, indicatorCode: "MANUAL", subKey: "", answer: "value", value: { score: 3, note: "说明" } },
      { unitId: county1.id, indicatorCode: "VETO", subKey: "", answer: "none", value: null },
      { unitId: county1.id, indicatorCode: "COUNT", subKey: "", answer: "not_applicable", value: { reason: "未开展创建" } },
    ]);
    expect(outcome.plan.records).toEqual([]);
  });

  it("answers 无 for every records slot without an answer when asked to", async () => {
    const scope = testScope();
    const current = emptyCurrent();
    current.liveRecords.set(`${county1.id}|DED`, 1);
    current.entries.set(`${county2.id}|VETO`, { answer: "not_applicable", value: { reason: "不适用" } });
    const bytes = await buildTemplate(scope, emptyCurrent(), TODAY);
    const outcome = validateFactSheets(scope, await readFactSheets(bytes, "t.xlsx"), current, { today: TODAY, blankRecordsAsNone: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.counts.none).toBe(5 + 5 + 1 - 2);
    expect(outcome.plan.entries.some((e) => e.unitId === county1.id && e.indicatorCode === "DED")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { buildReport, generateProblems, OFFICE_INFORMATION_NOTE, REPORT_MARKING } from "@/lib/reports/model";
import { scoreUnits } from "@/lib/scoring";
import { reportFacts, reportInput, reportScheme } from "./fixture";

describe("buildReport", () => {
  const report = buildReport(reportInput());

  it("part 1: the total, grade, rank and the sentence; the report's marking, version and date", () => {
    expect(report.summary).toEqual({
      total: "78.00",
      grade: "一般",
      rank: { position: 2, of: 5 },
      sentence: "鹤岗市示例局2026年度政务诚信评价初评得分78.00分，评价等次为“一般”，在5个同类单位中排第2位。",
    });
    expect(report.categories).toEqual([
      { code: "LAW", name: "依法行政", weight: 40, score: "34.00" },
      { code: "WORK", name: "勤政高效", weight: 60, score: "44.00" },
    ]);
    expect(report).toMatchObject({
      title: "鹤岗市示例局2026年度政务诚信评价报告", marking: REPORT_MARKING, versionLabel: "初评", dateCn: "2026年11月21日",
      scheme: { code: "report-test", version: 2, name: "报告测试评价标准" }, resultId: "result-1",
    });
  });

  it("part 2: each indicator's score, points lost and explanation, sub-items by name", () => {
    expect(report.indicators.map((i) => [i.code, i.score, i.lost, i.notApplicable])).toEqual([
      ["LAW.EXAM", "14.00", "6.00", false], // 20 − 3 × 2
      ["LAW.PLEDGE", "20.00", "0.00", false],
      ["WORK.TARGET", "21.00", "9.00", false], // 良好
      ["WORK.SURVEY", "10.00", "0.00", true], // N/A → full marks
      ["WORK.AWARD", "5.00", "5.00", false], // provincial
      ["WORK.OPEN", "8.00", "2.00", false], // 5 + (5 − 2)
    ]);
    expect(report.indicators[0]!.explanation).toBe("考核扣分项3项，每项扣2分，扣6分，得14.00分");
    expect(report.indicators[5]!.items).toEqual([
      { key: "site", name: "网站公开", max: 5, score: "5.00", explanation: "网站按时更新：是，得5.00分" },
      { key: "findings", name: "问题整改", max: 5, score: "3.00", explanation: "发现问题2项，每项扣1分，扣2分，得3.00分" },
    ]);
  });

  it("part 3: a problem for every indicator that lost points, with its explanation; none at full marks or N/A", () => {
    expect(report.problems.map((p) => p.indicatorCode)).toEqual(["LAW.EXAM", "WORK.TARGET", "WORK.AWARD", "WORK.OPEN"]);
    expect(report.problems[0]).toEqual({
      indicatorCode: "LAW.EXAM",
      problem: "依法行政考核失6.00分：考核扣分项3项，每项扣2分，扣6分，得14.00分",
      suggestion: "对照依法行政考核扣分事项逐项整改，查找制度和执行上的原因，建立长效机制，防止同类问题再次发生。",
    });
    expect(report.problems[1]!.problem).toBe("目标责任考核失9.00分：目标责任考核为良好，得21.00分");
    expect(report.problems[1]!.suggestion).toContain("争取更好等次");
    expect(report.problems[2]!.suggestion).toContain("争取表彰奖励");
    // WORK.OPEN lost its points on 问题整改 (a deduction), not on 网站公开 (met): the suggestion follows that sub-item.
    expect(report.problems[3]!.suggestion).toContain("扣分事项逐项整改");
    expect(report.problemsEdited).toBeNull();
  });

  it("part 4: per slot the sources, their answers in words and their live records in date order", () => {
    expect(report.basis.map((b) => b.name)).toEqual(["依法行政考核", "公开政务承诺", "目标责任考核", "满意度调查", "激励信息", "信息公开 · 网站公开", "信息公开 · 问题整改"]);
    const exam = report.basis[0]!;
    expect(exam).toMatchObject({ sources: ["市司法局"], answers: [], rule: "每项考核扣分项扣2分（该项最多扣20分），最多扣至0分" });
    expect(exam.records.map((r) => [r.occurredOn, r.description, r.source, r.item, r.referenceNo, r.evidence])).toEqual([
      ["2026-03-15", "行政复议决定未按期履行", "市司法局", "考核扣分项", null, []],
      ["2026-06-30", "规范性文件未按期备案", "市司法局", "考核扣分项", "鹤司函〔2026〕12号", ["考核通报.pdf"]],
      ["2026-09-01", "执法案卷评查不合格", "市司法局", "考核扣分项", "鹤司函〔2026〕31号", ["评查结果.pdf", "整改通知.docx"]],
    ]);
    expect(report.basis[1]!.answers).toEqual([{ source: "市营商局", text: "已公开公示本部门政务承诺：是" }]);
    expect(report.basis[2]!.answers).toEqual([{ source: "市委考评办", text: "良好" }]);
    expect(report.basis[3]!.answers).toEqual([{ source: "市统计局", text: "不涉及（本年度未组织调查）" }]);
    const award = report.basis[4]!;
    expect(award.sources).toEqual(["市文明办", "市总工会"]);
    expect(award.answers).toEqual([{ source: "市总工会", text: "无" }]);
    expect(award.records).toMatchObject([{ source: "市文明办", item: "省级", description: "获评省级文明单位" }]);
    expect(report.basis[6]!.records.map((r) => r.description)).toEqual(["政策解读未同步发布", "栏目超过三个月未更新"]);
  });

  it("part 5: not-applicable indicators; no bad records and no note by default", () => {
    expect(report.other).toEqual({ badRecords: [], officeInformationNote: null, notApplicable: [{ code: "WORK.SURVEY", name: "满意度调查" }] });
  });

  it("part 5: a unit evaluated on the office's information gets the note, and its bad records are listed", () => {
    const late = buildReport(reportInput({ badRecords: [{ kind: "late_unit", reason: "经督促仍未提交自评报告", date: "2026-10-09" }], evaluatedOnOfficeInformation: true }));
    expect(late.other.officeInformationNote).toBe(OFFICE_INFORMATION_NOTE);
    expect(late.other.badRecords).toEqual([{ kind: "late_unit", reason: "经督促仍未提交自评报告", date: "2026-10-09" }]);
  });

  it("staff's edited texts replace the generated ones, and are marked stale once the result changed", () => {
    const items = [{ indicatorCode: "LAW.EXAM", problem: "依法行政考核存在3项扣分。", suggestion: "健全备案审查制度。" }, { indicatorCode: "", problem: "总体评价：工作基础较好。", suggestion: "持续改进。" }];
    const texts = { items, editedByName: "王科员", editedAt: "2026-11-20T02:00:00.000Z", resultId: "result-1", version: 3 };
    const edited = buildReport(reportInput({ texts }));
    expect(edited.problems).toEqual(items);
    expect(edited.problemsEdited).toEqual({ by: "王科员", at: "2026-11-20T02:00:00.000Z", stale: false, version: 3 });
    const rescored = buildReport(reportInput({ texts: { ...texts, resultId: "result-0" } }));
    expect(rescored.problems).toEqual(items);
    expect(rescored.problemsEdited?.stale).toBe(true);
  });

  it("a revised or final report is labelled so, without a rank when none is given", () => {
    const final = buildReport(reportInput({ version: "final", rank: null }));
    expect(final.versionLabel).toBe("最终");
    expect(final.summary.sentence).toBe("鹤岗市示例局2026年度政务诚信评价最终得分78.00分，评价等次为“一般”。");
  });
});

describe("generateProblems", () => {
  it("lists nothing for a unit at full marks", () => {
    const full = { ...reportFacts, "LAW.EXAM": { counts: { items: 0 } }, "WORK.TARGET": { tier: "优秀" }, "WORK.AWARD": { awards: ["national"] }, "WORK.OPEN": { items: { site: { met: true }, findings: { counts: {} } } } };
    const outcome = scoreUnits(reportScheme, [{ code: "u", facts: full }]);
    if (!outcome.ok) throw new Error("invalid facts");
    expect(outcome.results[0]!.total).toBe("100.00");
    expect(generateProblems(reportScheme, outcome.results[0]!.indicators)).toEqual([]);
  });

  it("skips a not-applicable indicator that is left out of the total (rescale)", () => {
    const rescale = { ...reportScheme, notApplicable: "rescale" as const };
    const outcome = scoreUnits(rescale, [{ code: "u", facts: reportFacts }]);
    if (!outcome.ok) throw new Error("invalid facts");
    const survey = outcome.results[0]!.indicators.find((i) => i.code === "WORK.SURVEY")!;
    expect(survey).toMatchObject({ score: null, notApplicable: true });
    expect(generateProblems(rescale, outcome.results[0]!.indicators).map((p) => p.indicatorCode)).toEqual(["LAW.EXAM", "WORK.TARGET", "WORK.AWARD", "WORK.OPEN"]);
  });

  it("a binary indicator not met loses everything, with its question as the suggestion", () => {
    const outcome = scoreUnits(reportScheme, [{ code: "u", facts: { ...reportFacts, "LAW.PLEDGE": { met: false } } }]);
    if (!outcome.ok) throw new Error("invalid facts");
    const pledge = generateProblems(reportScheme, outcome.results[0]!.indicators).find((p) => p.indicatorCode === "LAW.PLEDGE");
    expect(pledge).toEqual({
      indicatorCode: "LAW.PLEDGE",
      problem: "公开政务承诺失20.00分：已公开公示本部门政务承诺：否，得0.00分",
      suggestion: "按要求落实“已公开公示本部门政务承诺”，并保留佐证材料。",
    });
  });
});

import { describe, expect, it } from "vitest";
import { getBuiltInScheme, validateScheme, type SchemeDocument } from "@/lib/scoring";
import { hegang2022 } from "@/lib/scoring/templates/hegang-2022";
import { mustScore, unit } from "./helpers";

/*
 * Worked examples computed by hand from seed 000 (2022版政务诚信评价标准).
 * Every category's weight equals the sum of its indicators' maxima, so a
 * category's score is the plain sum and the total the sum of categories.
 */

const ordinary = {
  "LAW.EXAM": { counts: { items: 2 } }, //            10 − 2 × 1 = 8
  "LAW.DISHONEST": { count: 0 }, //                    10
  "OPEN.EXAM": { counts: { findings: 1 } }, //         10 − 1 = 9
  "OPEN.DOUBLE": { counts: {} }, //                    10
  "OPEN.PLEDGE": { met: true }, //                     5
  "DILIGENT.TARGET": { tier: "良好" }, //               7
  "DILIGENT.PETITION": { value: 0.9 }, //              5 × 0.9 = 4.5
  "KEEP.DEBT": { met: true }, //                       10
  "KEEP.ARREARS": { counts: { verified: 1 } }, //      5 − 1 = 4
  "PERFORM.COMPLAINT": { counts: { verified: 0 } }, // 5
  "PERFORM.AWARD": { awards: ["provincial"] }, //      5
  "CLEAN.DISCIPLINE": { counts: {} }, //               10
}; // LAW 18 + OPEN 24 + DILIGENT 11.5 + KEEP 14 + PERFORM 10 + CLEAN 10 = 87.5

const poor = {
  "LAW.EXAM": { counts: { items: 12 } }, //            最高扣10分 → 0
  "LAW.DISHONEST": { count: 1 }, //                    一票否决 → 0
  "OPEN.EXAM": { counts: { findings: 3 } }, //         7
  "OPEN.DOUBLE": { counts: { findings: 11 } }, //      0
  "OPEN.PLEDGE": { met: false }, //                    未承诺 0
  "DILIGENT.TARGET": { tier: "未达标" }, //             0
  "DILIGENT.PETITION": { value: 0.005 }, //            低于1% → 0
  "KEEP.DEBT": { met: false }, //                      超过警戒线 0
  "KEEP.ARREARS": { counts: { verified: 6 } }, //      最高扣5分 → 0
  "PERFORM.COMPLAINT": { counts: { verified: 2 } }, // 5 − 2 = 3
  "PERFORM.AWARD": { awards: [] }, //                  0
  "CLEAN.DISCIPLINE": { counts: { leadership: 1, staff: 2 } }, // 10 − 5 − 5 = 0
}; // 0 + 7 + 0 + 0 + 3 + 0 = 10

const excellent = {
  "LAW.EXAM": { counts: { items: 0 } }, //             10
  "LAW.DISHONEST": { count: 0 }, //                    10
  "OPEN.EXAM": { counts: { findings: 0 } }, //         10
  "OPEN.DOUBLE": { counts: { findings: 0 } }, //       10
  "OPEN.PLEDGE": "N/A", //                             不涉及，按满分 5
  "DILIGENT.TARGET": { tier: "优秀" }, //               10
  "DILIGENT.PETITION": { value: 0.997 }, //            5 × 0.997 = 4.985 → 4.99 (half-up)
  "KEEP.DEBT": { met: true }, //                       10
  "KEEP.ARREARS": "N/A", //                            5
  "PERFORM.COMPLAINT": { counts: {} }, //              5
  "PERFORM.AWARD": { awards: ["municipal", "national"] }, // highest: 10
  "CLEAN.DISCIPLINE": { counts: { leadership: 0, staff: 0 } }, // 10
}; // 20 + 25 + 14.99 + 15 + 15 + 10 = 99.99

describe("hegang-2022 template", () => {
  it("has the codes and points of the seed's table, 100 in all", () => {
    const scheme = getBuiltInScheme("hegang-2022") as SchemeDocument;
    expect(scheme.categories.map((c) => [c.code, c.weight])).toEqual([
      ["LAW", 20],
      ["OPEN", 25],
      ["DILIGENT", 15],
      ["KEEP", 15],
      ["PERFORM", 15],
      ["CLEAN", 10],
    ]);
    expect(scheme.categories.flatMap((c) => c.indicators.map((i) => `${i.code}:${i.max}`))).toEqual([
      "LAW.EXAM:10",
      "LAW.DISHONEST:10",
      "OPEN.EXAM:10",
      "OPEN.DOUBLE:10",
      "OPEN.PLEDGE:5",
      "DILIGENT.TARGET:10",
      "DILIGENT.PETITION:5",
      "KEEP.DEBT:10",
      "KEEP.ARREARS:5",
      "PERFORM.COMPLAINT:5",
      "PERFORM.AWARD:10",
      "CLEAN.DISCIPLINE:10",
    ]);
    expect(validateScheme(scheme)).toEqual({ errors: [], warnings: [] });
    expect(scheme.categories.every((c) => c.indicators.every((i) => (i.content ?? "").length > 0 && i.sources.length > 0))).toBe(true);
  });

  const results = mustScore(hegang2022, [
    unit("A", ordinary),
    unit("B", poor),
    unit("C", excellent),
    unit("D", ordinary),
  ]);

  it("scores the worked examples", () => {
    expect(results.map((r) => [r.code, r.total, r.grade, r.rank])).toEqual([
      ["A", "87.50", "良好", 2],
      ["B", "10.00", "较差", 4],
      ["C", "99.99", "优秀", 1],
      ["D", "87.50", "良好", 2],
    ]);
    expect(results[0]?.categories.map((c) => c.score)).toEqual(["18.00", "24.00", "11.50", "14.00", "10.00", "10.00"]);
    expect(results[2]?.categories.map((c) => c.score)).toEqual(["20.00", "25.00", "14.99", "15.00", "15.00", "10.00"]);
  });

  it("explains every indicator in words", () => {
    expect(results[0]?.indicators.map((i) => i.explanation)).toEqual([
      "考核扣分项2项，每项扣1分，扣2分，得8.00分",
      "未被列为失信被执行人，得10.00分",
      "应公开未公开事项1项，每项扣1分，扣1分，得9.00分",
      "应公示不公示或迟报漏报事项0项，不扣分，得10.00分",
      "已公开公示本部门政务承诺：是，得5.00分",
      "综合责任目标考核为良好，得7.00分",
      "办结率90.00%，按比例得4.50分",
      "债务未超警戒线：是，得10.00分",
      "核实属实的举报1项，每项扣1分，扣1分，得4.00分",
      "核实属实的举报0项，不扣分，得5.00分",
      "获省级奖励，得5.00分",
      "领导班子受到党纪政务处分0项，不扣分；本部门公职人员受到党纪政务处分0项，不扣分；合计扣0分，得10.00分",
    ]);
    expect(results[1]?.indicators.map((i) => i.explanation)).toEqual([
      "考核扣分项12项，每项扣1分，扣10分（最多扣10分），得0.00分",
      "被列为失信被执行人1次，一票否决，得0.00分",
      "应公开未公开事项3项，每项扣1分，扣3分，得7.00分",
      "应公示不公示或迟报漏报事项11项，每项扣1分，扣10分（最多扣10分），得0.00分",
      "已公开公示本部门政务承诺：否，得0.00分",
      "综合责任目标考核为未达标，得0.00分",
      "办结率0.50%，低于1.00%，得0.00分",
      "债务未超警戒线：否，得0.00分",
      "核实属实的举报6项，每项扣1分，扣5分（最多扣5分），得0.00分",
      "核实属实的举报2项，每项扣1分，扣2分，得3.00分",
      "未获奖励，得0.00分",
      "领导班子受到党纪政务处分1项，扣5分；本部门公职人员受到党纪政务处分2项，按一次扣5分；合计扣10分，得0.00分",
    ]);
    expect(results[2]?.indicators[4]).toMatchObject({ score: "5.00", notApplicable: true, explanation: "不涉及，按满分计" });
    expect(results[2]?.indicators[6]?.explanation).toBe("办结率99.70%，按比例得4.99分");
    expect(results[2]?.indicators[10]?.explanation).toBe("获市级、国家级奖励，按最高一项得10.00分");
  });
});

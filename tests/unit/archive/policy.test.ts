import { describe, expect, it } from "vitest";
import { approvalBlockers, archiveRefusal, finalKindOf, recipientsOutstanding, resolveRefusal, reviewRefusal, type Finality } from "@/lib/archive/policy";

const allFinal: Finality = { enrolled: 3, notIssued: 0, open: 0, requested: 0, lastWindowEndsAt: null, examples: { notIssued: [], open: [], requested: [] } };

describe("approvalBlockers", () => {
  it("nothing blocks a cycle in feedback whose every unit is final", () => {
    expect(approvalBlockers("feedback", allFinal, false)).toEqual([]);
  });
  it("names each reason with counts, examples and the last window end (Beijing time)", () => {
    const blockers = approvalBlockers("feedback", {
      enrolled: 10, notIssued: 1, open: 7, requested: 2, lastWindowEndsAt: new Date("2026-12-08T15:59:59Z"),
      examples: { notIssued: ["甲局"], open: ["乙局", "丙局", "丁局", "戊局", "己局", "庚局"], requested: ["辛局", "壬局"] },
    }, true);
    expect(blockers).toEqual([
      "1个单位尚未送达初评报告：甲局",
      "7个单位仍在反馈期内，最晚于2026年12月8日 23:59:59截止：乙局、丙局、丁局、戊局、己局等",
      "2个单位的复评申请尚未作出决定：辛局、壬局",
      "有评分正在进行，请等待其结束",
    ]);
  });
  it("only a cycle in feedback, with units, may be submitted", () => {
    expect(approvalBlockers("scoring", allFinal, false)[0]).toContain("“评分”阶段");
    expect(approvalBlockers("feedback", { ...allFinal, enrolled: 0 }, false)).toEqual(["该周期没有受评单位"]);
  });
});

describe("reviewRefusal and archiveRefusal", () => {
  const approvedAt = new Date("2026-12-10T02:00:00Z");
  it("a reviewer decides a cycle in approval, not yet approved, with nothing sent back open", () => {
    expect(reviewRefusal({ status: "approval", approvedAt: null, openSendBacks: 0 })).toBeNull();
    expect(reviewRefusal({ status: "feedback", approvedAt: null, openSendBacks: 0 })).toContain("尚未提交审批");
    expect(reviewRefusal({ status: "approval", approvedAt, openSendBacks: 0 })).toBe("该评价周期的评价结果已于2026年12月10日 10:00:00批准");
    expect(reviewRefusal({ status: "approval", approvedAt: null, openSendBacks: 2 })).toContain("退回的2个单位");
    expect(reviewRefusal({ status: "archived", approvedAt, openSendBacks: 0 })).toBe("该评价周期已归档");
  });
  it("archiving needs the approval and nothing running", () => {
    expect(archiveRefusal({ status: "approval", approvedAt, openSendBacks: 0, archiveRunning: false })).toBeNull();
    expect(archiveRefusal({ status: "approval", approvedAt: null, openSendBacks: 0, archiveRunning: false })).toContain("尚未经审批部门批准");
    expect(archiveRefusal({ status: "approval", approvedAt, openSendBacks: 1, archiveRunning: false })).toContain("1个退回单位");
    expect(archiveRefusal({ status: "approval", approvedAt, openSendBacks: 0, archiveRunning: true })).toContain("正在进行");
    expect(archiveRefusal({ status: "feedback", approvedAt: null, openSendBacks: 0, archiveRunning: false })).toContain("审批通过后");
    expect(archiveRefusal({ status: "archived", approvedAt, openSendBacks: 0, archiveRunning: false })).toBe("该评价周期已归档");
  });
  it("a sent-back unit is handled once, in approval", () => {
    expect(resolveRefusal("approval", null)).toBeNull();
    expect(resolveRefusal("approval", approvedAt)).toContain("已于");
    expect(resolveRefusal("archived", null)).toContain("不能再处理");
  });
});

describe("finalKindOf and recipientsOutstanding", () => {
  it("adjusted wins over revised, revised over initial", () => {
    expect(finalKindOf({ adjustedAt: new Date(), requestDecided: true })).toBe("adjusted");
    expect(finalKindOf({ adjustedAt: null, requestDecided: true })).toBe("revised");
    expect(finalKindOf({ adjustedAt: null, requestDecided: false })).toBe("initial");
  });
  it("lists the four bodies of seed 000 Art. 13 not yet sent to", () => {
    expect(recipientsOutstanding([])).toEqual(["party_committee", "peoples_congress", "government", "cppcc"]);
    expect(recipientsOutstanding(["government", "other", "cppcc"])).toEqual(["party_committee", "peoples_congress"]);
  });
});

import { describe, expect, it } from "vitest";
import {
  canEditSetup, canMove, closeCollectionBlockers, CYCLE_STATES, describeGaps, hasGaps, isCycleState, MOVES, nextStates,
  openCollectionBlockers, setupLockedReason, type AssignmentData, type CollectionGaps, type CycleState, type SchemeInUse,
  type SetupData, type SetupPart,
} from "@/lib/cycles/workflow";

const scheme: SchemeInUse = {
  unitKind: "municipal_department",
  schemeVersionId: "v1",
  label: "hegang-2022 第1版",
  published: true,
  unitKinds: ["municipal_department"],
  slots: [
    { indicatorCode: "LAW.EXAM", subKey: "", name: "依法行政考核", mode: "records" },
    { indicatorCode: "KEEP.DEBT", subKey: "", name: "债务管理信息", mode: "value" },
    { indicatorCode: "C.X", subKey: "a", name: "组合 · 甲", mode: "value" },
  ],
};

const assign = (indicatorCode: string, sourceOrgId: string, extra: Partial<AssignmentData> = {}): AssignmentData => ({
  schemeVersionId: "v1", indicatorCode, subKey: "", sourceOrgId, sourceName: sourceOrgId, sourceUsable: true, lead: false, ...extra,
});

const complete: AssignmentData[] = [
  assign("LAW.EXAM", "市司法局"),
  assign("LAW.EXAM", "市营商局"),
  assign("KEEP.DEBT", "市财政局", { lead: true }),
  assign("C.X", "市财政局", { subKey: "a", lead: true }),
];

const ready: SetupData = { status: "draft", unitCounts: { municipal_department: 30 }, schemes: [scheme], assignments: complete };
const messages = (setup: SetupData) => openCollectionBlockers(setup).map((b) => b.message);

describe("states and moves", () => {
  it("moves forward one state at a time and never back", () => {
    expect(CYCLE_STATES).toEqual(["draft", "collecting", "scoring", "feedback", "approval", "archived"]);
    CYCLE_STATES.forEach((state, i) => {
      const next = CYCLE_STATES[i + 1];
      expect(nextStates(state)).toEqual(next ? [next] : []);
      for (const to of CYCLE_STATES) expect(canMove(state, to)).toBe(to === next);
    });
  });

  it("implements opening and closing collection as moves of the machine", () => {
    for (const move of Object.values(MOVES)) expect(canMove(move.from, move.to)).toBe(true);
    expect(MOVES.openCollection).toMatchObject({ from: "draft", to: "collecting" });
    expect(MOVES.closeCollection).toMatchObject({ from: "collecting", to: "scoring" });
  });

  it("recognises state names", () => {
    expect(isCycleState("collecting")).toBe(true);
    expect(isCycleState("open")).toBe(false);
  });
});

describe("setup is editable in draft; deadlines also while collecting", () => {
  const parts: SetupPart[] = ["name", "deadlines", "schemes", "units", "assignments"];
  it.each(CYCLE_STATES)("in %s", (state: CycleState) => {
    for (const part of parts) {
      const expected = state === "draft" || (state === "collecting" && part === "deadlines");
      expect(canEditSetup(state, part)).toBe(expected);
      expect(setupLockedReason(state, part) === null).toBe(expected);
    }
  });

  it("says why in Chinese", () => {
    expect(setupLockedReason("collecting", "units")).toBe("周期处于“数据归集”阶段，受评单位只能在筹备阶段修改");
    expect(setupLockedReason("scoring", "deadlines")).toBe("周期处于“评分”阶段，截止日期只能在筹备或数据归集阶段修改");
  });
});

describe("opening collection", () => {
  it("is allowed when every unit kind has a published scheme and every slot its sources", () => {
    expect(openCollectionBlockers(ready)).toEqual([]);
  });

  it("lists every blocking problem at once, each with the page that fixes it", () => {
    const blockers = openCollectionBlockers({ status: "collecting", deadlinePassed: true, unitCounts: {}, schemes: [], assignments: [] });
    expect(blockers).toEqual([
      { message: "周期处于“数据归集”阶段，只有筹备阶段的周期可以开始数据归集", fix: "overview" },
      { message: "数据归集截止日期已过，请先修改截止日期", fix: "overview" },
      { message: "还没有纳入任何受评单位", fix: "units" },
    ]);
  });

  it("needs a scheme for every enrolled kind, published and written for that kind", () => {
    const setup: SetupData = {
      ...ready,
      unitCounts: { municipal_department: 30, county: 5, township: 0 },
      schemes: [{ ...scheme, published: false, unitKinds: ["county"] }],
    };
    expect(messages(setup).slice(0, 3)).toEqual([
      "市直部门选用的hegang-2022 第1版尚未发布，只能使用已发布的版本",
      "hegang-2022 第1版不适用于市直部门",
      "已纳入5个县区，但还没有为县区选择指标体系",
    ]);
  });

  it("needs at least one source for every slot of every scheme in use", () => {
    const setup = { ...ready, assignments: complete.filter((a) => a.indicatorCode !== "LAW.EXAM") };
    expect(messages(setup)).toEqual(["hegang-2022 第1版“依法行政考核”没有数据来源（信源单位）"]);
  });

  it("needs exactly one lead for a value slot; records slots need none", () => {
    const none = complete.map((a) => ({ ...a, lead: false }));
    expect(messages({ ...ready, assignments: none })).toEqual([
      "hegang-2022 第1版“债务管理信息”按单一数值评分，须恰好一个牵头报送单位，现没有指定牵头报送单位",
      "hegang-2022 第1版“组合 · 甲”按单一数值评分，须恰好一个牵头报送单位，现没有指定牵头报送单位",
    ]);
    const two = [...complete, assign("KEEP.DEBT", "市审计局", { lead: true })];
    expect(messages({ ...ready, assignments: two })).toEqual([
      "hegang-2022 第1版“债务管理信息”按单一数值评分，须恰好一个牵头报送单位，现指定了2个牵头报送单位",
    ]);
    const secondNotLead = [...complete, assign("KEEP.DEBT", "市审计局")];
    expect(messages({ ...ready, assignments: secondNotLead })).toEqual([]);
  });

  it("does not count a deactivated source", () => {
    const setup = { ...ready, assignments: complete.map((a) => (a.indicatorCode === "KEEP.DEBT" ? { ...a, sourceUsable: false } : a)) };
    expect(messages(setup)).toEqual([
      "hegang-2022 第1版“债务管理信息”的数据来源“市财政局”已停用或不再是信源单位，请移除或更换",
      "hegang-2022 第1版“债务管理信息”没有数据来源（信源单位）",
    ]);
  });

  it("checks a scheme shared by two kinds once, and ignores kinds with no units", () => {
    const shared = { ...scheme, unitKinds: ["municipal_department", "county"] as const };
    const setup: SetupData = {
      ...ready,
      unitCounts: { municipal_department: 1, county: 1 },
      schemes: [shared, { ...shared, unitKind: "county" }, { ...scheme, unitKind: "community", schemeVersionId: "v9", published: false }],
      assignments: [],
    };
    expect(messages(setup)).toHaveLength(3);
  });
});

describe("closing collection", () => {
  const none: CollectionGaps = { lateSources: [], missingCells: 0, unitsWithGaps: 0 };
  const some: CollectionGaps = {
    lateSources: [{ sourceOrgId: "s1", name: "市司法局", status: "draft", missingCells: 30 }],
    missingCells: 30,
    unitsWithGaps: 30,
  };

  it("closes without a reason when nothing is missing", () => {
    expect(hasGaps(none)).toBe(false);
    expect(closeCollectionBlockers({ status: "collecting", gaps: none })).toEqual([]);
  });

  it("needs a reason when something is missing, and names what", () => {
    expect(hasGaps(some)).toBe(true);
    expect(closeCollectionBlockers({ status: "collecting", gaps: some, reason: "  " })).toEqual([
      "仍有1个信源单位未提交或未报全、共30项数据未报送（涉及30个受评单位）；在缺报的情况下结束归集，须填写原因（至少4个字）",
    ]);
    expect(closeCollectionBlockers({ status: "collecting", gaps: some, reason: "按时结束，缺报按现有信息评价" })).toEqual([]);
    expect(hasGaps({ ...none, lateSources: some.lateSources })).toBe(true);
    expect(hasGaps({ ...none, missingCells: 1 })).toBe(true);
  });

  it("is refused outside collecting", () => {
    for (const status of CYCLE_STATES.filter((s) => s !== "collecting")) {
      expect(closeCollectionBlockers({ status, gaps: none })).toHaveLength(1);
    }
  });

  it("describes gaps", () => {
    expect(describeGaps(none)).toBe("无缺报");
    expect(describeGaps({ ...none, missingCells: 2, unitsWithGaps: 1 })).toBe("共2项数据未报送（涉及1个受评单位）");
  });
});

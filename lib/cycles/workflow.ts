// The cycle's state machine and its guards (spec/workflow.md "Cycle states"). Pure: plain data in,
// plain data out; the mutations load the data, ask these functions, and refuse with their answers.
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from "@/lib/orgs/kinds";

export const CYCLE_STATES = ["draft", "collecting", "scoring", "feedback", "approval", "archived"] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

export const CYCLE_STATE_LABELS: Readonly<Record<CycleState, string>> = {
  draft: "筹备",
  collecting: "数据归集",
  scoring: "评分",
  feedback: "反馈与复评",
  approval: "审批",
  archived: "归档",
};

/** Forward only; a cycle never goes back (a correction after archiving is an amendment record). */
const NEXT: Readonly<Record<CycleState, readonly CycleState[]>> = {
  draft: ["collecting"],
  collecting: ["scoring"],
  scoring: ["feedback"],
  feedback: ["approval"],
  approval: ["archived"],
  archived: [],
};

export function nextStates(state: CycleState): readonly CycleState[] {
  return NEXT[state];
}

export function canMove(from: CycleState, to: CycleState): boolean {
  return NEXT[from].includes(to);
}

/** The moves built so far; later states exist but have no actions yet. */
export const MOVES = {
  openCollection: { from: "draft", to: "collecting", label: "开始数据归集" },
  closeCollection: { from: "collecting", to: "scoring", label: "结束数据归集" },
  /** The first issue of initial reports (lib/reports/mutations.ts); units not yet issued can still be scored and issued. */
  issueReports: { from: "scoring", to: "feedback", label: "送达初评报告" },
} as const satisfies Record<string, { from: CycleState; to: CycleState; label: string }>;
export type MoveName = keyof typeof MOVES;

export function isCycleState(value: string): value is CycleState {
  return (CYCLE_STATES as readonly string[]).includes(value);
}

// ---- Setup -------------------------------------------------------------------------------------

export type SetupPart = "name" | "deadlines" | "schemes" | "units" | "assignments";

const SETUP_LABELS: Readonly<Record<SetupPart, string>> = {
  name: "周期名称",
  deadlines: "截止日期",
  schemes: "指标体系",
  units: "受评单位",
  assignments: "数据来源",
};

/** Setup is edited in draft; deadlines also while collecting (an extension is a normal office act). */
export function canEditSetup(state: CycleState, part: SetupPart): boolean {
  return state === "draft" || (state === "collecting" && part === "deadlines");
}

/** Why a part of the setup cannot be edited now, or null when it can. */
export function setupLockedReason(state: CycleState, part: SetupPart): string | null {
  if (canEditSetup(state, part)) return null;
  const when = part === "deadlines" ? "筹备或数据归集阶段" : "筹备阶段";
  return `周期处于“${CYCLE_STATE_LABELS[state]}”阶段，${SETUP_LABELS[part]}只能在${when}修改`;
}

// ---- Opening collection ------------------------------------------------------------------------

export type SlotData = { indicatorCode: string; subKey: string; name: string; mode: "records" | "value" };
export type SchemeInUse = {
  unitKind: UnitKind;
  schemeVersionId: string;
  /** e.g. "hegang-2022 第1版". */
  label: string;
  published: boolean;
  /** The unit kinds the scheme is written for. */
  unitKinds: readonly UnitKind[];
  slots: readonly SlotData[];
};
export type AssignmentData = {
  schemeVersionId: string;
  indicatorCode: string;
  subKey: string;
  sourceOrgId: string;
  sourceName: string;
  /** The organisation is active and still holds the source role. */
  sourceUsable: boolean;
  lead: boolean;
};
export type SetupData = {
  status: CycleState;
  /** The collection deadline has already passed (opening would lock every source at once). */
  deadlinePassed?: boolean;
  unitCounts: Partial<Record<UnitKind, number>>;
  schemes: readonly SchemeInUse[];
  assignments: readonly AssignmentData[];
};

/** Where staff fix a problem: the overview, the enrolment, scheme or assignment page. */
export type FixPage = "overview" | "units" | "schemes" | "assignments";
export type Blocker = { message: string; fix: FixPage };

function slotId(schemeVersionId: string, indicatorCode: string, subKey: string): string {
  return `${schemeVersionId}\u0000${indicatorCode}\u0000${subKey}`;
}

function assignmentBlockers(scheme: SchemeInUse, bySlot: ReadonlyMap<string, AssignmentData[]>): Blocker[] {
  const out: Blocker[] = [];
  for (const slot of scheme.slots) {
    const assigned = bySlot.get(slotId(scheme.schemeVersionId, slot.indicatorCode, slot.subKey)) ?? [];
    const where = `${scheme.label}“${slot.name}”`;
    for (const a of assigned.filter((x) => !x.sourceUsable)) {
      out.push({ message: `${where}的数据来源“${a.sourceName}”已停用或不再是信源单位，请移除或更换`, fix: "assignments" });
    }
    const usable = assigned.filter((x) => x.sourceUsable);
    if (usable.length === 0) {
      out.push({ message: `${where}没有数据来源（信源单位）`, fix: "assignments" });
      continue;
    }
    const leads = usable.filter((x) => x.lead).length;
    if (slot.mode === "value" && leads !== 1) {
      const problem = leads === 0 ? "没有指定牵头报送单位" : `指定了${leads}个牵头报送单位`;
      out.push({ message: `${where}按单一数值评分，须恰好一个牵头报送单位，现${problem}`, fix: "assignments" });
    }
  }
  return out;
}

/**
 * Every problem that blocks opening collection, in the order staff would fix them: units, schemes,
 * then sources. An empty list means collection may open.
 */
export function openCollectionBlockers(setup: SetupData): Blocker[] {
  const out: Blocker[] = [];
  if (setup.status !== MOVES.openCollection.from) {
    out.push({ message: `周期处于“${CYCLE_STATE_LABELS[setup.status]}”阶段，只有筹备阶段的周期可以开始数据归集`, fix: "overview" });
  }
  if (setup.deadlinePassed) out.push({ message: "数据归集截止日期已过，请先修改截止日期", fix: "overview" });
  const kinds = UNIT_KINDS.filter((kind) => (setup.unitCounts[kind] ?? 0) > 0);
  if (kinds.length === 0) out.push({ message: "还没有纳入任何受评单位", fix: "units" });
  const schemeOf = new Map(setup.schemes.map((s) => [s.unitKind, s]));
  const used: SchemeInUse[] = [];
  for (const kind of kinds) {
    const scheme = schemeOf.get(kind);
    const label = UNIT_KIND_LABELS[kind];
    if (!scheme) {
      out.push({ message: `已纳入${setup.unitCounts[kind]}个${label}，但还没有为${label}选择指标体系`, fix: "schemes" });
      continue;
    }
    if (!scheme.published) out.push({ message: `${label}选用的${scheme.label}尚未发布，只能使用已发布的版本`, fix: "schemes" });
    if (!scheme.unitKinds.includes(kind)) out.push({ message: `${scheme.label}不适用于${label}`, fix: "schemes" });
    if (!used.some((s) => s.schemeVersionId === scheme.schemeVersionId)) used.push(scheme);
  }
  const bySlot = new Map<string, AssignmentData[]>();
  for (const a of setup.assignments) {
    const key = slotId(a.schemeVersionId, a.indicatorCode, a.subKey);
    bySlot.set(key, [...(bySlot.get(key) ?? []), a]);
  }
  for (const scheme of used) out.push(...assignmentBlockers(scheme, bySlot));
  return out;
}

// ---- Closing collection ------------------------------------------------------------------------

export type SubmissionState = "draft" | "returned" | "submitted" | "missing";
export type LateSource = { sourceOrgId: string; name: string; status: SubmissionState; missingCells: number };
export type CollectionGaps = {
  /** Sources whose submission is not submitted, or whose cells are still unanswered by anyone. */
  lateSources: readonly LateSource[];
  /** (unit, slot) cells that no assigned source has answered. */
  missingCells: number;
  unitsWithGaps: number;
};

export function hasGaps(gaps: CollectionGaps): boolean {
  return gaps.lateSources.length > 0 || gaps.missingCells > 0;
}

export const CLOSE_REASON_MIN = 4;

/** Problems that block closing collection: the state, and a missing reason when anything is missing. */
export function closeCollectionBlockers(input: { status: CycleState; gaps: CollectionGaps; reason?: string | null }): string[] {
  const out: string[] = [];
  if (input.status !== MOVES.closeCollection.from) {
    out.push(`周期处于“${CYCLE_STATE_LABELS[input.status]}”阶段，只有数据归集阶段的周期可以结束归集`);
  }
  if (hasGaps(input.gaps) && (input.reason ?? "").trim().length < CLOSE_REASON_MIN) {
    out.push(`仍有${describeGaps(input.gaps)}；在缺报的情况下结束归集，须填写原因（至少${CLOSE_REASON_MIN}个字）`);
  }
  return out;
}

/** "3个信源单位未提交、共120项数据未报送（涉及30个受评单位）". */
export function describeGaps(gaps: CollectionGaps): string {
  const parts: string[] = [];
  if (gaps.lateSources.length > 0) parts.push(`${gaps.lateSources.length}个信源单位未提交或未报全`);
  if (gaps.missingCells > 0) parts.push(`共${gaps.missingCells}项数据未报送（涉及${gaps.unitsWithGaps}个受评单位）`);
  return parts.length > 0 ? parts.join("、") : "无缺报";
}

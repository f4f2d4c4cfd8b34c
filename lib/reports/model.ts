// A unit's evaluation report (spec/workflow.md "Scoring and initial reports"; seed 000 Art. 12,
// seed 004 Art. 12) as plain data: the web page, the Word file and the Excel tables all render this
// one model, so they cannot disagree. Pure: the loader (load.ts) gathers the rows.
import { answerText, itemLabel } from "@/lib/collection/format";
import { D, ruleToText, type CategoryResult, type Dec, type IndicatorResult, type Rule, type SchemeDocument } from "@/lib/scoring";

export type ReportVersion = "initial" | "revised" | "final";
export const REPORT_VERSION_LABELS: Readonly<Record<ReportVersion, string>> = { initial: "初评", revised: "复评", final: "最终" };
export const REPORT_MARKING = "内部资料 注意保密";

/** The office's decision on one disputed indicator of a re-evaluation request. */
export type ReviewDecision = "upheld" | "rejected";
export const REVIEW_DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = { upheld: "采纳", rejected: "不予采纳" };
export const REVIEW_HEADING = "复评情况";
export const REVIEW_FINAL_NOTE = "复评结果为最终评价结果。";

/** A decided re-evaluation request (spec/workflow.md "The re-evaluation window"), as the loader gathers it. */
export type ReportReviewInput = {
  /** The decision's Beijing calendar date (YYYY-MM-DD). */
  decidedAt: string;
  items: readonly { indicatorCode: string; reason: string; decision: ReviewDecision; decisionReason: string; initialScore: string | null; finalScore: string | null }[];
  initialTotal: string;
  initialGrade: string | null;
};

/** One problem found and its suggestion (part 3); indicatorCode "" for a general remark. */
export type ReportTextItem = { indicatorCode: string; problem: string; suggestion: string };

export type ReportInput = {
  cycle: { id: string; name: string; year: number };
  unit: { id: string; name: string; uscc: string; kindLabel: string };
  issuer: string;
  version: ReportVersion;
  /** The report's date as a Beijing calendar date (YYYY-MM-DD). */
  date: string;
  scheme: SchemeDocument;
  result: { id: string; total: string; grade: string | null; categories: readonly CategoryResult[]; indicators: readonly IndicatorResult[] };
  rank: { position: number; of: number } | null;
  /** Assigned sources per reporting slot (subKey "" for a whole indicator). */
  slots: readonly { indicatorCode: string; subKey: string; rule: Rule; sources: readonly { id: string; name: string }[] }[];
  entries: readonly { indicatorCode: string; subKey: string; sourceOrgId: string; answer: string; value: unknown }[];
  records: readonly { indicatorCode: string; subKey: string; sourceOrgId: string; itemKey: string; occurredOn: string; description: string; referenceNo: string | null; evidence: readonly string[] }[];
  badRecords: readonly { kind: string; reason: string; date: string }[];
  /** The unit was still late after being urged (a late_unit bad record): evaluated on the office's information. */
  evaluatedOnOfficeInformation: boolean;
  texts: { items: readonly ReportTextItem[]; editedByName: string | null; editedAt: string; resultId: string; version: number } | null;
  /** The decided request behind a revised report (version "revised"); absent or null otherwise. */
  review?: ReportReviewInput | null;
};

export type ReportIndicator = {
  categoryCode: string;
  categoryName: string;
  code: string;
  name: string;
  max: number;
  score: string | null;
  lost: string;
  notApplicable: boolean;
  explanation: string;
  items: { key: string; name: string; max: number; score: string; explanation: string }[];
  /** The scheme's own words for the indicator (content, rule, note), for inline help; absent in reports archived before it. */
  help?: { content: string | null; rule: string | null; note: string | null };
};

export type ReportBasisRecord = { occurredOn: string; description: string; referenceNo: string | null; source: string; item: string | null; evidence: readonly string[] };
export type ReportBasis = {
  indicatorCode: string;
  name: string;
  rule: string;
  sources: string[];
  answers: { source: string; text: string }[];
  records: ReportBasisRecord[];
};

export type ReportReviewItem = {
  indicatorCode: string;
  name: string;
  /** The unit's reason for disputing the indicator. */
  reason: string;
  decision: ReviewDecision;
  decisionLabel: string;
  decisionReason: string;
  initialScore: string | null;
  finalScore: string | null;
  /** finalScore − initialScore, signed ("+2.00", "-1.00", "0.00"); null when either is missing. */
  change: string | null;
};

export type ReportReview = {
  decidedAt: string;
  decidedAtCn: string;
  /** The disputed indicators in the scheme's order. */
  items: ReportReviewItem[];
  initial: { total: string; grade: string | null };
  final: { total: string; grade: string | null };
  /** The total's change, signed. */
  change: string;
  /** 2026年11月30日，对受评单位提出异议的2项指标作出复评决定：采纳1项，不予采纳1项。 */
  decisionSentence: string;
  /** 初评总分76.00分（一般），复评总分78.00分（一般），增加2.00分。 */
  totalSentence: string;
};

export type UnitReport = {
  title: string;
  marking: string;
  version: ReportVersion;
  versionLabel: string;
  date: string;
  dateCn: string;
  issuer: string;
  cycle: ReportInput["cycle"];
  unit: ReportInput["unit"];
  scheme: { code: string; version: number; name: string };
  resultId: string;
  /** Part 1. */
  summary: { total: string; grade: string | null; rank: ReportInput["rank"]; sentence: string };
  categories: { code: string; name: string; weight: number; score: string }[];
  /**
   * Part 1, last: 复评情况 of a revised report (null for any other). It stays inside part 1 rather
   * than becoming a sixth part or a note in part 5: the five parts of seed 000 Art. 12 keep their
   * numbers in the initial and the revised report (a unit quoting "第二部分" means the same in both),
   * and the answer to the unit's request stands right under the total it changed, not behind the
   * pages of part 4; part 5 is for incidental matters (bad records, indicators not applicable).
   */
  review: ReportReview | null;
  /** Part 2. */
  indicators: ReportIndicator[];
  /** Part 3. */
  problems: ReportTextItem[];
  problemsEdited: { by: string | null; at: string; stale: boolean; version: number } | null;
  /** Part 4. */
  basis: ReportBasis[];
  /** Part 5. */
  other: { badRecords: ReportInput["badRecords"]; officeInformationNote: string | null; notApplicable: { code: string; name: string }[] };
};

const BAD_RECORD_LABELS: Record<string, string> = { late_unit: "未按时报送自评材料", late_source: "未按时报送指标数据" };
export const badRecordLabel = (kind: string) => BAD_RECORD_LABELS[kind] ?? kind;

export const OFFICE_INFORMATION_NOTE =
  "该单位经督促仍未及时提供自查自评信息，本次评价依据信用办掌握的信息独立作出（政务诚信评价办法第十五条）。";

/** 2026-11-21 → 2026年11月21日 */
export function dateCn(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function suggestionFor(rule: Rule | undefined, name: string): string {
  switch (rule?.kind) {
    case "deduction":
      return `对照${name}扣分事项逐项整改，查找制度和执行上的原因，建立长效机制，防止同类问题再次发生。`;
    case "veto":
      return "尽快依法履行相关义务，纠正失信行为，按规定申请信用修复，防止再次发生。";
    case "binary":
      return `按要求落实“${rule.question}”，并保留佐证材料。`;
    case "tiered":
      return `对照${name}的考核标准查找差距，改进相关工作，争取更好等次。`;
    case "ratio":
    case "step":
    case "threshold":
      return `提高${rule.label ?? name}，达到评价标准的满分要求。`;
    case "rank":
      return `加强${rule.label ?? name}相关工作，减少${rule.subject ?? "案件"}，改善在同类单位中的位次。`;
    case "award":
    case "count":
      return "积极参与诚信建设创建活动，争取表彰奖励。";
    case "manual":
      return "根据评议意见改进相关工作。";
    default:
      return `针对${name}失分情况制定整改措施，明确责任和时限。`;
  }
}

/** The rule behind the points lost: the indicator's, or for a composite the sub-item that lost most. */
function indicatorRule(scheme: SchemeDocument, result: IndicatorResult): Rule | undefined {
  const indicator = scheme.categories.flatMap((c) => c.indicators).find((i) => i.code === result.code);
  if (!indicator || indicator.rule) return indicator?.rule;
  const lost = (key: string) => {
    const item = result.items?.find((r) => r.key === key);
    return item ? new D(item.max).minus(item.score).toNumber() : 0;
  };
  const worst = [...(indicator.items ?? [])].sort((a, b) => lost(b.key) - lost(a.key))[0];
  return worst?.rule;
}

/** Part 3 as generated from the points lost: one problem and suggestion per indicator that lost points. */
export function generateProblems(scheme: SchemeDocument, indicators: readonly IndicatorResult[]): ReportTextItem[] {
  const names = new Map(scheme.categories.flatMap((c) => c.indicators.map((i) => [i.code, i.name] as const)));
  return indicators.flatMap((r) => {
    if (r.notApplicable || r.score === null) return [];
    const lost = new D(r.max).minus(r.score);
    if (lost.lte(0)) return [];
    const name = names.get(r.code) ?? r.code;
    return [{ indicatorCode: r.code, problem: `${name}失${lost.toFixed(2)}分：${r.explanation}`, suggestion: suggestionFor(indicatorRule(scheme, r), name) }];
  });
}

function indicatorsOf(input: ReportInput): ReportIndicator[] {
  const results = new Map(input.result.indicators.map((r) => [r.code, r]));
  return input.scheme.categories.flatMap((c) =>
    c.indicators.map((i): ReportIndicator => {
      const r = results.get(i.code);
      const score = r?.score ?? null;
      return {
        categoryCode: c.code, categoryName: c.name, code: i.code, name: i.name, max: i.max, score,
        lost: score === null ? "0.00" : new D(i.max).minus(score).toFixed(2),
        notApplicable: r?.notApplicable ?? false,
        explanation: r?.explanation ?? "",
        items: (r?.items ?? []).map((item) => ({ key: item.key, name: i.items?.find((s) => s.key === item.key)?.name ?? item.key, max: item.max, score: item.score, explanation: item.explanation })),
        help: { content: i.content ?? null, rule: i.rule ? ruleToText(i.rule, i.max) : null, note: i.note ?? null },
      };
    }),
  );
}

function basisOf(input: ReportInput): ReportBasis[] {
  const names = new Map(input.scheme.categories.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)));
  return input.slots.map((slot) => {
    const indicator = names.get(slot.indicatorCode);
    const sub = slot.subKey ? indicator?.items?.find((s) => s.key === slot.subKey) : undefined;
    const max = sub?.max ?? indicator?.max ?? 0;
    const sourceName = new Map(slot.sources.map((s) => [s.id, s.name]));
    const mine = <T extends { indicatorCode: string; subKey: string }>(rows: readonly T[]) => rows.filter((r) => r.indicatorCode === slot.indicatorCode && r.subKey === slot.subKey);
    const records = mine(input.records)
      .map((r) => ({ occurredOn: r.occurredOn, description: r.description, referenceNo: r.referenceNo, source: sourceName.get(r.sourceOrgId) ?? "", item: itemLabel(slot.rule, r.itemKey), evidence: r.evidence }))
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
    const answers = mine(input.entries)
      .filter((e) => e.answer !== "records")
      .map((e) => ({ source: sourceName.get(e.sourceOrgId) ?? "", text: answerText(slot.rule, e.answer, e.value) }));
    return {
      indicatorCode: slot.indicatorCode,
      name: sub ? `${indicator?.name ?? slot.indicatorCode} · ${sub.name}` : indicator?.name ?? slot.indicatorCode,
      rule: ruleToText(slot.rule, max),
      sources: slot.sources.map((s) => s.name),
      answers,
      records,
    };
  });
}

/** A decimal difference with its sign: +2.00, -1.50, 0.00. */
function signed(value: Dec): string {
  return value.gt(0) ? `+${value.toFixed(2)}` : value.toFixed(2);
}

function reviewOf(input: ReportInput, review: ReportReviewInput): ReportReview {
  const order = input.scheme.categories.flatMap((c) => c.indicators);
  const position = (code: string) => {
    const at = order.findIndex((i) => i.code === code);
    return at < 0 ? order.length : at;
  };
  const items = [...review.items]
    .sort((a, b) => position(a.indicatorCode) - position(b.indicatorCode))
    .map((item): ReportReviewItem => ({
      indicatorCode: item.indicatorCode,
      name: order.find((i) => i.code === item.indicatorCode)?.name ?? item.indicatorCode,
      reason: item.reason,
      decision: item.decision,
      decisionLabel: REVIEW_DECISION_LABELS[item.decision],
      decisionReason: item.decisionReason,
      initialScore: item.initialScore,
      finalScore: item.finalScore,
      change: item.initialScore === null || item.finalScore === null ? null : signed(new D(item.finalScore).minus(item.initialScore)),
    }));
  const upheld = items.filter((i) => i.decision === "upheld").length;
  const { total, grade } = input.result;
  const difference = new D(total).minus(review.initialTotal);
  const withGrade = (t: string, g: string | null) => `${t}分${g ? `（${g}）` : ""}`;
  const changeText = difference.isZero() ? "总分不变" : `${difference.gt(0) ? "增加" : "减少"}${difference.abs().toFixed(2)}分`;
  return {
    decidedAt: review.decidedAt,
    decidedAtCn: dateCn(review.decidedAt),
    items,
    initial: { total: review.initialTotal, grade: review.initialGrade },
    final: { total, grade },
    change: signed(difference),
    decisionSentence: `${dateCn(review.decidedAt)}，对受评单位提出异议的${items.length}项指标作出复评决定：采纳${upheld}项，不予采纳${items.length - upheld}项。`,
    totalSentence: `初评总分${withGrade(review.initialTotal, review.initialGrade)}，复评总分${withGrade(total, grade)}，${changeText}。`,
  };
}

export function buildReport(input: ReportInput): UnitReport {
  const categoryNames = new Map(input.scheme.categories.map((c) => [c.code, c.name]));
  const indicators = indicatorsOf(input);
  const versionLabel = REPORT_VERSION_LABELS[input.version];
  const { total, grade } = input.result;
  const rankText = input.rank ? `，在${input.rank.of}个同类单位中排第${input.rank.position}位` : "";
  return {
    title: `${input.unit.name}${input.cycle.year}年度政务诚信评价报告`,
    marking: REPORT_MARKING,
    version: input.version,
    versionLabel,
    date: input.date,
    dateCn: dateCn(input.date),
    issuer: input.issuer,
    cycle: input.cycle,
    unit: input.unit,
    scheme: { code: input.scheme.code, version: input.scheme.version, name: input.scheme.name },
    resultId: input.result.id,
    summary: { total, grade, rank: input.rank, sentence: `${input.unit.name}${input.cycle.year}年度政务诚信评价${versionLabel}得分${total}分${grade ? `，评价等次为“${grade}”` : ""}${rankText}。` },
    categories: input.result.categories.map((c) => ({ code: c.code, name: categoryNames.get(c.code) ?? c.code, weight: c.weight, score: c.score })),
    review: input.review ? reviewOf(input, input.review) : null,
    indicators,
    problems: input.texts ? [...input.texts.items] : generateProblems(input.scheme, input.result.indicators),
    problemsEdited: input.texts ? { by: input.texts.editedByName, at: input.texts.editedAt, stale: input.texts.resultId !== input.result.id, version: input.texts.version } : null,
    basis: basisOf(input),
    other: {
      badRecords: input.badRecords,
      officeInformationNote: input.evaluatedOnOfficeInformation ? OFFICE_INFORMATION_NOTE : null,
      notApplicable: indicators.filter((i) => i.notApplicable).map((i) => ({ code: i.code, name: i.name })),
    },
  };
}

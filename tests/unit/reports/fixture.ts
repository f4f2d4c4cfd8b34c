// A hand-built report input: a small scheme with a deduction, a binary, a tiered, a not-applicable,
// an award and a composite indicator, scored by the engine, with the sources' answers and records.
import { reportingSlots } from "@/lib/collection/slots";
import type { ReportInput } from "@/lib/reports/model";
import { scoreUnits, schemeDocumentSchema, type SchemeDocument, type SchemeDocumentInput } from "@/lib/scoring";

export const reportScheme: SchemeDocument = schemeDocumentSchema.parse({
  format: "integrity-scheme/v1",
  code: "report-test",
  version: 2,
  name: "报告测试评价标准",
  unitKinds: ["municipal_department"],
  notApplicable: "full_marks",
  grades: [{ min: 90, label: "优秀" }, { min: 80, label: "良好" }, { min: 60, label: "一般" }, { min: 0, label: "较差" }],
  categories: [
    {
      code: "LAW",
      name: "依法行政",
      weight: 40,
      indicators: [
        { code: "LAW.EXAM", name: "依法行政考核", max: 20, sources: ["市司法局"], rule: { kind: "deduction", items: [{ key: "items", label: "考核扣分项", points: 2, per: "each", cap: 20 }] } },
        { code: "LAW.PLEDGE", name: "公开政务承诺", max: 20, sources: ["市营商局"], rule: { kind: "binary", question: "已公开公示本部门政务承诺" } },
      ],
    },
    {
      code: "WORK",
      name: "勤政高效",
      weight: 60,
      indicators: [
        { code: "WORK.TARGET", name: "目标责任考核", max: 30, sources: ["市委考评办"], rule: { kind: "tiered", tiers: [{ label: "优秀", points: 30 }, { label: "良好", points: 21 }, { label: "一般", points: 12 }] } },
        { code: "WORK.SURVEY", name: "满意度调查", max: 10, sources: ["市统计局"], rule: { kind: "tiered", tiers: [{ label: "满意", points: 10 }, { label: "不满意", points: 0 }] } },
        { code: "WORK.AWARD", name: "激励信息", max: 10, sources: ["市文明办", "市总工会"], rule: { kind: "award", levels: { national: 10, provincial: 5 }, combine: "max" } },
        {
          code: "WORK.OPEN",
          name: "信息公开",
          max: 10,
          sources: ["市政府办"],
          items: [
            { key: "site", name: "网站公开", max: 5, rule: { kind: "binary", question: "网站按时更新" } },
            { key: "findings", name: "问题整改", max: 5, rule: { kind: "deduction", items: [{ key: "f", label: "发现问题", points: 1 }] } },
          ],
        },
      ],
    },
  ],
} satisfies SchemeDocumentInput);

/*
 * By hand: LAW.EXAM 20 − 3 × 2 = 14; LAW.PLEDGE 20; WORK.TARGET 良好 21; WORK.SURVEY N/A → 10 (full
 * marks); WORK.AWARD provincial 5; WORK.OPEN 5 + (5 − 2 × 1) = 8.
 * LAW 34, WORK 44, total 78.00 → 一般.
 */
export const reportFacts: Record<string, unknown> = {
  "LAW.EXAM": { counts: { items: 3 } },
  "LAW.PLEDGE": { met: true },
  "WORK.TARGET": { tier: "良好" },
  "WORK.SURVEY": "N/A",
  "WORK.AWARD": { awards: ["provincial"] },
  "WORK.OPEN": { items: { site: { met: true }, findings: { counts: { f: 2 } } } },
};

const SOURCES: Record<string, string> = {
  市司法局: "src-sfj", 市营商局: "src-yshj", 市委考评办: "src-kpb", 市统计局: "src-tjj", 市文明办: "src-wmb", 市总工会: "src-zgh", 市政府办: "src-zfb",
};

export function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const outcome = scoreUnits(reportScheme, [{ code: "unit-1", facts: reportFacts }]);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
  const scored = outcome.results[0]!;
  const slot = (code: string, subKey = "") => ({ indicatorCode: code, subKey });
  return {
    cycle: { id: "cycle-1", name: "2026年度政务诚信评价", year: 2026 },
    unit: { id: "unit-1", name: "鹤岗市示例局", uscc: "11230400MB1234567X", kindLabel: "市直部门" },
    issuer: "鹤岗市社会信用体系建设工作领导小组办公室",
    version: "initial",
    date: "2026-11-21",
    scheme: reportScheme,
    result: { id: "result-1", total: scored.total, grade: scored.grade, categories: scored.categories, indicators: scored.indicators },
    rank: { position: 2, of: 5 },
    slots: reportingSlots(reportScheme).map((s) => ({
      indicatorCode: s.indicatorCode, subKey: s.subKey, rule: s.rule,
      sources: s.sources.map((name) => ({ id: SOURCES[name]!, name })),
    })),
    entries: [
      { ...slot("LAW.EXAM"), sourceOrgId: "src-sfj", answer: "records", value: null },
      { ...slot("LAW.PLEDGE"), sourceOrgId: "src-yshj", answer: "value", value: { met: true } },
      { ...slot("WORK.TARGET"), sourceOrgId: "src-kpb", answer: "value", value: { tier: "良好" } },
      { ...slot("WORK.SURVEY"), sourceOrgId: "src-tjj", answer: "not_applicable", value: { reason: "本年度未组织调查" } },
      { ...slot("WORK.AWARD"), sourceOrgId: "src-zgh", answer: "none", value: null },
      { ...slot("WORK.OPEN", "site"), sourceOrgId: "src-zfb", answer: "value", value: { met: true } },
    ],
    records: [
      { ...slot("LAW.EXAM"), sourceOrgId: "src-sfj", itemKey: "items", occurredOn: "2026-06-30", description: "规范性文件未按期备案", referenceNo: "鹤司函〔2026〕12号", evidence: ["考核通报.pdf"] },
      { ...slot("LAW.EXAM"), sourceOrgId: "src-sfj", itemKey: "items", occurredOn: "2026-03-15", description: "行政复议决定未按期履行", referenceNo: null, evidence: [] },
      { ...slot("LAW.EXAM"), sourceOrgId: "src-sfj", itemKey: "items", occurredOn: "2026-09-01", description: "执法案卷评查不合格", referenceNo: "鹤司函〔2026〕31号", evidence: ["评查结果.pdf", "整改通知.docx"] },
      { ...slot("WORK.AWARD"), sourceOrgId: "src-wmb", itemKey: "provincial", occurredOn: "2026-05-04", description: "获评省级文明单位", referenceNo: "黑文明〔2026〕5号", evidence: ["表彰决定.pdf"] },
      { ...slot("WORK.OPEN", "findings"), sourceOrgId: "src-zfb", itemKey: "f", occurredOn: "2026-04-10", description: "政策解读未同步发布", referenceNo: null, evidence: [] },
      { ...slot("WORK.OPEN", "findings"), sourceOrgId: "src-zfb", itemKey: "f", occurredOn: "2026-08-20", description: "栏目超过三个月未更新", referenceNo: null, evidence: [] },
    ],
    badRecords: [],
    evaluatedOnOfficeInformation: false,
    texts: null,
    ...overrides,
  };
}

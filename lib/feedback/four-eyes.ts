// Four eyes (spec/workflow.md): a re-evaluation request is decided by an office user other than the
// one who ran the unit's scoring or edited its report, whenever the office has two or more staff.
// Pure.

export type FourEyesFacts = { actorId: string; officeStaff: number; scorerId: string | null; editorIds: readonly string[] };

export function fourEyesRefusal(facts: FourEyesFacts): string | null {
  if (facts.officeStaff < 2) return null;
  if (facts.scorerId === facts.actorId) return "按照“四眼原则”，该单位的初评由您评分，复评申请须由信用办的另一位工作人员决定";
  if (facts.editorIds.includes(facts.actorId)) return "按照“四眼原则”，您编辑过该单位的评价报告，复评申请须由信用办的另一位工作人员决定";
  return null;
}

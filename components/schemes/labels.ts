import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import type { SchemeDocument } from "@/lib/scoring";

export const NOT_APPLICABLE_LABELS: Record<SchemeDocument["notApplicable"], string> = {
  full_marks: "不涉及的指标按满分计",
  rescale: "不涉及的指标不计入，总分按适用指标折算",
};

export function unitKindsText(kinds: SchemeDocument["unitKinds"]): string {
  return kinds.map((kind) => UNIT_KIND_LABELS[kind]).join("、");
}

export function gradesText(grades: SchemeDocument["grades"]): string {
  return grades
    .map((g, i) => {
      if (g.min > 0) return `${g.label} ≥ ${g.min}`;
      const above = grades[i - 1];
      return above ? `${g.label} < ${above.min}` : g.label;
    })
    .join("，");
}

/** "hegang-2022 第2版" */
export function versionLabel(v: { code: string; version: number }): string {
  return `${v.code} 第${v.version}版`;
}

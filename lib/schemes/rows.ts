import { ruleToText, type SchemeDocument } from "@/lib/scoring";

/** One line of a scheme's indicator table (an indicator, or a sub-item under it), for exports. */
export type SchemeTableRow = {
  category: string;
  weight: number;
  code: string;
  indicator: string;
  item: string | null;
  max: number;
  rule: string;
  content: string | null;
  sources: string;
  evidence: string | null;
  note: string | null;
};

export function schemeTableRows(scheme: SchemeDocument): SchemeTableRow[] {
  return scheme.categories.flatMap((category) =>
    category.indicators.flatMap((indicator) => {
      const base = { category: category.name, weight: category.weight, code: indicator.code, indicator: indicator.name };
      const head: SchemeTableRow = {
        ...base,
        item: null,
        max: indicator.max,
        rule: indicator.rule ? ruleToText(indicator.rule, indicator.max) : `由${indicator.items?.length ?? 0}个子项组成`,
        content: indicator.content ?? null,
        sources: indicator.sources.join("、"),
        evidence: indicator.evidence ?? null,
        note: indicator.note ?? null,
      };
      const items = (indicator.items ?? []).map((item) => ({
        ...base,
        code: `${indicator.code}/${item.key}`,
        item: item.name,
        max: item.max,
        rule: ruleToText(item.rule, item.max),
        content: item.content ?? null,
        sources: (item.sources ?? []).join("、"),
        evidence: item.evidence ?? null,
        note: item.note ?? null,
      }));
      return [head, ...items];
    }),
  );
}

import { schemeDocumentSchema, type Rule, type SchemeDocument } from "@/lib/scoring";

/*
 * A document as stored in PostgreSQL (jsonb) comes back with its object keys reordered. Parsing
 * restores the schema's field order; award levels, the one map whose order people read ("国家级…,
 * 省级…, 市级…"), are put back in order of points, highest first. Scoring ignores both orders.
 */

function orderLevels(rule: Rule): Rule {
  if (rule.kind !== "award") return rule;
  const levels = Object.fromEntries(Object.entries(rule.levels).sort(([, a], [, b]) => b - a));
  return { ...rule, levels };
}

export function readStoredDocument(json: unknown): SchemeDocument {
  const document = schemeDocumentSchema.parse(json);
  for (const category of document.categories) {
    for (const indicator of category.indicators) {
      if (indicator.rule) indicator.rule = orderLevels(indicator.rule);
      for (const item of indicator.items ?? []) item.rule = orderLevels(item.rule);
    }
  }
  return document;
}

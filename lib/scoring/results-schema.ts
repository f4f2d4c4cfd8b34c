import { z } from "zod";

/** The results document (integrity-results/v1): every score a decimal string with exactly 2 decimals. */

const scoreString = z.string().regex(/^\d+\.\d{2}$/, "分数必须是两位小数的字符串");

export const itemResultSchema = z.object({
  key: z.string(),
  score: scoreString,
  max: z.number(),
  explanation: z.string(),
});

export const indicatorResultSchema = z.object({
  code: z.string(),
  score: scoreString.nullable(),
  max: z.number(),
  notApplicable: z.boolean(),
  explanation: z.string(),
  items: z.array(itemResultSchema).optional(),
});

export const categoryResultSchema = z.object({ code: z.string(), score: scoreString, weight: z.number() });

export const unitResultSchema = z.object({
  code: z.string(),
  name: z.string().optional(),
  total: scoreString,
  grade: z.string().nullable(),
  rank: z.number().int().min(1),
  categories: z.array(categoryResultSchema),
  indicators: z.array(indicatorResultSchema),
});

export const resultsDocumentSchema = z.object({
  format: z.literal("integrity-results/v1"),
  scheme: z.string(),
  schemeVersion: z.number().int().min(1),
  units: z.array(unitResultSchema),
});

export type ResultsDocument = z.output<typeof resultsDocumentSchema>;
export type UnitResult = z.output<typeof unitResultSchema>;
export type CategoryResult = z.output<typeof categoryResultSchema>;
export type IndicatorResult = z.output<typeof indicatorResultSchema>;
export type ItemResult = z.output<typeof itemResultSchema>;

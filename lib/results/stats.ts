// Pure helpers of the results pages: score bins, percentages of a weight, grades in the scheme's
// order. The database does the counting (data.ts); these name and order what it returns.

/** Bins of the score distribution: one below 60, then 5 points wide from 60; 100 falls in the last. */
export const BIN_FLOOR = 60;
export const BIN_WIDTH = 5;
export const BIN_COUNT = 1 + (100 - BIN_FLOOR) / BIN_WIDTH;

/** The bin of a total, as the SQL in data.ts computes it. */
export function binOf(total: number): number {
  if (total < BIN_FLOOR) return 0;
  return Math.min(Math.floor((total - BIN_FLOOR) / BIN_WIDTH) + 1, BIN_COUNT - 1);
}

export function binLabel(bin: number): string {
  if (bin === 0) return `${BIN_FLOOR}分以下`;
  const from = BIN_FLOOR + (bin - 1) * BIN_WIDTH;
  const to = from + BIN_WIDTH;
  return to >= 100 ? `${from}–100分` : `${from}–${to}分`;
}

export type Bin = { bin: number; label: string; count: number };

/** Every bin in order, with 0 for the bins the database returned no row for. */
export function fillBins(rows: readonly { bin: number; count: number }[]): Bin[] {
  const counts = new Map(rows.map((r) => [r.bin, r.count]));
  return Array.from({ length: BIN_COUNT }, (_, bin) => ({ bin, label: binLabel(bin), count: counts.get(bin) ?? 0 }));
}

/** A score as a percentage of its weight (one decimal), so categories of different weights compare. */
export function percentOf(score: number, weight: number): number {
  if (weight <= 0) return 0;
  return Math.round((score / weight) * 1000) / 10;
}

export type GradeCount = { grade: string; count: number };

/** Grade counts in the order of the scheme's grades (best first), zeros included, then any other. */
export function orderGrades(labels: readonly string[], rows: readonly { grade: string | null; count: number }[]): GradeCount[] {
  const counts = new Map(rows.map((r) => [r.grade ?? "未定等次", r.count]));
  const ordered = labels.map((grade) => ({ grade, count: counts.get(grade) ?? 0 }));
  const others = [...counts].filter(([grade]) => !labels.includes(grade)).map(([grade, count]) => ({ grade, count }));
  return [...ordered, ...others];
}

/** "87.50" − "85.00" → "+2.50"; null when either side is missing. */
export function scoreDelta(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  const cents = Math.round(Number(b) * 100) - Math.round(Number(a) * 100);
  const text = (Math.abs(cents) / 100).toFixed(2);
  return cents > 0 ? `+${text}` : cents < 0 ? `−${text}` : "0.00";
}

import { dec, fmtCents, quotient2, toCents, ZERO, type Dec } from "./decimal";
import type { CompiledCategory, CompiledGrade, CompiledScheme } from "./compile";
import type { Run } from "./run";
import type { CategoryResult, UnitFacts, UnitResult } from "./schema";

/*
 * Category subtotals, totals, grades and positions, all in integer cents:
 * every indicator score is already a whole number of cents, so sums are exact.
 */

/** Subtotal_c = S_c if weight_c = M_c, else round2(S_c × weight_c / M_c). */
export function subtotalCents(category: CompiledCategory, scoreCents: number): number {
  if (category.weightCents === category.maxCents) return scoreCents;
  return toCents(quotient2(dec(scoreCents).times(category.weightCents), dec(category.maxCents).times(100)));
}

/**
 * Under `rescale`: total = round2(Σ subtotal × 100 / W) with W = Σ weight_c × A_c / M_c,
 * evaluated as one exact fraction (W itself is never rounded).
 */
export function rescaledTotalCents(
  categories: readonly CompiledCategory[],
  subtotals: readonly number[],
  applicableCents: readonly number[],
): number {
  let numerator: Dec = ZERO;
  let denominator: Dec = dec(1);
  let sum = 0;
  categories.forEach((category, c) => {
    sum += subtotals[c] ?? 0;
    // numerator / denominator accumulates Σ weightCents × A_c / M_c:
    // n/d + w × a / m = (n × m + w × a × d) / (d × m)
    const term = dec(category.weightCents).times(applicableCents[c] ?? 0);
    numerator = numerator.times(category.maxCents).plus(term.times(denominator));
    denominator = denominator.times(category.maxCents);
  });
  // In points W = numerator / denominator / 100 and Σ subtotal = sum / 100,
  // so total = (sum / 100) × 100 / W = sum × denominator × 100 / numerator.
  return toCents(quotient2(dec(sum).times(denominator).times(100), numerator));
}

export function gradeOf(grades: readonly CompiledGrade[], totalCents: number): string | null {
  for (const grade of grades) if (totalCents >= grade.minCents) return grade.label;
  return null;
}

/** Positions by total, descending: 1 + the number of strictly higher totals (1, 2, 2, 4). */
export function positions(totals: Float64Array): Int32Array {
  const result = new Int32Array(totals.length);
  let highest = 0;
  for (const total of totals) highest = Math.max(highest, total);
  if (highest <= 4 * totals.length + 100_000) {
    // Totals are whole cents: count them, then accumulate from the top.
    const above = new Int32Array(highest + 2);
    for (const total of totals) above[total] = (above[total] ?? 0) + 1;
    let higher = 0;
    for (let t = highest; t >= 0; t--) {
      const count = above[t] ?? 0;
      above[t] = higher;
      higher += count;
    }
    for (let i = 0; i < totals.length; i++) result[i] = 1 + (above[totals[i] ?? 0] ?? 0);
    return result;
  }
  const ascending = Float64Array.from(totals).sort();
  for (let i = 0; i < totals.length; i++) {
    const total = totals[i] ?? 0;
    let lo = 0;
    let hi = ascending.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ascending[mid] ?? 0) <= total) lo = mid + 1;
      else hi = mid;
    }
    result[i] = 1 + ascending.length - lo;
  }
  return result;
}

/** Shared, frozen category results per category and subtotal in cents (a subtotal never exceeds the weight). */
function categoryTables(scheme: CompiledScheme): (CategoryResult | undefined)[][] {
  return scheme.categories.map((category) => new Array<CategoryResult | undefined>(category.weightCents + 1).fill(undefined));
}

function categoryResult(category: CompiledCategory, cents: number): CategoryResult {
  return Object.freeze({ code: category.code, score: fmtCents(cents), weight: category.weight });
}

/** Last pass: categories, total, grade and position of every unit. */
export function summarize(run: Run): UnitResult[] {
  const { scheme, units, scores, applicable } = run;
  const { categories, grades } = scheme;
  const count = categories.length;
  const tables = categoryTables(scheme);
  const subtotals = new Array<number>(count).fill(0);
  const applies = new Array<number>(count).fill(0);
  const totals = new Float64Array(units.length);
  const results = new Array<UnitResult>(units.length);

  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as UnitFacts;
    const categoryScores = new Array<CategoryResult>(count);
    let sum = 0;
    let everythingApplies = true;
    for (let c = 0; c < count; c++) {
      const category = categories[c] as CompiledCategory;
      const subtotal = subtotalCents(category, scores[u * count + c] ?? 0);
      if (applicable !== undefined) {
        applies[c] = applicable[u * count + c] ?? 0;
        subtotals[c] = subtotal;
        if (applies[c] !== category.maxCents) everythingApplies = false;
      }
      const table = tables[c] ?? [];
      categoryScores[c] = table[subtotal] ??= categoryResult(category, subtotal);
      sum += subtotal;
    }
    const total = everythingApplies ? sum : rescaledTotalCents(categories, subtotals, applies);
    totals[u] = total;
    results[u] = {
      code: unit.code,
      name: unit.name,
      total: fmtCents(total),
      grade: gradeOf(grades, total),
      rank: 1,
      categories: categoryScores,
      indicators: run.rows[u] ?? [],
    };
  }
  const places = positions(totals);
  for (let u = 0; u < results.length; u++) (results[u] as UnitResult).rank = places[u] ?? 1;
  return results;
}

// Pure helpers of the year-over-year comparison (compare-cycles.ts): the bins of score changes,
// the grade order of the transition matrix and the words for groups and moves. The database does
// the counting; these name and order what it returns.

/**
 * Bins of a change, symmetric around "unchanged": a fall or rise of at most 2, at most 5, at most
 * 10 points, or more. Bin CHANGE_CENTER is exactly 0; the SQL in compare-cycles.ts computes the
 * same bin from these edges.
 */
export const CHANGE_EDGES = [2, 5, 10] as const;
export const CHANGE_CENTER = CHANGE_EDGES.length + 1;
export const CHANGE_BIN_COUNT = 2 * CHANGE_CENTER + 1;

/** The bin of a change B − A, as the SQL computes it. */
export function changeBinOf(change: number): number {
  if (change === 0) return CHANGE_CENTER;
  const size = 1 + CHANGE_EDGES.filter((edge) => Math.abs(change) > edge).length;
  return CHANGE_CENTER + Math.sign(change) * size;
}

export function changeBinLabel(bin: number): string {
  if (bin === CHANGE_CENTER) return "不变";
  const size = Math.abs(bin - CHANGE_CENTER);
  const verb = bin > CHANGE_CENTER ? "上升" : "下降";
  if (size > CHANGE_EDGES.length) return `${verb}${CHANGE_EDGES[CHANGE_EDGES.length - 1]}分以上`;
  const from = size === 1 ? 0 : CHANGE_EDGES[size - 2]!;
  return `${verb}${from}–${CHANGE_EDGES[size - 1]}分`;
}

export type ChangeBin = { bin: number; label: string; count: number };

/** Every bin, largest fall first, with 0 where the database returned no row. */
export function fillChangeBins(rows: readonly { bin: number; count: number }[]): ChangeBin[] {
  const counts = new Map(rows.map((r) => [r.bin, Number(r.count)]));
  return Array.from({ length: CHANGE_BIN_COUNT }, (_, bin) => ({ bin, label: changeBinLabel(bin), count: counts.get(bin) ?? 0 }));
}

/** How many of the largest rises and falls the summary lists. */
export const MOVERS_SHOWN = 10;

/** "2.50" → "+2.50", "-3.00" → "−3.00", "0.00" → "0.00"; null stays null. */
export function formatChange(change: string | null): string | null {
  if (change === null) return null;
  const cents = Math.round(Number(change) * 100);
  const text = (Math.abs(cents) / 100).toFixed(2);
  return cents > 0 ? `+${text}` : cents < 0 ? `−${text}` : "0.00";
}

/** Where a unit stands in the comparison: scored in both, enrolled only in A (left) or only in B (new), or enrolled in both but unscored in one. */
export const COMPARE_GROUPS = ["compared", "left", "new", "unscored"] as const;
export type CompareGroup = (typeof COMPARE_GROUPS)[number];
export const COMPARE_GROUP_LABELS: Readonly<Record<CompareGroup, string>> = {
  compared: "两期均有结果",
  left: "仅在前一周期（退出）",
  new: "仅在后一周期（新增）",
  unscored: "两期均参评但有一期无结果",
};

export type GradeMove = "up" | "down" | "same";
export const GRADE_MOVE_LABELS: Readonly<Record<GradeMove, string>> = { up: "上升", down: "下降", same: "不变" };

/** The label of a missing grade (a total below the scheme's lowest grade line). */
export const NO_GRADE = "未定等次";

/**
 * The grades of both cycles' schemes, best first: by the highest line any scheme gives the label
 * (优秀 90 > 良好 80 > 一般 60 > 较差 0 in every built-in scheme), then any grade met only in the
 * results, then "no grade".
 */
export function gradeOrder(lines: readonly { label: string; min: number | string }[], seen: readonly (string | null)[] = []): string[] {
  const best = new Map<string, number>();
  for (const { label, min } of lines) best.set(label, Math.max(best.get(label) ?? -Infinity, Number(min)));
  const ordered = [...best].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], "zh-CN")).map(([label]) => label);
  const others = [...new Set(seen.filter((g): g is string => g !== null && !best.has(g)))];
  return [...ordered, ...others, ...(seen.includes(null) ? [NO_GRADE] : [])];
}

export type TransitionMatrix = { grades: string[]; rows: { from: string; counts: number[]; total: number }[]; columnTotals: number[]; total: number };

/** A grade × B grade counts as a full square table in grade order (zeros included). */
export function transitionMatrix(lines: readonly { label: string; min: number | string }[], cells: readonly { from: string | null; to: string | null; count: number }[]): TransitionMatrix {
  const grades = gradeOrder(lines, cells.flatMap((c) => [c.from, c.to]));
  const index = new Map(grades.map((g, i) => [g, i]));
  const counts = grades.map(() => grades.map(() => 0));
  for (const c of cells) counts[index.get(c.from ?? NO_GRADE)!]![index.get(c.to ?? NO_GRADE)!]! += Number(c.count);
  const rows = grades.map((from, i) => ({ from, counts: counts[i]!, total: counts[i]!.reduce((s, n) => s + n, 0) }));
  const columnTotals = grades.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  return { grades, rows, columnTotals, total: columnTotals.reduce((s, n) => s + n, 0) };
}

/** Short names for the two cycles in headings: their years when they differ, otherwise their names. */
export function sideLabels(a: { year: number; name: string }, b: { year: number; name: string }): { a: string; b: string } {
  return a.year !== b.year ? { a: `${a.year}年度`, b: `${b.year}年度` } : { a: a.name, b: b.name };
}

// Amendments (更正) to an archived dossier entry: the snapshot never changes; an amendment is a
// separate record beside it with who, when and why. Pure.

export const AMENDMENT_SUBJECTS = ["total", "grade", "indicator", "text"] as const;
export type AmendmentSubjectKind = (typeof AMENDMENT_SUBJECTS)[number];
export const AMENDMENT_SUBJECT_LABELS: Readonly<Record<AmendmentSubjectKind, string>> = {
  total: "总分",
  grade: "评价等次",
  indicator: "单项指标得分",
  text: "报告文字",
};

/** The stored subject: "total", "grade", "text" or "indicator:<code>". */
export function amendmentSubject(kind: AmendmentSubjectKind, indicatorCode?: string | null): string {
  return kind === "indicator" ? `indicator:${indicatorCode ?? ""}` : kind;
}

export function subjectLabel(subject: string, indicatorNames?: ReadonlyMap<string, string>): string {
  if (subject.startsWith("indicator:")) {
    const code = subject.slice("indicator:".length);
    const name = indicatorNames?.get(code);
    return `${AMENDMENT_SUBJECT_LABELS.indicator}：${name ? `${name}（${code}）` : code}`;
  }
  return AMENDMENT_SUBJECT_LABELS[subject as AmendmentSubjectKind] ?? subject;
}

/** A score as amendments write it: 0 or more, at most two decimals. */
export const SCORE_PATTERN = /^\d{1,4}(\.\d{1,2})?$/;

export type AmendmentFacts = { subject: string; after: string; createdAt: Date };

/**
 * The figures as they stand after the latest amendment of each (the archived ones otherwise), and
 * whether any was amended. The snapshot itself is what was archived and stays as it was.
 */
export function effectiveFigures(entry: { total: string; grade: string | null }, amendments: readonly AmendmentFacts[]): { total: string; grade: string | null; totalAmended: boolean; gradeAmended: boolean } {
  const latest = (subject: string) =>
    [...amendments].filter((a) => a.subject === subject).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
  const total = latest("total");
  const grade = latest("grade");
  return {
    total: total && SCORE_PATTERN.test(total.after) ? Number(total.after).toFixed(2) : entry.total,
    grade: grade ? grade.after : entry.grade,
    totalAmended: Boolean(total),
    gradeAmended: Boolean(grade),
  };
}

export type TrendPoint = { year: number; total: number; grade: string | null; amended: boolean };

/** The totals across years, oldest first, for the trend chart and its table. */
export function trendOf(entries: readonly { year: number; total: string; grade: string | null; amendments: readonly AmendmentFacts[] }[]): TrendPoint[] {
  return [...entries]
    .sort((a, b) => a.year - b.year)
    .map((e) => {
      const figures = effectiveFigures(e, e.amendments);
      return { year: e.year, total: Number(figures.total), grade: figures.grade, amended: figures.totalAmended || figures.gradeAmended };
    });
}

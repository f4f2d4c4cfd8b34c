import type { UnitFacts } from "../../lib/scoring";

/*
 * The 12 formulas of hegang-2022 written out by hand in integer cents: the
 * yardstick for the engine. It trusts its input, explains nothing, and relies
 * on the bench data's rates being whole basis points.
 */

type Facts = Record<string, unknown>;
interface Counts {
  counts: Record<string, number | undefined>;
}

const TIER_CENTS: Record<string, number> = { 优秀: 1000, 良好: 700, 一般: 400, 未达标: 0 };
const AWARD_CENTS: Record<string, number> = { national: 1000, provincial: 500, municipal: 300 };

const countOf = (fact: unknown, key: string): number => (fact as Counts).counts[key] ?? 0;
const perItem = (maxCents: number, n: number) => Math.max(0, maxCents - Math.min(100 * n, maxCents));

function petitionCents(fact: unknown): number {
  if (fact === "N/A") return 500;
  const value = (fact as { value: number }).value;
  if (value < 0.01) return 0;
  if (value >= 1) return 500;
  const basisPoints = Math.round(value * 10_000);
  return Math.floor((basisPoints + 10) / 20); // half-up of 5 × value in cents = k / 20
}

export function handTotalCents(facts: Facts): number {
  let total = 0;
  total += perItem(1000, countOf(facts["LAW.EXAM"], "items"));
  total += (facts["LAW.DISHONEST"] as { count: number }).count >= 1 ? 0 : 1000;
  total += perItem(1000, countOf(facts["OPEN.EXAM"], "findings"));
  total += perItem(1000, countOf(facts["OPEN.DOUBLE"], "findings"));
  const pledge = facts["OPEN.PLEDGE"];
  total += pledge === "N/A" || (pledge as { met: boolean }).met ? 500 : 0;
  total += TIER_CENTS[(facts["DILIGENT.TARGET"] as { tier: string }).tier] ?? 0;
  total += petitionCents(facts["DILIGENT.PETITION"]);
  total += (facts["KEEP.DEBT"] as { met: boolean }).met ? 1000 : 0;
  total += perItem(500, countOf(facts["KEEP.ARREARS"], "verified"));
  total += perItem(500, countOf(facts["PERFORM.COMPLAINT"], "verified"));
  let award = 0;
  for (const level of (facts["PERFORM.AWARD"] as { awards: string[] }).awards) {
    award = Math.max(award, AWARD_CENTS[level] ?? 0);
  }
  total += award;
  const discipline = facts["CLEAN.DISCIPLINE"];
  total += 1000 - (countOf(discipline, "leadership") >= 1 ? 500 : 0) - (countOf(discipline, "staff") >= 1 ? 500 : 0);
  return total;
}

export interface HandResult {
  code: string;
  totalCents: number;
  grade: string;
  rank: number;
}

function gradeOf(totalCents: number): string {
  return totalCents >= 9000 ? "优秀" : totalCents >= 8000 ? "良好" : totalCents >= 6000 ? "一般" : "较差";
}

/** Every unit's total, grade and position (1, 2, 2, 4), the way one would write it by hand. */
export function scoreByHand(units: readonly UnitFacts[]): HandResult[] {
  const results = units.map((unit) => {
    const totalCents = handTotalCents(unit.facts);
    return { code: unit.code, totalCents, grade: gradeOf(totalCents), rank: 0 };
  });
  const byTotal = [...results].sort((a, b) => b.totalCents - a.totalCents);
  byTotal.forEach((result, i) => {
    const previous = byTotal[i - 1];
    result.rank = previous !== undefined && previous.totalCents === result.totalCents ? previous.rank : i + 1;
  });
  return results;
}

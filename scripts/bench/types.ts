/** One section of `npm run bench`: runs, prints its figures, says whether it met its bar. */
export interface BenchSection {
  name: string;
  run(log: (line: string) => void): BenchOutcome;
}

export interface BenchOutcome {
  passed: boolean;
  summary: string;
  /** Each measured figure against its bar, for the summary table (empty when the section failed to run). */
  figures?: BenchFigure[];
}

/** One figure and its bar from spec/quality.md; it passes when value < bar (or ≤ for ratio bars). */
export interface BenchFigure {
  what: string;
  value: number;
  bar: number;
  unit: string;
  /** The bar allows equality ("within 5×"). */
  inclusive?: boolean;
}

export const figurePasses = (f: BenchFigure): boolean => (f.inclusive ? f.value <= f.bar : f.value < f.bar);

/** Median wall time in milliseconds of `runs` calls, after `warmUps` untimed calls (to let the JIT settle). */
export function timeMedian(runs: number, fn: () => void, warmUps = 3): number {
  for (let i = 0; i < warmUps; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Deterministic PRNG (mulberry32), so every bench run sees the same data. */
export { seededRandom as prng } from "../../lib/seed/facts-generator";

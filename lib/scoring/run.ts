import type { CompiledScheme } from "./compile";
import type { IndicatorResult, UnitFacts } from "./schema";

/**
 * The working state of one scoring run: every unit's indicator results, and
 * per unit and category the sums (in cents) that make the category subtotal.
 */
export interface Run {
  readonly scheme: CompiledScheme;
  readonly units: readonly UnitFacts[];
  readonly rows: IndicatorResult[][];
  /** S_c per unit × category: scores of the applicable indicators (N/A at max under full_marks). */
  readonly scores: Float64Array;
  /** A_c per unit × category under `rescale`: maxima of the applicable indicators. */
  readonly applicable: Float64Array | undefined;
  /** The non-null values of each rank slot. */
  readonly rankValues: number[][];
}

export function startRun(scheme: CompiledScheme, units: readonly UnitFacts[]): Run {
  const cells = units.length * scheme.categories.length;
  return {
    scheme,
    units,
    rows: new Array<IndicatorResult[]>(units.length),
    scores: new Float64Array(cells),
    applicable: scheme.policy === "rescale" ? new Float64Array(cells) : undefined,
    rankValues: scheme.rankSlots.map(() => []),
  };
}

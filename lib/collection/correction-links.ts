// Where the office corrects one cell of a unit (app/(app)/cycles/[id]/facts). Pure: the scoring
// run's problems link here with "去更正".

export type CorrectionCell = { unitId: string; indicatorCode: string; subKey: string };

export function correctionHref(cycleId: string, cell: CorrectionCell, runId?: string | null): string {
  const query = new URLSearchParams({ u: cell.unitId, i: cell.indicatorCode });
  if (cell.subKey) query.set("sub", cell.subKey);
  if (runId) query.set("run", runId);
  return `/cycles/${encodeURIComponent(cycleId)}/facts?${query.toString()}`;
}

/** Back to the run the staff came from, else the cycle. */
export function correctionBackHref(cycleId: string, runId?: string | null): string {
  const cycle = `/cycles/${encodeURIComponent(cycleId)}`;
  return runId ? `${cycle}/scoring/runs/${encodeURIComponent(runId)}` : cycle;
}

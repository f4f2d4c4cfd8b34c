// The schemes name their default data sources by organisation short name (数据来源 / 责任部门
// columns, e.g. "市司法局"). Matching those names to source organisations is pure.

export type SourceOrg = { id: string; name: string; shortName: string | null };
export type DefaultSlot = { indicatorCode: string; subKey: string; name: string; mode: "records" | "value"; sources: readonly string[] };

export type DefaultAssignment = { indicatorCode: string; subKey: string; sourceOrgId: string; lead: boolean };
export type UnmatchedSource = { name: string; slots: string[] };

/** Finds an organisation by short name first, then by full name (both trimmed); the first by name wins. */
export function sourceIndex(orgs: readonly SourceOrg[]): (name: string) => SourceOrg | undefined {
  const sorted = [...orgs].sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id));
  const byShort = new Map<string, SourceOrg>();
  const byName = new Map<string, SourceOrg>();
  for (const org of sorted) {
    const short = org.shortName?.trim();
    if (short && !byShort.has(short)) byShort.set(short, org);
    if (!byName.has(org.name.trim())) byName.set(org.name.trim(), org);
  }
  return (name) => byShort.get(name.trim()) ?? byName.get(name.trim());
}

/**
 * The default assignments of a scheme's slots: every named source that matches an organisation;
 * for a value slot the first matched one is the lead. Names matching nothing are returned with
 * the slots that name them, so staff can fix the organisation's short name or assign by hand.
 */
export function defaultAssignments(slots: readonly DefaultSlot[], orgs: readonly SourceOrg[]): { assignments: DefaultAssignment[]; unmatched: UnmatchedSource[] } {
  const find = sourceIndex(orgs);
  const assignments: DefaultAssignment[] = [];
  const unmatched = new Map<string, string[]>();
  for (const slot of slots) {
    let leadGiven = false;
    const seen = new Set<string>();
    for (const name of slot.sources) {
      const org = find(name);
      if (!org) {
        unmatched.set(name, [...(unmatched.get(name) ?? []), slot.name]);
        continue;
      }
      if (seen.has(org.id)) continue;
      seen.add(org.id);
      const lead = slot.mode === "value" && !leadGiven;
      if (lead) leadGiven = true;
      assignments.push({ indicatorCode: slot.indicatorCode, subKey: slot.subKey, sourceOrgId: org.id, lead });
    }
  }
  return { assignments, unmatched: [...unmatched].map(([name, names]) => ({ name, slots: names })) };
}

// What one source may report in one cycle: the enrolled units and, per unit kind, the slots it
// answers (lib/collection/access.ts decides: records and yes/no for every assigned source, other
// single values for the lead only). Pure; lib/collection/spreadsheet/data.ts loads the rows.
import type { UnitKind } from "@/lib/orgs/kinds";
import { slotKey, type ReportingSlot } from "../slots";

export type ScopeUnit = { id: string; uscc: string; name: string; unitKind: UnitKind };

/** A slot assigned to the source, the unit kinds it applies to, and whether this source answers it. */
export type ScopeSlotInput = { slot: ReportingSlot; unitKinds: readonly UnitKind[]; answers: boolean };

type ByKind = Partial<Record<UnitKind, ReportingSlot[]>>;

export type SourceScope = {
  cycleId: string;
  year: number;
  cycleName: string;
  collectionDeadline: string;
  sourceOrgId: string;
  sourceName: string;
  units: ScopeUnit[];
  /** Slots the source answers, per unit kind (kinds without any are absent). */
  slots: ByKind;
  /** Assigned single-value slots whose lead is another source. */
  ledElsewhere: ByKind;
  /** Every slot of each kind's scheme, to tell "not yours" from "no such indicator". */
  allSlots: ByKind;
};

function add(into: ByKind, kind: UnitKind, slot: ReportingSlot): void {
  (into[kind] ??= []).push(slot);
}

export function buildScope(
  base: Omit<SourceScope, "slots" | "ledElsewhere" | "allSlots" | "units">,
  assigned: readonly ScopeSlotInput[],
  allSlots: ByKind,
  units: readonly ScopeUnit[],
): SourceScope {
  const slots: ByKind = {};
  const ledElsewhere: ByKind = {};
  for (const { slot, unitKinds, answers } of assigned) for (const kind of unitKinds) add(answers ? slots : ledElsewhere, kind, slot);
  // A unit is in scope when the source has something to report about its kind (order kept).
  return { ...base, slots, ledElsewhere, allSlots, units: units.filter((u) => (slots[u.unitKind]?.length ?? 0) > 0) };
}

/** The answerable slot of a unit's kind with this code ("IND" or "IND/sub"), or why there is none. */
export function findSlot(scope: SourceScope, unitKind: UnitKind, code: string): { slot: ReportingSlot } | { error: string } {
  const slot = scope.slots[unitKind]?.find((s) => slotKey(s) === code);
  if (slot) return { slot };
  if (scope.ledElsewhere[unitKind]?.some((s) => slotKey(s) === code)) return { error: `指标“${code}”为单值指标，由牵头数据来源单位填报` };
  if (scope.allSlots[unitKind]?.some((s) => slotKey(s) === code)) return { error: `指标“${code}”未分配给本单位报送` };
  return { error: `指标代码“${code}”不在该单位适用的指标体系中` };
}

/** Distinct slots across kinds, in scheme order, each with the kinds it applies to (for the guide). */
export function distinctSlots(scope: SourceScope): { slot: ReportingSlot; kinds: UnitKind[] }[] {
  const out = new Map<string, { slot: ReportingSlot; kinds: UnitKind[] }>();
  for (const [kind, slots] of Object.entries(scope.slots) as [UnitKind, ReportingSlot[]][]) {
    for (const slot of slots) {
      const key = `${slotKey(slot)}\u0000${JSON.stringify(slot.rule)}\u0000${slot.max}`;
      const known = out.get(key);
      if (known) known.kinds.push(kind);
      else out.set(key, { slot, kinds: [kind] });
    }
  }
  return [...out.values()];
}

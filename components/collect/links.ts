// URLs of the source workspace: a slot is (scheme version, indicator, sub-item); a cell adds the unit.

type SlotRef = { schemeVersionId: string; indicatorCode: string; subKey: string };

function slotQuery(slot: SlotRef, extra: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams({ s: slot.schemeVersionId, i: slot.indicatorCode });
  if (slot.subKey) query.set("sub", slot.subKey);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) query.set(k, String(v));
  return query.toString();
}

export function slotHref(cycleId: string, slot: SlotRef, extra: Record<string, string | number | undefined> = {}): string {
  return `/collect/${cycleId}/slot?${slotQuery(slot, extra)}`;
}

export function cellHref(cycleId: string, slot: SlotRef, unitId: string): string {
  return `/collect/${cycleId}/cell?${slotQuery(slot, { u: unitId })}`;
}

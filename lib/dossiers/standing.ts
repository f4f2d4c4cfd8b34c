// Trust and breach records (守信激励 / 失信记录) in a unit's dossier: the records sources reported
// about it, classified by the rule kind of the slot they count towards in that year's scheme. Pure.
import { itemLabel } from "@/lib/collection/format";
import { reportingSlots } from "@/lib/collection/slots";
import type { Rule, SchemeDocument } from "@/lib/scoring";

export const STANDINGS = ["trust", "breach"] as const;
export type Standing = (typeof STANDINGS)[number];
export const STANDING_LABELS: Readonly<Record<Standing, string>> = { trust: "守信激励", breach: "失信记录" };

/**
 * Awards and bonus counts reward good conduct (trust); deductions and vetoes are findings, verified
 * complaints, listings and disciplinary actions (breach). A shortfall count (e.g. meetings held
 * against a target) is routine work, neither; rules that take a single value have no records.
 */
export function recordStanding(rule: Rule): Standing | null {
  switch (rule.kind) {
    case "award":
      return "trust";
    case "count":
      return rule.mode === "additive" ? "trust" : null;
    case "deduction":
    case "veto":
      return "breach";
    default:
      return null;
  }
}

/** A reporting slot whose records are trust or breach records. */
export type StandingSlot = { indicatorCode: string; subKey: string; name: string; standing: Standing; rule: Rule };

export function standingSlots(scheme: SchemeDocument): StandingSlot[] {
  return reportingSlots(scheme).flatMap((slot) => {
    const standing = recordStanding(slot.rule);
    return standing ? [{ indicatorCode: slot.indicatorCode, subKey: slot.subKey, name: slot.name, standing, rule: slot.rule }] : [];
  });
}

/** The slots of one standing (all when null) whose code or name contains the text (any when empty). */
export function matchingSlots(slots: readonly StandingSlot[], standing: Standing | null, text: string | undefined): StandingSlot[] {
  const q = text?.trim().toLowerCase() ?? "";
  return slots.filter((s) => (!standing || s.standing === standing) && (!q || s.indicatorCode.toLowerCase().includes(q) || s.name.toLowerCase().includes(q)));
}

/** What a record counted towards, in words: the deduction item or the award level ("" when one kind of event). */
export function recordItemLabel(slot: StandingSlot, itemKey: string): string {
  return itemKey ? (itemLabel(slot.rule, itemKey) ?? "") : "";
}

export function slotKeyOf(slot: { indicatorCode: string; subKey: string }): string {
  return `${slot.indicatorCode}|${slot.subKey}`;
}

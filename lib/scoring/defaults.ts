/** Constants and defaults shared by the schemas and the rules (a leaf module: it imports nothing). */

/** The literal that marks an indicator not applicable to a unit (不涉及). */
export const NOT_APPLICABLE = "N/A";

/** Ratio parameters with their defaults: fullAt 1, zeroBelow 0, proportional. */
export function ratioDefaults(rule: { fullAt?: number; zeroBelow?: number; mode?: "proportional" | "linear" }) {
  return { fullAt: rule.fullAt ?? 1, zeroBelow: rule.zeroBelow ?? 0, mode: rule.mode ?? "proportional" };
}

import { z } from "zod";

/*
 * Shared pieces of the fact schemas and their fast equivalents. Modules on the
 * scoring hot path copy the predicates into local constants: under tsx's
 * CommonJS output every use of an imported binding is a getter call, which
 * costs several times the check itself when run for every fact of every unit.
 */

export const COUNT_MESSAGE = "计数必须是非负整数";

export const countSchema = z.number({ error: COUNT_MESSAGE }).int(COUNT_MESSAGE).min(0, COUNT_MESSAGE);

export const valueSchema = z
  .number({ error: "数值必须是有限的数字" })
  .min(0, "数值不能为负数");

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

export function isCount(x: unknown): x is number {
  return typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
}

export function isValue(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x) && x >= 0;
}

/** An object schema whose wrong-shape message shows the expected shape. */
export function factObject<T extends z.core.$ZodShape>(shape: T, expected: string) {
  return z.object(shape, { error: `数据格式应为 ${expected}` });
}

/**
 * A memo key for a JSON number: the integer k when the number is exactly the
 * double nearest to k / 10⁶ (so distinct numbers get distinct keys and Map
 * lookups stay on small integers), else its text, which cannot collide.
 */
export function numberKey(value: number): number | string {
  const k = Math.round(value * 1e6);
  // `k | 0` keeps the key a small integer (a Smi), which Map hashes far faster than a double.
  return k >= 0 && k <= 0x3fffffff && k / 1e6 === value ? k | 0 : String(value);
}

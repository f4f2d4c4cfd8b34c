import Decimal from "decimal.js";

/**
 * The Decimal constructor used everywhere in scoring: 100 significant digits,
 * half-up rounding, plain (non-exponential) notation. Independent of the global
 * Decimal configuration, so other code cannot change how scores are computed.
 */
export const D = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof D>;

export const ZERO: Dec = new D(0);
export const ONE: Dec = new D(1);
export const HUNDRED: Dec = new D(100);

/** Exact decimal value of a JSON number (its shortest round-trip decimal form). */
export function dec(value: number | string | Dec): Dec {
  return new D(value);
}

/** Half-up (away from zero) rounding to 2 decimals. */
export function round2(x: Dec): Dec {
  return x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Exactly 2 decimals, half-up; never "-0.00". */
export function fmt2(x: Dec): string {
  const s = round2(x).toFixed(2);
  return s === "-0.00" ? "0.00" : s;
}

/** The number without trailing zeros, for parameters in explanations ("1", "0.5"). */
export function plain(x: Dec | number): string {
  const d = typeof x === "number" ? new D(x) : x;
  return d.isZero() ? "0" : d.toString();
}

/** A ratio as a percentage with 2 decimals: 0.85 → "85.00%". */
export function percent(x: Dec | number): string {
  if (typeof x === "number") {
    const hundredths = roundProduct(10_000, x);
    if (hundredths !== undefined) return `${fmtCents(hundredths)}%`;
  }
  return `${fmt2((typeof x === "number" ? new D(x) : x).times(HUNDRED))}%`;
}

export function clamp(x: Dec, max: Dec): Dec {
  if (x.lt(ZERO)) return ZERO;
  return x.gt(max) ? max : x;
}

/**
 * n / d rounded half-up to 2 decimals, computed exactly (no intermediate
 * rounding of the quotient), for n ≥ 0 and d > 0.
 */
export function quotient2(n: Dec, d: Dec): Dec {
  const scaled = n.times(HUNDRED);
  let q = scaled.divToInt(d);
  const rest = scaled.minus(q.times(d));
  if (rest.times(2).gte(d)) q = q.plus(1);
  return q.div(HUNDRED);
}

/** ⌈n / d⌉ computed exactly, for n ≥ 0 and d > 0. */
export function ceilDiv(n: Dec, d: Dec): Dec {
  const q = n.divToInt(d);
  return q.times(d).lt(n) ? q.plus(1) : q;
}

/** Integer cents of a value that already has at most 2 decimals. */
export function toCents(x: Dec): number {
  return x.times(HUNDRED).toNumber();
}

const centsCache: string[] = [];
for (let c = 0; c <= 20_000; c++) centsCache.push(formatCents(c));

function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

/** Integer cents as a 2-decimal string: 750 → "7.50". */
export function fmtCents(cents: number): string {
  if (cents === 0) return "0.00";
  return centsCache[cents] ?? formatCents(cents);
}

const FAST_LIMIT = 2 ** 30;
const TIE_MARGIN = 1e-6;
const JSON_NUMBER = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** A non-negative JSON number as an exact fraction digits / 10^scale (from its shortest decimal form). */
function decimalFraction(b: number): { digits: bigint; scale: number } | undefined {
  const match = JSON_NUMBER.exec(String(b));
  if (match === null) return undefined;
  const [, whole = "", fraction = "", exponent = "0"] = match;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * round_half_up(a × b) for an integer a ≥ 0 and a JSON number b ≥ 0 (whose
 * value is its shortest decimal form), without Decimal; undefined when the
 * product is too large, and the caller uses Decimal.
 *
 * Why it is exact: b's decimal differs from the double b by at most half an
 * ulp (≤ b·2⁻⁵³) and the product adds at most another, so the double x is
 * within x·2⁻⁵² < 2.4e-7 of the exact product when x < 2³⁰. Rounding only
 * changes at half-integers, so away from them (more than 1e-6) rounding x is
 * rounding the exact product; near one, b's digits settle it in integers.
 */
export function roundProduct(a: number, b: number): number | undefined {
  const x = a * b;
  if (!(x >= 0 && x < FAST_LIMIT && Number.isSafeInteger(a))) return undefined;
  const whole = Math.floor(x);
  const frac = x - whole;
  if (Math.abs(frac - 0.5) >= TIE_MARGIN) return frac > 0.5 ? whole + 1 : whole;
  const exact = decimalFraction(b);
  if (exact === undefined) return undefined;
  // a × digits / 10^scale ≥ whole + ½  ⇔  2 × a × digits ≥ (2 × whole + 1) × 10^scale
  const reaches = 2n * BigInt(a) * exact.digits >= BigInt(2 * whole + 1) * 10n ** BigInt(exact.scale);
  return reaches ? whole + 1 : whole;
}

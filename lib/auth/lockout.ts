// Sign-in throttling, as a pure rule over the count of consecutive failures.

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** Delay before answering a failed attempt: none for the first two, then 1 s, 2 s, 4 s… */
export function failureDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures < 3) return 0;
  return Math.min(1000 * 2 ** (consecutiveFailures - 3), 8000);
}

export function lockUntilAfterFailure(consecutiveFailures: number, now: Date): Date | null {
  if (consecutiveFailures < LOCK_AFTER_FAILURES) return null;
  return new Date(now.getTime() + LOCK_MINUTES * 60_000);
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

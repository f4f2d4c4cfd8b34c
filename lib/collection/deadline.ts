// Collection and commitment deadlines are Beijing calendar dates; a deadline lasts to the end of
// that day in Asia/Shanghai whatever the server's zone (China has had no daylight saving since 1991).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The last instant of a Beijing calendar date: 2026-12-01 → 2026-12-01T23:59:59.999+08:00. */
export function endOfBeijingDay(date: string): Date {
  if (!isCalendarDate(date)) throw new Error(`不是有效的日期：${date}`);
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000 - 1);
}

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function isPastDeadline(date: string, now: Date): boolean {
  return now.getTime() > endOfBeijingDay(date).getTime();
}

/** The defaults of seed 000: data by 1 December of the evaluated year, commitments by 1 May. */
export function defaultDeadlines(year: number): { collectionDeadline: string; commitmentsDeadline: string } {
  return { collectionDeadline: `${year}-12-01`, commitmentsDeadline: `${year}-05-01` };
}

import { isCalendarDate } from "../deadline";

const PATTERNS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, /^(\d{4})(\d{2})(\d{2})$/];

/** "2022-03-05", "2022/3/5", "2022.3.5", "2022年3月5日", "20220305" → "2022-03-05"; null otherwise. */
export function parseCalendarDate(text: string): string | null {
  for (const pattern of PATTERNS) {
    const m = pattern.exec(text.trim());
    if (!m) continue;
    const date = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
    return isCalendarDate(date) ? date : null;
  }
  return null;
}

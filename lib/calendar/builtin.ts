import { writeAudit } from "@/lib/audit/mutations";
import type { PrismaClient } from "@/lib/db/prisma";
import { OFFICIAL_YEARS, type OfficialYear } from "./official-days";
import { officialDays } from "./working-days";

/*
 * The built-in official years (lib/calendar/official-days.ts) installed into the calendar tables.
 * Run at every start-up: a built-in year missing from the table is inserted with its days; a year
 * already there is left alone, since an admin may have corrected it. No "server-only": scripts/
 * start.ts runs it outside Next.js.
 */
export async function ensureOfficialCalendar(
  prisma: PrismaClient,
  years: readonly OfficialYear[] = OFFICIAL_YEARS,
): Promise<{ installed: number[] }> {
  const stored = await prisma.calendarYear.findMany({ where: { year: { in: years.map((y) => y.year) } }, select: { year: true } });
  const present = new Set(stored.map((row) => row.year));
  const missing = years.filter((entry) => !present.has(entry.year));
  if (missing.length === 0) return { installed: [] };
  return prisma.$transaction(async (tx) => {
    // Two processes starting at once: the second inserts nothing.
    const created = await tx.calendarYear.createMany({
      data: missing.map((entry) => ({ year: entry.year, status: "official", source: entry.source })),
      skipDuplicates: true,
    });
    if (created.count === 0) return { installed: [] };
    await tx.calendarDay.createMany({
      data: missing.flatMap((entry) => officialDays(entry).map((day) => ({ ...day, year: entry.year }))),
      skipDuplicates: true,
    });
    const installed = missing.map((entry) => entry.year);
    await writeAudit(tx, { actor: null, action: "calendar.official_installed", entityType: "calendar_year", meta: { years: installed } });
    return { installed };
  });
}

import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { parseInput } from "@/lib/cycles/lock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/prisma/generated/client/client";
import { formatDayLines, type CalendarDayInput } from "./day-lines";
import { deleteCalendarYearSchema, saveCalendarYearSchema } from "./schema";

// The admin's changes to the working-day calendar. Each takes the acting admin explicitly, checks
// the permission itself (the server action checks it too), validates with the form's schema and
// writes the change and its audit row in one transaction. A year's row is its own lock: the form
// carries the updated_at it was read at, and a save or delete on an older copy is refused (STALE).

const ENTITY = "calendar_year";

function requireCalendarAdmin(actor: Actor): void {
  if (!hasPermission(actor.roles, "manage:calendar:any")) throw new AppError("NOT_FOUND");
}

function lockTime(lock: string): Date {
  const time = new Date(lock);
  if (Number.isNaN(time.getTime())) throw new AppError("STALE");
  return time;
}

type Snapshot = { status: string; source: string | null; days: string[] };

function snapshot(row: { status: string; source: string | null }, days: readonly CalendarDayInput[]): Snapshot {
  return { status: row.status, source: row.source, days: formatDayLines(days).split("\n").filter(Boolean) };
}

async function storedYear(tx: Tx, year: number): Promise<Snapshot | null> {
  const row = await tx.calendarYear.findUnique({ where: { year }, select: { status: true, source: true, days: true } });
  if (!row) return null;
  const days = row.days.map((d): CalendarDayInput => ({ date: d.date, kind: d.kind === "workday" ? "workday" : "holiday", name: d.name }));
  return snapshot(row, days);
}

/** Creates a year (`lock` empty) or replaces an existing one's status, notice and days. */
export async function saveCalendarYear(
  actor: Actor,
  rawInput: unknown,
  ip: string | null = null,
): Promise<{ year: number; lock: string; created: boolean }> {
  requireCalendarAdmin(actor);
  const input = parseInput(saveCalendarYearSchema, rawInput);
  const fields = { status: input.status, source: input.source, updatedById: actor.id };
  try {
    return await db().$transaction(async (tx) => {
      const before = await storedYear(tx, input.year);
      let updatedAt: Date;
      if (input.lock === "") {
        if (before) throw new AppError("CONFLICT", `工作日历中已有${input.year}年，请到该年度页面修改`);
        updatedAt = (await tx.calendarYear.create({ data: { year: input.year, ...fields }, select: { updatedAt: true } })).updatedAt;
      } else {
        if (!before) throw new AppError("NOT_FOUND", `工作日历中没有${input.year}年（可能已被删除）`);
        const bumped = await tx.calendarYear.updateMany({ where: { year: input.year, updatedAt: lockTime(input.lock) }, data: fields });
        if (bumped.count !== 1) throw new AppError("STALE");
        updatedAt = (await tx.calendarYear.findUniqueOrThrow({ where: { year: input.year }, select: { updatedAt: true } })).updatedAt;
        await tx.calendarDay.deleteMany({ where: { year: input.year } });
      }
      await tx.calendarDay.createMany({ data: input.days.map((day) => ({ ...day, year: input.year })) });
      await writeAudit(tx, {
        actor,
        action: "calendar.year_saved",
        entityType: ENTITY,
        entityId: String(input.year),
        before: before ?? undefined,
        after: snapshot(input, input.days),
        ip,
      });
      return { year: input.year, lock: updatedAt.toISOString(), created: before === null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `工作日历中已有${input.year}年，请到该年度页面修改`);
    }
    throw error;
  }
}

/** Deletes a draft year and its days; an official year must first be saved as a draft. */
export async function deleteCalendarYear(actor: Actor, rawInput: unknown, ip: string | null = null): Promise<{ year: number }> {
  requireCalendarAdmin(actor);
  const input = parseInput(deleteCalendarYearSchema, rawInput);
  return db().$transaction(async (tx) => {
    const before = await storedYear(tx, input.year);
    if (!before) throw new AppError("NOT_FOUND", `工作日历中没有${input.year}年（可能已被删除）`);
    if (before.status !== "draft") throw new AppError("CONFLICT", "正式年度不能删除；确需撤下时，请先将其改为草稿");
    const deleted = await tx.calendarYear.deleteMany({ where: { year: input.year, status: "draft", updatedAt: lockTime(input.lock) } });
    if (deleted.count !== 1) throw new AppError("STALE");
    await writeAudit(tx, {
      actor,
      action: "calendar.year_deleted",
      entityType: ENTITY,
      entityId: String(input.year),
      before,
      ip,
    });
    return { year: input.year };
  });
}

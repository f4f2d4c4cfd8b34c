import { isCalendarDate } from "@/lib/collection/deadline";
import { addWorkingDays, builtInCalendar, deadlineIso, FEEDBACK_WORKING_DAYS, missingYearMessage, type Calendar } from "../calendar/working-days";
import { expectPositional, parseArgs, requireFlag } from "./args";
import { printJson } from "./io";
import { invalid, type Command } from "./types";

export const MAX_DEADLINE_DAYS = 60;

function parseDays(value: string | undefined): number | string {
  if (value === undefined) return FEEDBACK_WORKING_DAYS;
  const days = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  return days >= 1 && days <= MAX_DEADLINE_DAYS ? days : `工作日数“${value}”无效，应为1–${MAX_DEADLINE_DAYS}的整数`;
}

/**
 * `deadline --from YYYY-MM-DD [--days 5]`: the end of the Nth working day after a delivery date,
 * by the built-in calendar (no database). A year without official data is exit 2, naming it.
 */
export function deadlineCommand(calendar: () => Calendar = builtInCalendar): Command {
  return {
    name: "deadline",
    usage: "--from YYYY-MM-DD [--days 5]",
    summary: `计算送达日（北京日期，不计入）后第N个工作日的截止时刻（默认N=${FEEDBACK_WORKING_DAYS}），按内置工作日历`,
    run: (args, io) => {
      const parsed = parseArgs(args, ["from", "days"]);
      expectPositional(parsed, 0, "参数 --from YYYY-MM-DD [--days N]，不带其他参数");
      const from = requireFlag(parsed, "from");
      const days = parseDays(parsed.flags.get("days"));
      const problems = [
        isCalendarDate(from) ? null : `送达日期“${from}”无效，应为 YYYY-MM-DD 格式的北京日期，如 2025-09-30`,
        typeof days === "string" ? days : null,
      ].filter((problem): problem is string => problem !== null);
      if (problems.length > 0 || typeof days === "string") throw invalid(problems.join("\n"));
      const result = addWorkingDays(calendar(), from, days);
      if (!result.ok) throw invalid(missingYearMessage(result));
      return printJson(io, { from, days, deadline: deadlineIso(result.date) });
    },
  };
}

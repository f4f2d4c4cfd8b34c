import { z } from "zod";
import { parseDayLines } from "./day-lines";

export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;
export const CALENDAR_PAGE_SIZE = 30;

export const YEAR_STATUS_LABELS = { official: "正式", draft: "草稿" } as const;

const year = z.coerce
  .number({ error: "请输入年度" })
  .int("年度应为整数")
  .min(CALENDAR_FIRST_YEAR, `年度应在${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}之间`)
  .max(CALENDAR_LAST_YEAR, `年度应在${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}之间`);

/** The stored row's updated_at (ISO) the form was read at; empty for a year not yet created. */
const lock = z.string().trim().max(40).default("");

/** Creates or replaces one year: its status, the notice it follows and its exceptional days. */
export const saveCalendarYearSchema = z
  .object({
    year,
    status: z.enum(["official", "draft"], { error: "请选择状态" }),
    source: z.string().trim().max(200, "依据不能超过200个字").default(""),
    days: z.string().max(20_000, "内容过长").default(""),
    lock,
  })
  .transform((input, ctx) => {
    const { days, problems } = parseDayLines(input.days, input.year);
    for (const message of problems) ctx.addIssue({ code: "custom", path: ["days"], message });
    if (input.status === "official") {
      if (!input.source) {
        ctx.addIssue({ code: "custom", path: ["source"], message: "正式年度须注明依据的通知，如“国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）”" });
      }
      if (problems.length === 0 && !days.some((day) => day.kind === "holiday")) {
        ctx.addIssue({ code: "custom", path: ["days"], message: "正式年度至少应有一个放假日" });
      }
    }
    return { year: input.year, status: input.status, source: input.source || null, days, lock: input.lock };
  });

export type SaveCalendarYearInput = z.output<typeof saveCalendarYearSchema>;

export const deleteCalendarYearSchema = z.object({ year, lock: z.string().trim().min(1, "缺少版本锁").max(40) });
export type DeleteCalendarYearInput = z.output<typeof deleteCalendarYearSchema>;

/** The list page's query string: only the page (newest year first). */
export const calendarListSchema = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1).catch(1) });

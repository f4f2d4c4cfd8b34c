import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { listQuerySchema } from "@/lib/list-query";
import type { FeedbackFacts } from "@/lib/feedback/state";
import { Prisma } from "@/prisma/generated/client/client";

/* The issuing page's numbers and its list of units (searched, sorted and paginated in SQL). */

export const ISSUE_PAGE_SIZE = 50;
export const ISSUE_STATES = ["ready", "issued", "unscored"] as const;
export type IssueState = (typeof ISSUE_STATES)[number];
export const ISSUE_STATE_LABELS: Readonly<Record<IssueState, string>> = { ready: "已评分待送达", issued: "已送达", unscored: "未评分" };

export const issueListSchema = listQuerySchema(["name", "total", "issued"] as const, "name").extend({
  state: z.enum(ISSUE_STATES).optional().catch(undefined),
});
export type IssueListQuery = z.infer<typeof issueListSchema>;

export type IssueCounts = Record<IssueState, number> & { enrolled: number };

export async function issueCounts(cycleId: string): Promise<IssueCounts> {
  const [row] = await db().$queryRaw<{ ready: number; issued: number; unscored: number; enrolled: number }[]>`
    SELECT count(*) FILTER (WHERE issued_at IS NULL AND current_result_id IS NOT NULL)::int AS ready,
           count(*) FILTER (WHERE issued_at IS NOT NULL)::int AS issued,
           count(*) FILTER (WHERE current_result_id IS NULL)::int AS unscored,
           count(*)::int AS enrolled
      FROM cycle_unit WHERE cycle_id = ${cycleId}`;
  return row ?? { ready: 0, issued: 0, unscored: 0, enrolled: 0 };
}

export type IssueRow = {
  id: string; name: string; uscc: string; total: string | null; grade: string | null; issuedAt: Date | null; state: IssueState;
  /** The unit's window (lib/feedback/state.ts derives its state from these and the clock). */
  feedback: FeedbackFacts;
};

export async function issueList(cycleId: string, query: IssueListQuery): Promise<{ rows: IssueRow[]; total: number }> {
  const state = query.state
    ? { ready: Prisma.sql`AND cu.issued_at IS NULL AND cu.current_result_id IS NOT NULL`, issued: Prisma.sql`AND cu.issued_at IS NOT NULL`, unscored: Prisma.sql`AND cu.current_result_id IS NULL` }[query.state]
    : Prisma.empty;
  const search = query.q ? Prisma.sql`AND (o.name ILIKE ${`%${query.q}%`} OR o.uscc ILIKE ${`%${query.q}%`})` : Prisma.empty;
  const dir = query.order === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const order = { name: Prisma.sql`o.name ${dir}`, total: Prisma.sql`r.total ${dir} NULLS LAST`, issued: Prisma.sql`cu.issued_at ${dir} NULLS LAST` }[query.sort];
  const where = Prisma.sql`WHERE cu.cycle_id = ${cycleId} ${state} ${search}`;
  const [rows, [count]] = await Promise.all([
    db().$queryRaw<{ id: string; name: string; uscc: string; total: Prisma.Decimal | null; grade: string | null; issued_at: Date | null; scored: boolean;
      feedback_ends_at: Date | null; confirmed_at: Date | null; request_status: "filed" | "withdrawn" | "decided" | null; filed_at: Date | null; withdrawn_at: Date | null; decided_at: Date | null }[]>`
      SELECT o.id, o.name, o.uscc, r.total, r.grade, cu.issued_at, cu.current_result_id IS NOT NULL AS scored,
             cu.feedback_ends_at, cu.confirmed_at, q.status::text AS request_status, q.filed_at, q.withdrawn_at, q.decided_at
        FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id LEFT JOIN unit_result r ON r.id = cu.current_result_id
        LEFT JOIN reevaluation_request q ON q.cycle_unit_id = cu.id
      ${where} ORDER BY ${order}, o.id LIMIT ${ISSUE_PAGE_SIZE} OFFSET ${(query.page - 1) * ISSUE_PAGE_SIZE}`,
    db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id ${where}`,
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id, name: r.name, uscc: r.uscc, total: r.total === null ? null : Number(r.total).toFixed(2), grade: r.grade, issuedAt: r.issued_at,
      state: r.issued_at ? "issued" : r.scored ? "ready" : "unscored",
      feedback: {
        issuedAt: r.issued_at, feedbackEndsAt: r.feedback_ends_at, confirmedAt: r.confirmed_at,
        request: r.request_status && r.filed_at ? { status: r.request_status, filedAt: r.filed_at, withdrawnAt: r.withdrawn_at, decidedAt: r.decided_at } : null,
      },
    })),
    total: count?.n ?? 0,
  };
}

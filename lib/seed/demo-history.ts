// The demo's archived years (2023, 2024): each played on its own dates with the application's own
// commands — scored, issued, two units confirm, one unit's request is decided, the rest lapse, the
// cycle approved and archived with its volume — so the dossiers hold several years side by side
// and the rectification of the older year is under way.
import { decideApproval, openApproval } from "@/lib/archive/approval";
import { executeArchive, startArchive } from "@/lib/archive/archive";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/prisma";
import { completeReview, decideItem } from "@/lib/feedback/decide";
import { confirmResult, fileRequest } from "@/lib/feedback/mutations";
import { issueReports } from "@/lib/reports/mutations";
import { runScoring } from "@/lib/results/run";
import { asOf, seedCollectedCycle } from "./demo-cycle";

export const DEMO_ARCHIVED_YEARS = [2023, 2024] as const;

async function actor(prisma: PrismaClient, username: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { username }, include: { organisation: { select: { name: true } } } });
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, organisationId: user.organisationId, organisationName: user.organisation.name, mustChangePassword: false };
}

async function must<T>(outcome: Promise<T & { ok: boolean }>, what: string): Promise<T> {
  const result = await outcome;
  if (!result.ok) throw new Error(`演示数据：${what}失败 ${JSON.stringify(result).slice(0, 500)}`);
  return result;
}

export async function seedDemoArchivedCycle(prisma: PrismaClient, year: number): Promise<{ cycleId: string }> {
  const [office1, office2, reviewer, fgw, jyj, xfj] = await Promise.all(["office1", "office2", "reviewer", "unit-fgw", "unit-jyj", "unit-xfj"].map((u) => actor(prisma, u)));
  const { cycleId } = await seedCollectedCycle(prisma, year);
  await asOf(`${year}-12-05T02:00:00Z`, () => must(runScoring(prisma, office1!, { cycleId }), `${year}年评分`));
  await asOf(`${year}-12-08T02:00:00Z`, () => issueReports(prisma, office1!, { cycleId }));
  await asOf(`${year}-12-09T02:00:00Z`, async () => {
    await confirmResult(prisma, fgw!, { cycleId });
    await confirmResult(prisma, jyj!, { cycleId });
    const scored = await prisma.cycleUnit.findFirstOrThrow({ where: { cycleId, organisationId: xfj!.organisationId }, include: { issuedResult: true } });
    const indicators = scored.issuedResult!.indicators as unknown as { code: string; score: string | null; max: string }[];
    const disputed = indicators.find((i) => i.score !== null && Number(i.score) < Number(i.max)) ?? indicators[0]!;
    const { requestId } = await fileRequest(prisma, xfj!, { cycleId, items: [{ indicatorCode: disputed.code, reason: "该项扣分所依据的信访事项已于当年办结，申请复核。" }] });
    await decideItem(prisma, office2!, { cycleId, requestId, indicatorCode: disputed.code, decision: "rejected", reason: "理由和证明材料不充分" });
    await completeReview(prisma, office2!, { cycleId, requestId });
  });
  const { version } = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { version: true } });
  await asOf(`${year}-12-21T02:00:00Z`, () => openApproval(prisma, office1!, { cycleId, version }));
  await asOf(`${year}-12-23T02:00:00Z`, () => decideApproval(prisma, reviewer!, { cycleId, decision: "approved", comment: "评价程序规范，结果客观，同意。" }));
  await asOf(`${year}-12-25T02:00:00Z`, async () => {
    const { jobId } = await startArchive(prisma, office1!, { cycleId });
    const outcome = await executeArchive(prisma, office1!, jobId);
    if (!outcome.ok || !outcome.volume.ok) throw new Error(`演示数据：${year}年归档失败 ${JSON.stringify(outcome)}`);
  });
  // Old notices would only clutter the demo users' inboxes.
  await prisma.notification.deleteMany({ where: { OR: [{ link: { contains: cycleId } }, { link: "/unit/dossier" }] } });
  return { cycleId };
}

/** The older year's rectification of the demo unit 市发改委: one item finished and accepted, one under way. */
export async function seedDemoRectification(prisma: PrismaClient, year: number): Promise<void> {
  const fgw = await prisma.user.findUniqueOrThrow({ where: { username: "unit-fgw" } });
  const office = await prisma.user.findUniqueOrThrow({ where: { username: "office1" } });
  const items = await prisma.rectification.findMany({ where: { organisationId: fgw.organisationId, year }, orderBy: { position: "asc" }, take: 2 });
  if (items[0]) {
    await prisma.rectification.update({
      where: { id: items[0].id },
      data: { status: "done", measures: "已修订本单位诚信建设制度并在门户网站公开。", doneOn: `${year + 1}-03-15`, updatedById: fgw.id, updatedAt: new Date(`${year + 1}-03-15T02:00:00Z`), review: "accepted", reviewComment: "整改到位。", reviewedById: office.id, reviewedAt: new Date(`${year + 1}-03-20T02:00:00Z`), version: { increment: 1 } },
    });
  }
  if (items[1]) {
    await prisma.rectification.update({
      where: { id: items[1].id },
      data: { status: "in_progress", measures: "正在开展专项培训，计划年内完成。", dueOn: `${year + 1}-12-31`, updatedById: fgw.id, updatedAt: new Date(`${year + 1}-04-10T02:00:00Z`), review: "pending", version: { increment: 1 } },
    });
  }
}

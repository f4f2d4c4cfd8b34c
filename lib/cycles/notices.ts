import { formatDateCn, now } from "@/lib/clock";
import { endOfBeijingDay, isPastDeadline } from "@/lib/collection/deadline";
import type { Tx } from "@/lib/db/prisma";
import { notifyUsers } from "@/lib/notifications/mutations";

const CHUNK = 5000;

async function notifyInChunks(tx: Tx, userIds: string[], notice: Parameters<typeof notifyUsers>[2]): Promise<number> {
  let count = 0;
  for (let i = 0; i < userIds.length; i += CHUNK) count += await notifyUsers(tx, userIds.slice(i, i + CHUNK), notice);
  return count;
}

/**
 * Tells the assigned sources' users and the enrolled units' users that collection is open: two
 * queries for the recipients (the units' through a join, never a list of 50,000 ids) and bulk inserts.
 */
export async function notifyCollectionOpened(
  tx: Tx,
  cycle: { id: string; name: string; collectionDeadline: string; commitmentsDeadline: string },
  sourceOrgIds: string[],
): Promise<number> {
  const collectionBy = formatDateCn(endOfBeijingDay(cycle.collectionDeadline));
  const commitmentsBy = formatDateCn(endOfBeijingDay(cycle.commitmentsDeadline));
  const sourceUsers = await tx.user.findMany({
    where: { active: true, roles: { has: "source" }, organisationId: { in: sourceOrgIds } },
    select: { id: true },
  });
  const unitUsers = await tx.user.findMany({
    where: { active: true, roles: { has: "unit" }, organisation: { cycleUnits: { some: { cycleId: cycle.id } } } },
    select: { id: true },
  });
  const toSources = await notifyInChunks(tx, sourceUsers.map((u) => u.id), {
    kind: "cycle.collection_opened",
    title: `${cycle.name}开始数据归集`,
    body: `请按分配的指标为每个受评单位报送数据（记录、数值或“无”）并上传佐证材料，截止日期为${collectionBy}。`,
    link: "/collect",
  });
  const toUnits = await notifyInChunks(tx, unitUsers.map((u) => u.id), {
    kind: "cycle.collection_opened",
    title: `${cycle.name}开始数据归集`,
    body: isPastDeadline(cycle.commitmentsDeadline, now())
      ? `本单位已纳入评价。请在${collectionBy}前上传自查自评报告；年度政务承诺的截止日期（${commitmentsBy}）已过，尚未上传的请尽快上传。`
      : `本单位已纳入评价。请在${commitmentsBy}前上传年度政务承诺，在${collectionBy}前上传自查自评报告。`,
    link: "/unit",
  });
  return toSources + toUnits;
}

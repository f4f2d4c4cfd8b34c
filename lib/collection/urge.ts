import "server-only";
import { z } from "zod";
import { writeAudit, writeAuditMany } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { formatDateCn, now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { notifyOrganisation } from "@/lib/notifications/mutations";
import { loadCycleSlots, missingBySource } from "./completeness";
import { isPastDeadline } from "./deadline";

/*
 * Urging a late source or unit, and the bad record (不良记录) of a party still late after being
 * urged (seed 000 Art. 15). An urge is an in-app notice to the party's users now, and an e-mail
 * where SMTP is configured (it is not: see mailer.ts); its time is recorded in `urge`.
 */

// E-mail: there is no mail library and no SMTP setting in this deployment, so the only mailer
// records "邮件未配置" and sends nothing; an SMTP mailer would implement the same interface.
export type MailMessage = { to: string[]; subject: string; text: string };
export interface Mailer {
  readonly configured: boolean;
  send(message: MailMessage): Promise<{ sent: boolean; note: string }>;
}
export const unconfiguredMailer: Mailer = { configured: false, send: async () => ({ sent: false, note: "邮件未配置" }) };
export function configuredMailer(): Mailer {
  return unconfiguredMailer;
}

const id = (what: string) => z.string({ error: `缺少${what}` }).trim().min(1, `缺少${what}`).max(60, `${what}标识无效`);
export const urgeSchema = z.object({
  cycleId: id("评价周期"),
  targetOrgId: id("催办对象"),
  targetRole: z.enum(["source", "unit"], { error: "催办对象类型无效" }),
  message: z.string().trim().max(300, "催办说明不能超过300个字").optional().transform((v) => v || undefined),
});
export type UrgeInput = z.input<typeof urgeSchema>;
export const partySchema = urgeSchema.pick({ cycleId: true, targetOrgId: true, targetRole: true });
export const cycleOnlySchema = z.object({ cycleId: id("评价周期") });

type Party = { targetOrgId: string; targetRole: "source" | "unit" };
type CycleRow = { id: string; name: string; status: string; collectionDeadline: string; commitmentsDeadline: string };

/** "2026-12-01" → "2026年12月1日" (a Beijing calendar date). */
function dateCn(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function requireOffice(actor: Actor): void {
  if (!hasPermission(actor.roles, "manage:cycles:any")) throw new AppError("NOT_FOUND");
}

async function lockCycle(tx: Tx, cycleId: string): Promise<CycleRow> {
  const rows = await tx.$queryRaw<CycleRow[]>`
    SELECT id, name, status::text AS status, collection_deadline AS "collectionDeadline", commitments_deadline AS "commitmentsDeadline"
      FROM cycle WHERE id = ${cycleId} FOR SHARE`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  return rows[0];
}

/** What the party still owes, in words, or null when it owes nothing. */
async function owed(tx: Tx, cycle: CycleRow, party: Party, missingBySrc?: Map<string, number>): Promise<{ name: string; owes: string | null }> {
  const org = await tx.organisation.findUnique({ where: { id: party.targetOrgId }, select: { name: true } });
  if (party.targetRole === "source") {
    const assigned = await tx.sourceAssignment.count({ where: { cycleId: cycle.id, sourceOrgId: party.targetOrgId } });
    if (!org || assigned === 0) throw new AppError("NOT_FOUND");
    const missing = (missingBySrc ?? (await missingBySource(tx, cycle.id, await loadCycleSlots(tx, cycle.id)))).get(party.targetOrgId) ?? 0;
    const submission = await tx.submission.findUnique({ where: { cycleId_sourceOrgId: { cycleId: cycle.id, sourceOrgId: party.targetOrgId } }, select: { status: true } });
    if (missing > 0) return { name: org.name, owes: `尚有${missing}项数据未填报` };
    return { name: org.name, owes: submission?.status === "submitted" ? null : "数据已填报但尚未提交" };
  }
  const enrolled = await tx.cycleUnit.findUnique({ where: { cycleId_organisationId: { cycleId: cycle.id, organisationId: party.targetOrgId } }, select: { id: true } });
  if (!org || !enrolled) throw new AppError("NOT_FOUND");
  const docs = await tx.unitDocument.findMany({ where: { cycleId: cycle.id, unitId: party.targetOrgId }, select: { kind: true }, distinct: ["kind"] });
  const missing = [
    docs.some((d) => d.kind === "self_assessment") ? null : "自查自评报告",
    docs.some((d) => d.kind === "commitments") ? null : "年度政务承诺",
  ].filter(Boolean);
  return { name: org.name, owes: missing.length > 0 ? `尚未上传${missing.join("和")}` : null };
}

/** In-app notice now (inside the transaction), e-mail after commit where configured. */
export async function urgeParty(actor: Actor, raw: unknown, ip?: string | null, mailer: Mailer = configuredMailer()): Promise<{ urgeId: string; notified: number; email: string }> {
  requireOffice(actor);
  const input = urgeSchema.parse(raw);
  const result = await db().$transaction(async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    if (cycle.status !== "collecting") throw new AppError("CONFLICT", "该评价周期不在数据归集阶段，无需催办");
    const { name, owes } = await owed(tx, cycle, input);
    if (!owes) throw new AppError("CONFLICT", `${name}已完成报送，无需催办`);
    const deadline = input.targetRole === "unit" && owes.includes("政务承诺") ? cycle.commitmentsDeadline : cycle.collectionDeadline;
    const message = input.message ?? `${owes}，请于${dateCn(deadline)}前完成。逾期经督促仍未报送的，将记入不良记录（评价办法第十五条）。`;
    const urge = await tx.urge.create({ data: { cycleId: cycle.id, targetOrgId: input.targetOrgId, targetRole: input.targetRole, message, urgedById: actor.id, urgedAt: now() } });
    const link = input.targetRole === "source" ? `/collect/${cycle.id}` : `/unit/${cycle.id}`;
    const notified = await notifyOrganisation(tx, input.targetOrgId, { kind: "collection.urged", title: `信用办催办：${cycle.name}`, body: message, link }, input.targetRole);
    const email = mailer.configured ? "待发送" : "邮件未配置";
    await writeAudit(tx, { actor, action: "collection.urged", entityType: "urge", entityId: urge.id, after: { targetOrgId: input.targetOrgId, targetRole: input.targetRole, message }, meta: { cycleId: cycle.id, target: name, notified, email }, ip });
    return { urgeId: urge.id, notified, email, subject: `信用办催办：${cycle.name}`, message };
  });
  if (!mailer.configured) return { urgeId: result.urgeId, notified: result.notified, email: result.email };
  const users = await db().user.findMany({ where: { organisationId: input.targetOrgId, active: true, roles: { has: input.targetRole }, email: { not: null } }, select: { email: true } });
  const sent = await mailer.send({ to: users.map((u) => u.email!), subject: result.subject, text: result.message });
  if (sent.sent) await db().urge.update({ where: { id: result.urgeId }, data: { emailedAt: now() } });
  return { urgeId: result.urgeId, notified: result.notified, email: sent.note };
}

// ---- Bad records after urging ------------------------------------------------------------------

export type LateParty = Party & { name: string; urgedAt: Date; owes: string };
const BAD_KIND = { source: "late_source", unit: "late_unit" } as const;

/**
 * Parties urged at least once whose deadline has passed (a reopened source's reopening too) and who
 * still owe something, without a bad record for this cycle yet.
 */
export async function latePartiesAfterUrge(tx: Tx, cycleId: string, at: Date): Promise<LateParty[]> {
  const cycle = await lockCycle(tx, cycleId);
  const [urged, recorded] = await Promise.all([
    tx.urge.groupBy({ by: ["targetOrgId", "targetRole"], where: { cycleId, urgedAt: { lte: at } }, _max: { urgedAt: true } }),
    tx.badRecord.findMany({ where: { cycleId, kind: { in: Object.values(BAD_KIND) } }, select: { organisationId: true, kind: true } }),
  ]);
  const done = new Set(recorded.map((r) => `${r.organisationId}|${r.kind}`));
  const pastCollection = isPastDeadline(cycle.collectionDeadline, at);
  const reopened = new Set((await tx.submission.findMany({ where: { cycleId, reopenedUntil: { gt: at } }, select: { sourceOrgId: true } })).map((s) => s.sourceOrgId));
  const missing = urged.some((u) => u.targetRole === "source") ? await missingBySource(tx, cycleId, await loadCycleSlots(tx, cycleId)) : new Map<string, number>();
  const late: LateParty[] = [];
  for (const u of urged) {
    const role = u.targetRole === "unit" ? "unit" : "source";
    if (done.has(`${u.targetOrgId}|${BAD_KIND[role]}`)) continue;
    if (role === "source" && (!pastCollection || reopened.has(u.targetOrgId))) continue;
    const party = { targetOrgId: u.targetOrgId, targetRole: role } as const;
    const { name, owes } = await owed(tx, cycle, party, missing);
    if (!owes) continue;
    if (role === "unit") {
      const lateNow = (owes.includes("自查自评") && pastCollection) || (owes.includes("政务承诺") && isPastDeadline(cycle.commitmentsDeadline, at));
      if (!lateNow) continue;
    }
    late.push({ ...party, name, urgedAt: u._max.urgedAt!, owes });
  }
  return late;
}

function badReason(cycle: CycleRow, party: LateParty, at: Date): string {
  const base = `${cycle.name}：经信用办于${formatDateCn(party.urgedAt)}督促，截至${formatDateCn(at)}仍${party.owes.replace(/^尚/, "")}，依据评价办法第十五条记入不良记录`;
  return party.targetRole === "unit" ? `${base}；该单位按信用办掌握的信息进行评价。` : `${base}。`;
}

/**
 * Bad records for late parties inside the caller's transaction (the close of collection may call it);
 * `only` limits it to one party, which must then be eligible.
 */
export async function recordBadRecordsInTx(tx: Tx, actor: Actor, cycleId: string, at: Date, ip?: string | null, only?: Party): Promise<LateParty[]> {
  // One office member at a time per cycle: two clicks never record the same party twice.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bad-record:${cycleId}`}))`;
  const cycle = await lockCycle(tx, cycleId);
  let late = await latePartiesAfterUrge(tx, cycleId, at);
  if (only) {
    late = late.filter((p) => p.targetOrgId === only.targetOrgId && p.targetRole === only.targetRole);
    if (late.length === 0) throw new AppError("CONFLICT", "该单位不符合记录不良记录的条件：须曾被催办、已过截止日期且仍未完成报送，并且本周期尚未记录过");
  }
  if (late.length === 0) return [];
  const rows = late.map((p) => ({ organisationId: p.targetOrgId, cycleId, kind: BAD_KIND[p.targetRole], reason: badReason(cycle, p, at), createdById: actor.id, createdAt: at }));
  const created = await tx.badRecord.createManyAndReturn({ data: rows, select: { id: true, organisationId: true, kind: true, reason: true } });
  for (const record of created) {
    const role = record.kind === BAD_KIND.unit ? "unit" : "source";
    await notifyOrganisation(tx, record.organisationId, { kind: "collection.bad_record", title: `记入不良记录：${cycle.name}`, body: record.reason, link: role === "unit" ? `/unit/${cycleId}` : `/collect/${cycleId}` }, role);
  }
  await writeAuditMany(tx, created.map((r) => ({ actor, action: "collection.bad_record", entityType: "bad_record", entityId: r.id, after: { organisationId: r.organisationId, kind: r.kind, reason: r.reason }, meta: { cycleId }, ip })));
  return late;
}

export async function recordBadRecord(actor: Actor, raw: unknown, ip?: string | null): Promise<LateParty> {
  requireOffice(actor);
  const input = partySchema.parse(raw);
  const [party] = await db().$transaction((tx) => recordBadRecordsInTx(tx, actor, input.cycleId, now(), ip, input));
  return party!;
}

export async function recordAllBadRecords(actor: Actor, raw: unknown, ip?: string | null): Promise<LateParty[]> {
  requireOffice(actor);
  const input = cycleOnlySchema.parse(raw);
  return db().$transaction((tx) => recordBadRecordsInTx(tx, actor, input.cycleId, now(), ip));
}

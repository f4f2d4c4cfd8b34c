import "server-only";
import { randomUUID } from "node:crypto";
import { writeAudit, writeAuditMany, type AuditEntry } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { insertAccount, prepareOneTimePassword, type OneTimeCredential } from "@/lib/users/mutations";
import { freeUsername, unitAccountDisplayName, unitUsername } from "./accounts";
import { checkAndPlan, readUnitList } from "./check";
import type { IssuedUnitAccount } from "./credentials-xlsx";
import type { ExistingOrg } from "./data";
import type { PlanItem, UnitImportPlan } from "./plan";

export interface ApplyUnitImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** The preview's fingerprint: the import refuses when the plan computed now differs. */
  fingerprint: string;
  createAccounts: boolean;
}

export interface UnitImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** One per new unit when asked for; the passwords exist only in this answer. */
  accounts: IssuedUnitAccount[];
}

const STALE_MESSAGE = "预览之后单位数据已有变化（他人修改了单位或导入了名单），本次导入未做任何更改；请重新上传并核对预览";

async function plannedOrRefused(client: Parameters<typeof checkAndPlan>[0], table: Awaited<ReturnType<typeof readUnitList>>, fingerprint: string): Promise<UnitImportPlan> {
  const { check, plan } = await checkAndPlan(client, table);
  if (!plan) throw new AppError("INVALID", `名单有${check.problems.length}个问题，请修改后重新上传`);
  if (plan.fingerprint !== fingerprint) throw new AppError("STALE", STALE_MESSAGE);
  return plan;
}

function snapshot(item: PlanItem, id: string, parentId: string | null) {
  const { name, kind, legalRep, phone, email, note, roles } = item.values;
  return { id, name, shortName: item.existing?.shortName ?? null, kind, uscc: item.uscc, parentId, legalRep, phone, email, note, roles, active: true };
}

function existingSnapshot(org: ExistingOrg) {
  const { id, name, shortName, kind, uscc, parentId, legalRep, phone, email, note, roles, active } = org;
  return { id, name, shortName, kind, uscc, parentId, legalRep, phone, email, note, roles, active };
}

/** Every changed unit in ONE statement, each guarded by the version the preview saw. */
async function updateChanged(tx: Tx, updates: readonly PlanItem[], parentIdOf: (item: PlanItem) => string | null): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map(({ existing, values, ...item }) => ({
    id: existing!.id,
    version: existing!.version,
    name: values.name,
    kind: values.kind,
    legal_rep: values.legalRep,
    phone: values.phone,
    email: values.email,
    note: values.note,
    roles: values.roles,
    parent_id: parentIdOf({ existing, values, ...item }),
  }));
  const count = await tx.$executeRaw`
    UPDATE organisation AS o
       SET name = v.name, kind = v.kind::"UnitKind", legal_rep = v.legal_rep, phone = v.phone, email = v.email,
           note = v.note, roles = v.roles::"OrgRole"[], parent_id = v.parent_id, version = o.version + 1, updated_at = now()
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
           AS v(id text, version int, name text, kind text, legal_rep text, phone text, email text, note text, roles text[], parent_id text)
     WHERE o.id = v.id AND o.version = v.version`;
  if (count !== updates.length) throw new AppError("STALE", STALE_MESSAGE);
}

async function writeOrganisations(tx: Tx, actor: Actor, plan: UnitImportPlan, meta: Record<string, unknown>, ip: string | null) {
  const ids = new Map(plan.items.map((i) => [i.uscc, i.existing?.id ?? randomUUID()]));
  const parentIdOf = (item: PlanItem) => (item.parent ? (item.parent.type === "existing" ? item.parent.id : ids.get(item.parent.uscc)!) : null);
  const creates = plan.items.filter((i) => i.action === "create");
  const updates = plan.items.filter((i) => i.action === "update");
  // Parents come before their children in plan order, so even a batched insert never points at a missing row.
  await tx.organisation.createMany({
    data: creates.map((item) => ({ ...item.values, id: ids.get(item.uscc)!, uscc: item.uscc, parentId: parentIdOf(item) })),
  });
  await updateChanged(tx, updates, parentIdOf);
  await writeAuditMany(tx, [
    ...creates.map((item): AuditEntry => {
      const id = ids.get(item.uscc)!;
      return { actor, action: "org.create", entityType: "organisation", entityId: id, after: snapshot(item, id, parentIdOf(item)), meta: { ...meta, row: item.row }, ip };
    }),
    ...updates.map((item): AuditEntry => ({
      actor,
      action: "org.update",
      entityType: "organisation",
      entityId: item.existing!.id,
      before: existingSnapshot(item.existing!),
      after: snapshot(item, item.existing!.id, parentIdOf(item)),
      meta: { ...meta, row: item.row, changed: item.changes.map((c) => c.field) },
      ip,
    })),
  ]);
  return ids;
}

async function createAccounts(tx: Tx, actor: Actor, creates: readonly PlanItem[], ids: Map<string, string>, credentials: readonly OneTimeCredential[], ip: string | null) {
  const bases = creates.map((c) => unitUsername(c.uscc));
  const taken = await tx.$queryRaw<{ u: string }[]>`
    SELECT lower(username) AS u FROM app_user WHERE lower(regexp_replace(username, '-[0-9]+$', '')) = ANY(${bases}::text[])`;
  const takenSet = new Set(taken.map((t) => t.u));
  const issued: IssuedUnitAccount[] = [];
  for (const [i, item] of creates.entries()) {
    const username = freeUsername(bases[i]!, takenSet);
    const organisationId = ids.get(item.uscc)!;
    const displayName = unitAccountDisplayName(item.values.name);
    const { id } = await insertAccount(tx, { username, displayName, email: null, organisationId, roles: ["unit"] }, credentials[i]!);
    await writeAudit(tx, {
      actor,
      action: "user.created",
      entityType: "user",
      entityId: id,
      after: { id, username, displayName, email: null, organisationId, organisationName: item.values.name, roles: ["unit"], active: true, mustChangePassword: true },
      meta: { via: "unit_import" },
      ip,
    });
    issued.push({ organisationName: item.values.name, uscc: item.uscc, username, password: credentials[i]!.password });
  }
  return issued;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Applies a previewed unit list all or nothing: the plan is computed again inside ONE transaction
 * and must match the preview's fingerprint; new units are inserted in bulk (parents first),
 * changed ones updated against the version the preview saw; every created or changed unit gets an
 * audit row (before/after) and the import one more (counts, file name).
 */
export async function applyUnitImport(actor: Actor, input: ApplyUnitImportInput, ip: string | null): Promise<UnitImportResult> {
  const table = await readUnitList(input.bytes, input.fileName);
  const preview = await plannedOrRefused(db(), table, input.fingerprint);
  // Hashing is slow on purpose (scrypt); do it before the transaction holds any lock.
  const credentials = input.createAccounts ? await Promise.all(Array.from({ length: preview.counts.create }, () => prepareOneTimePassword())) : [];
  try {
    return await db().$transaction(
      async (tx) => {
        const plan = await plannedOrRefused(tx, table, input.fingerprint);
        const meta = { via: "unit_import", fileName: input.fileName };
        const ids = await writeOrganisations(tx, actor, plan, meta, ip);
        const creates = plan.items.filter((i) => i.action === "create");
        const accounts = input.createAccounts ? await createAccounts(tx, actor, creates, ids, credentials, ip) : [];
        const result = { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged, accounts };
        await writeAudit(tx, {
          actor,
          action: "org.import",
          entityType: "organisation",
          meta: { fileName: input.fileName, rows: plan.items.length, created: result.created, updated: result.updated, unchanged: result.unchanged, accounts: accounts.length, fingerprint: plan.fingerprint },
          ip,
        });
        return result;
      },
      { timeout: 180_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${STALE_MESSAGE}（统一社会信用代码或用户名已被占用）`);
    throw error;
  }
}

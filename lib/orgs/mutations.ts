import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/prisma/generated/client/client";
import { parentProblem } from "./hierarchy";
import type { OrgRole, UnitKind } from "./kinds";
import type { OrgEditInput, OrgFormInput } from "./schema";

const AUDITED = ["name", "shortName", "kind", "uscc", "parentId", "legalRep", "phone", "email", "note", "roles", "active"] as const;

function snapshot(org: Record<(typeof AUDITED)[number], unknown>) {
  return Object.fromEntries(AUDITED.map((k) => [k, org[k]]));
}

async function checkFields(tx: Tx, input: OrgFormInput, selfId: string | null): Promise<void> {
  const problems: Record<string, string[]> = {};
  if (input.parentId) {
    const parent = await tx.organisation.findUnique({ where: { id: input.parentId }, select: { id: true, kind: true, active: true } });
    if (!parent || !parent.active) problems.parentId = ["上级单位不存在或已停用"];
    else if (parent.id === selfId) problems.parentId = ["不能把单位自己设为上级单位"];
    else {
      const message = parentProblem(input.kind, parent.kind as UnitKind);
      if (message) problems.parentId = [message];
    }
  }
  const clash = await tx.organisation.findFirst({
    where: { OR: [{ uscc: input.uscc }, { name: input.name, active: true }], ...(selfId ? { NOT: { id: selfId } } : {}) },
    select: { uscc: true, name: true },
  });
  if (clash?.uscc === input.uscc) problems.uscc = [`统一社会信用代码 ${input.uscc} 已属于“${clash.name}”`];
  else if (clash) problems.name = [`已有同名的在用单位“${input.name}”`];
  if (selfId) {
    const children = await tx.organisation.findMany({ where: { parentId: selfId, active: true }, select: { kind: true } });
    if (children.some((c) => parentProblem(c.kind as UnitKind, input.kind) !== null)) {
      problems.kind = ["该单位有下级单位，改成此类别后层级不成立，请先调整下级单位"];
    }
  }
  if (Object.keys(problems).length > 0) throw new AppError("INVALID", "提交的内容有误，请按提示修改", problems);
}

function uniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", "统一社会信用代码已被其他单位使用", { uscc: ["统一社会信用代码已被其他单位使用"] });
  }
  throw error;
}

export async function createOrganisation(actor: Actor, input: OrgFormInput, ip: string | null): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      await checkFields(tx, input, null);
      const org = await tx.organisation.create({ data: { ...input, roles: input.roles as OrgRole[] } });
      await writeAudit(tx, { actor, action: "org.create", entityType: "organisation", entityId: org.id, after: snapshot(org), ip });
      return { id: org.id };
    });
  } catch (error) {
    uniqueViolation(error);
  }
}

export async function updateOrganisation(actor: Actor, input: OrgEditInput, ip: string | null): Promise<void> {
  const { id, expectedVersion, ...fields } = input;
  try {
    await db().$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({ where: { id } });
      if (!before) throw new AppError("NOT_FOUND");
      await checkFields(tx, fields, id);
      const updated = await tx.organisation.updateMany({
        where: { id, version: expectedVersion },
        data: { ...fields, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError("STALE");
      const after = await tx.organisation.findUniqueOrThrow({ where: { id } });
      await writeAudit(tx, { actor, action: "org.update", entityType: "organisation", entityId: id, before: snapshot(before), after: snapshot(after), ip });
    });
  } catch (error) {
    uniqueViolation(error);
  }
}

/** Deactivates or reactivates; never deletes. Users of an inactive organisation cannot sign in. */
export async function setOrganisationActive(
  actor: Actor,
  input: { id: string; active: boolean; expectedVersion: number; reason: string },
  ip: string | null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const org = await tx.organisation.findUnique({ where: { id: input.id }, include: { parent: { select: { active: true } } } });
    if (!org) throw new AppError("NOT_FOUND");
    if (!input.active) {
      const activeChildren = await tx.organisation.count({ where: { parentId: org.id, active: true } });
      if (activeChildren > 0) throw new AppError("CONFLICT", `该单位还有${activeChildren}个在用的下级单位，请先停用或调整它们`);
      if (org.roles.includes("office") && org.id === actor.organisationId) throw new AppError("FORBIDDEN", "不能停用您自己所在的信用办");
    } else if (org.parent && !org.parent.active) {
      throw new AppError("CONFLICT", "上级单位已停用，请先启用上级单位");
    }
    const updated = await tx.organisation.updateMany({
      where: { id: org.id, version: input.expectedVersion },
      data: { active: input.active, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("STALE");
    await writeAudit(tx, {
      actor,
      action: input.active ? "org.reactivate" : "org.deactivate",
      entityType: "organisation",
      entityId: org.id,
      before: { active: org.active },
      after: { active: input.active },
      meta: { reason: input.reason },
      ip,
    });
  });
}

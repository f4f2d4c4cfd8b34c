import { writeAudit } from "@/lib/audit/mutations";
import type { PrismaClient } from "@/lib/db/prisma";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { defaultAssignments, type UnmatchedSource } from "../defaults";
import { ENTITY, lockCycle, parseInput, type ActingUser } from "../lock";
import { setAssignmentSchema, versionedSchema, type SetAssignmentInput, type VersionedInput } from "../schema";
import { assignmentsOf, schemesOfCycle } from "../setup";

/*
 * Source assignments: which source department reports which slot (indicator or sub-item) of each
 * scheme in use. Records slots may have several sources whose records combine; a value slot has
 * exactly one lead (the one whose value counts). Both are checked again when collection opens.
 */

const slotKeyOf = (a: { schemeVersionId: string; indicatorCode: string; subKey: string }) => `${a.schemeVersionId}|${a.indicatorCode}|${a.subKey}`;

function activeSources(tx: Tx) {
  return tx.organisation.findMany({ where: { active: true, roles: { has: "source" } }, select: { id: true, name: true, shortName: true } });
}

export type DefaultsOutcome = { version: number; created: number; leadsSet: number; unmatched: UnmatchedSource[] };

/**
 * Adds the schemes' default sources (matched by short name, else full name); existing assignments
 * stay. A value slot without a lead gets the first matched source as lead.
 */
export async function applyDefaultAssignments(client: PrismaClient, actor: ActingUser, input: VersionedInput, ip: string | null = null): Promise<DefaultsOutcome> {
  const data = parseInput(versionedSchema, input);
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion, "assignments");
    const schemes = await schemesOfCycle(tx, cycle.id);
    if (schemes.length === 0) throw new AppError("CONFLICT", "请先为受评单位类别选择指标体系");
    const [orgs, existing] = await Promise.all([activeSources(tx), assignmentsOf(tx, cycle.id)]);
    const assigned = new Set(existing.map((a) => `${slotKeyOf(a)}|${a.sourceOrgId}`));
    const hasLead = new Set(existing.filter((a) => a.lead).map(slotKeyOf));
    const create: { schemeVersionId: string; indicatorCode: string; subKey: string; sourceOrgId: string; lead: boolean }[] = [];
    const promote: typeof create = [];
    const unmatched = new Map<string, Set<string>>();
    const done = new Set<string>();
    for (const scheme of schemes) {
      if (done.has(scheme.schemeVersionId)) continue;
      done.add(scheme.schemeVersionId);
      const defaults = defaultAssignments(scheme.fullSlots, orgs);
      for (const u of defaults.unmatched) unmatched.set(u.name, new Set([...(unmatched.get(u.name) ?? []), ...u.slots]));
      for (const d of defaults.assignments) {
        const row = { schemeVersionId: scheme.schemeVersionId, ...d };
        const key = slotKeyOf(row);
        const lead = d.lead && !hasLead.has(key);
        if (lead) hasLead.add(key);
        if (!assigned.has(`${key}|${d.sourceOrgId}`)) create.push({ ...row, lead });
        else if (lead) promote.push(row);
      }
    }
    const created = await tx.sourceAssignment.createMany({ data: create.map((row) => ({ cycleId: cycle.id, ...row })), skipDuplicates: true });
    for (const row of promote) {
      await tx.sourceAssignment.updateMany({ where: { cycleId: cycle.id, ...row, lead: false }, data: { lead: true } });
    }
    const outcome = {
      created: created.count,
      leadsSet: promote.length + create.filter((c) => c.lead).length,
      unmatched: [...unmatched].map(([name, slots]) => ({ name, slots: [...slots] })),
    };
    await writeAudit(tx, { actor, action: "cycle.default_assignments_applied", entityType: ENTITY, entityId: cycle.id, after: { version: cycle.version }, meta: outcome, ip });
    return { version: cycle.version, ...outcome };
  });
}

/** Adds or removes one source of one slot, or makes it the slot's lead. */
export async function setAssignment(client: PrismaClient, actor: ActingUser, input: SetAssignmentInput, ip: string | null = null): Promise<{ version: number }> {
  const data = parseInput(setAssignmentSchema, input);
  return client.$transaction(async (tx) => {
    const cycle = await lockCycle(tx, data.cycleId, data.expectedVersion, "assignments");
    const scheme = (await schemesOfCycle(tx, cycle.id)).find((s) => s.schemeVersionId === data.schemeVersionId);
    const slot = scheme?.slots.find((s) => s.indicatorCode === data.indicatorCode && s.subKey === data.subKey);
    if (!scheme || !slot) throw new AppError("INVALID", "该指标不在本周期使用的指标体系中");
    const source = await tx.organisation.findUnique({ where: { id: data.sourceOrgId }, select: { id: true, name: true, shortName: true, active: true, roles: true } });
    if (!source) throw new AppError("INVALID", "未找到该信源单位", { sourceOrgId: ["未找到该信源单位"] });
    const sourceName = source.shortName ?? source.name;
    const where = { cycleId: cycle.id, schemeVersionId: scheme.schemeVersionId, indicatorCode: slot.indicatorCode, subKey: slot.subKey };
    const current = await tx.sourceAssignment.findMany({ where, select: { id: true, sourceOrgId: true, lead: true } });
    const mine = current.find((a) => a.sourceOrgId === source.id);
    if (data.op === "add") {
      if (!source.active || !source.roles.includes("source")) {
        throw new AppError("INVALID", `${sourceName}已停用或不是信源单位`, { sourceOrgId: ["只能选择在用的信源单位"] });
      }
      if (mine) throw new AppError("CONFLICT", `${sourceName}已是“${slot.name}”的数据来源`);
      const lead = slot.mode === "value" && !current.some((a) => a.lead);
      await tx.sourceAssignment.create({ data: { ...where, sourceOrgId: source.id, lead } });
    } else if (data.op === "remove") {
      if (!mine) throw new AppError("CONFLICT", `${sourceName}不是“${slot.name}”的数据来源`);
      await tx.sourceAssignment.delete({ where: { id: mine.id } });
      const rest = current.filter((a) => a.id !== mine.id);
      if (slot.mode === "value" && mine.lead && rest.length === 1) await tx.sourceAssignment.update({ where: { id: rest[0]!.id }, data: { lead: true } });
    } else {
      if (slot.mode === "records") throw new AppError("INVALID", "按记录计分的指标由各信源单位共同报送、记录合并计算，无需指定牵头单位");
      if (!mine) throw new AppError("CONFLICT", `${sourceName}不是“${slot.name}”的数据来源，请先添加`);
      await tx.sourceAssignment.updateMany({ where, data: { lead: false } });
      await tx.sourceAssignment.update({ where: { id: mine.id }, data: { lead: true } });
    }
    await writeAudit(tx, {
      actor, action: "cycle.assignment_changed", entityType: ENTITY, entityId: cycle.id,
      after: { version: cycle.version },
      meta: { op: data.op, scheme: scheme.label, indicatorCode: slot.indicatorCode, subKey: slot.subKey, slot: slot.name, source: sourceName, sourceOrgId: source.id },
      ip,
    });
    return { version: cycle.version };
  });
}

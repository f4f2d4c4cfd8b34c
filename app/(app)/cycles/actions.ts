"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { protectedAction, type ActionResult } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/auth/session";
import * as cycles from "@/lib/cycles/mutations";
import {
  closeCollectionSchema, createCycleSchema, enrolUnitsSchema, setAssignmentSchema, setCycleSchemeSchema, unenrolUnitsSchema,
  updateCycleSchema, versionedSchema,
} from "@/lib/cycles/schema";
import type { UnmatchedSource } from "@/lib/cycles/defaults";

// Thin edges: protectedAction (signed in → "manage:cycles:any" → zod), then the mutation, which
// takes the acting user explicitly and writes the change and its audit row in one transaction.

const permission = "manage:cycles:any" as const;
export type CycleActionResult = ActionResult<{ message: string; unmatched?: UnmatchedSource[] }>;
type CycleActionState = CycleActionResult | null;

function refresh(cycleId: string) {
  revalidatePath("/cycles");
  revalidatePath(`/cycles/${cycleId}`, "layout");
}

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries([...formData.keys()].map((key) => [key, formData.get(key)]));
}

const create = protectedAction({ permission, schema: createCycleSchema }, async (actor, input) => cycles.createCycle(actor, input, await requestIp()));

export async function createCycleAction(_prev: CycleActionState, formData: FormData): Promise<CycleActionResult> {
  const result = await create(fields(formData));
  if (!result.ok) return result;
  revalidatePath("/cycles");
  redirect(`/cycles/${result.data.id}?created=1`);
}

/** Runs one cycle mutation from a form and refreshes the cycle's pages. */
function cycleAction<T>(run: (input: unknown) => Promise<ActionResult<T>>, message: (data: T) => string, toInput: (formData: FormData) => unknown = fields) {
  return async (formData: FormData): Promise<CycleActionResult> => {
    const result = await run(toInput(formData));
    if (!result.ok) return result;
    refresh(String(formData.get("cycleId")));
    return { ok: true, data: { message: message(result.data) } };
  };
}

const update = protectedAction({ permission, schema: updateCycleSchema }, async (actor, input) => cycles.updateCycle(actor, input, await requestIp()));
const runUpdate = cycleAction(update, () => "已保存");
export async function updateCycleAction(_prev: CycleActionState, formData: FormData) {
  return runUpdate(formData);
}

const setScheme = protectedAction({ permission, schema: setCycleSchemeSchema }, async (actor, input) => cycles.setCycleScheme(actor, input, await requestIp()));
const runSetScheme = cycleAction(setScheme, () => "已保存指标体系");
export async function setCycleSchemeAction(_prev: CycleActionState, formData: FormData) {
  return runSetScheme(formData);
}

/** by=kind&kind=… | by=subtree&rootId=… | by=ids&ids=…&ids=… */
function enrolTarget(formData: FormData) {
  const by = formData.get("by");
  const target = by === "kind" ? { by, kind: formData.get("kind") } : by === "subtree" ? { by, rootId: formData.get("rootId") } : { by, ids: formData.getAll("ids").filter(Boolean) };
  return { cycleId: formData.get("cycleId"), expectedVersion: formData.get("expectedVersion"), target };
}

const enrol = protectedAction({ permission, schema: enrolUnitsSchema }, async (actor, input) => cycles.enrolUnits(actor, input, await requestIp()));
const runEnrol = cycleAction(
  enrol,
  (r) => `新纳入${r.added}个单位${r.alreadyEnrolled ? `，${r.alreadyEnrolled}个已在名单中` : ""}${r.skipped ? `，${r.skipped}个已停用或不是受评单位，未纳入` : ""}`,
  enrolTarget,
);
export async function enrolUnitsAction(_prev: CycleActionState, formData: FormData) {
  return runEnrol(formData);
}

const unenrol = protectedAction({ permission, schema: unenrolUnitsSchema }, async (actor, input) => cycles.unenrolUnits(actor, input, await requestIp()));
const runUnenrol = cycleAction(unenrol, (r) => `已移出${r.removed}个单位`, enrolTarget);
export async function unenrolUnitsAction(_prev: CycleActionState, formData: FormData) {
  return runUnenrol(formData);
}

const defaults = protectedAction({ permission, schema: versionedSchema }, async (actor, input) => cycles.applyDefaultAssignments(actor, input, await requestIp()));
export async function applyDefaultAssignmentsAction(_prev: CycleActionState, formData: FormData): Promise<CycleActionResult> {
  const result = await defaults(fields(formData));
  if (!result.ok) return result;
  refresh(String(formData.get("cycleId")));
  const { created, leadsSet, unmatched } = result.data;
  return { ok: true, data: { message: `新增${created}条分配，指定${leadsSet}个牵头单位${unmatched.length ? `；${unmatched.length}个来源名称未匹配到信源单位` : ""}`, unmatched } };
}

const assign = protectedAction({ permission, schema: setAssignmentSchema }, async (actor, input) => cycles.setAssignment(actor, input, await requestIp()));
const runAssign = cycleAction(assign, () => "已保存");
export async function setAssignmentAction(_prev: CycleActionState, formData: FormData) {
  return runAssign(formData);
}

const open = protectedAction({ permission, schema: versionedSchema }, async (actor, input) => cycles.openCollection(actor, input, await requestIp()));
const runOpen = cycleAction(open, (r) => `数据归集已开始：已为${r.submissions}个信源单位建立报送，发出${r.notified}条通知`);
export async function openCollectionAction(_prev: CycleActionState, formData: FormData) {
  return runOpen(formData);
}

const close = protectedAction({ permission, schema: closeCollectionSchema }, async (actor, input) => cycles.closeCollection(actor, input, await requestIp()));
export async function closeCollectionAction(_prev: CycleActionState, formData: FormData): Promise<CycleActionResult> {
  const result = await close(fields(formData));
  if (!result.ok) return result;
  const cycleId = String(formData.get("cycleId"));
  refresh(cycleId);
  redirect(`/cycles/${cycleId}?closed=1`);
}

import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listQuerySchema } from "@/lib/list-query";
import { validateScheme, type SchemeDocument, type SchemeValidation } from "@/lib/scoring";
import type { Prisma } from "@/prisma/generated/client/client";
import { readStoredDocument } from "./document";

/*
 * Reads of scheme versions, scoped in the query: drafts exist only for those who manage schemes
 * (office); everyone else sees published versions and gets "not found" for a draft.
 */

export const SCHEME_PAGE_SIZE = 10;

export const schemeListSchema = listQuerySchema(["code"] as const, "code").extend({
  status: z.enum(["all", "draft", "published"]).default("all").catch("all"),
});
export type SchemeListQuery = z.infer<typeof schemeListSchema>;

export function canManageSchemes(actor: Actor): boolean {
  return hasPermission(actor.roles, "manage:schemes:any");
}

function visibleTo(actor: Actor): Prisma.SchemeVersionWhereInput {
  return canManageSchemes(actor) ? {} : { status: "published" };
}

const versionSelect = {
  id: true,
  code: true,
  version: true,
  name: true,
  status: true,
  builtIn: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  lock: true,
  basedOn: { select: { id: true, code: true, version: true, status: true } },
} satisfies Prisma.SchemeVersionSelect;

export type SchemeVersionRow = Prisma.SchemeVersionGetPayload<{ select: typeof versionSelect }>;
export type SchemeGroup = { code: string; versions: SchemeVersionRow[] };

/** Schemes (one group per code, every visible version, newest first), a page of codes at a time. */
export async function listSchemes(actor: Actor, query: SchemeListQuery): Promise<{ groups: SchemeGroup[]; total: number }> {
  const where: Prisma.SchemeVersionWhereInput = { ...visibleTo(actor) };
  if (query.status !== "all" && canManageSchemes(actor)) where.status = query.status;
  if (query.q) {
    where.OR = [{ code: { contains: query.q, mode: "insensitive" } }, { name: { contains: query.q, mode: "insensitive" } }];
  }
  const codes = await db().schemeVersion.groupBy({ by: ["code"], where, orderBy: { code: query.order } });
  const page = codes.slice((query.page - 1) * SCHEME_PAGE_SIZE, query.page * SCHEME_PAGE_SIZE).map((c) => c.code);
  const rows = await db().schemeVersion.findMany({
    where: { ...where, code: { in: page } },
    select: versionSelect,
    orderBy: [{ version: "desc" }],
  });
  const groups = page.map((code) => ({ code, versions: rows.filter((row) => row.code === code) }));
  return { groups, total: codes.length };
}

export type SchemeVersionDetail = SchemeVersionRow & {
  document: SchemeDocument;
  validation: SchemeValidation;
  publishedByName: string | null;
  createdByName: string | null;
};

/** One version the caller may see, with its document and validation, or null. */
export async function schemeVersionFor(actor: Actor, id: string): Promise<SchemeVersionDetail | null> {
  const row = await db().schemeVersion.findFirst({
    where: { id, ...visibleTo(actor) },
    select: { ...versionSelect, document: true, publishedById: true, createdById: true },
  });
  if (!row) return null;
  const { document, publishedById, createdById, ...rest } = row;
  const userIds = [publishedById, createdById].filter((v): v is string => v !== null);
  const users = userIds.length > 0 ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }) : [];
  const nameOf = (userId: string | null) => users.find((u) => u.id === userId)?.displayName ?? null;
  return {
    ...rest,
    document: readStoredDocument(document),
    validation: validateScheme(document),
    publishedByName: nameOf(publishedById),
    createdByName: nameOf(createdById),
  };
}

export type SchemeVersionOption = Pick<SchemeVersionRow, "id" | "code" | "version" | "name" | "status" | "builtIn">;

/** Every version the caller may see, for pickers (compare, new version). */
export async function schemeVersionOptions(actor: Actor): Promise<SchemeVersionOption[]> {
  return db().schemeVersion.findMany({
    where: visibleTo(actor),
    select: { id: true, code: true, version: true, name: true, status: true, builtIn: true },
    orderBy: [{ code: "asc" }, { version: "desc" }],
  });
}

/** The source departments (shortName of active source organisations), for checking indicator sources. */
export async function sourceDepartmentNames(): Promise<string[]> {
  const orgs = await db().organisation.findMany({
    where: { active: true, roles: { has: "source" } },
    select: { name: true, shortName: true },
  });
  return orgs.map((o) => o.shortName ?? o.name);
}

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { listQuerySchema } from "@/lib/list-query";
import type { Prisma } from "@/prisma/generated/client/client";
import { ORG_ROLES, UNIT_KINDS, type OrgRole, type UnitKind } from "./kinds";

export const ORG_PAGE_SIZE = 50;
const SORTS = ["name", "uscc", "kind", "updatedAt"] as const;

export const orgListSchema = listQuerySchema(SORTS, "name").extend({
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  role: z.enum(ORG_ROLES).optional().catch(undefined),
  status: z.enum(["active", "inactive", "all"]).default("active").catch("active"),
  under: z.string().max(40).optional().catch(undefined),
});
export type OrgListQuery = z.infer<typeof orgListSchema>;

export type OrgRow = {
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  uscc: string;
  roles: OrgRole[];
  active: boolean;
  parentName: string | null;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  updatedAt: Date;
  userCount: number;
};

/** Ids of an organisation and everything below it (one recursive query). */
async function subtreeIds(rootId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM organisation WHERE id = ${rootId}
      UNION ALL
      SELECT o.id FROM organisation o JOIN tree t ON o.parent_id = t.id
    ) SELECT id FROM tree`;
  return rows.map((r) => r.id);
}

async function orgWhere(query: OrgListQuery): Promise<Prisma.OrganisationWhereInput> {
  const where: Prisma.OrganisationWhereInput = {};
  if (query.kind) where.kind = query.kind;
  if (query.role) where.roles = { has: query.role };
  if (query.status !== "all") where.active = query.status === "active";
  if (query.q) {
    where.OR = [
      { name: { contains: query.q, mode: "insensitive" } },
      { shortName: { contains: query.q, mode: "insensitive" } },
      { uscc: { startsWith: query.q.toUpperCase() } },
    ];
  }
  if (query.under) where.id = { in: await subtreeIds(query.under) };
  return where;
}

const rowSelect = {
  id: true, name: true, shortName: true, kind: true, uscc: true, roles: true, active: true,
  legalRep: true, phone: true, email: true, note: true, updatedAt: true,
  parent: { select: { name: true } },
  _count: { select: { users: true } },
} satisfies Prisma.OrganisationSelect;

type SelectedRow = Prisma.OrganisationGetPayload<{ select: typeof rowSelect }>;

function toRow(o: SelectedRow): OrgRow {
  const { parent, _count, ...rest } = o;
  return { ...rest, parentName: parent?.name ?? null, userCount: _count.users };
}

function orderBy(query: OrgListQuery): Prisma.OrganisationOrderByWithRelationInput[] {
  return [{ [query.sort]: query.order }, { id: "asc" }];
}

export async function listOrganisations(query: OrgListQuery): Promise<{ rows: OrgRow[]; total: number }> {
  const where = await orgWhere(query);
  const [rows, total] = await Promise.all([
    db().organisation.findMany({ where, select: rowSelect, orderBy: orderBy(query), skip: (query.page - 1) * ORG_PAGE_SIZE, take: ORG_PAGE_SIZE }),
    db().organisation.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** Every row of a filter, in keyset batches, for the Excel export. */
export async function* organisationsForExport(query: OrgListQuery, batch = 2000): AsyncGenerator<OrgRow[]> {
  const where = await orgWhere(query);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().organisation.findMany({
      where, select: rowSelect, orderBy: { id: "asc" }, take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows.map(toRow);
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < batch) return;
  }
}

export type OrgNode = { id: string; name: string; kind: UnitKind; active: boolean; childCount: number };

/** One level of the hierarchy (the top level when parentId is null), with each node's child count. */
export async function organisationChildren(parentId: string | null): Promise<OrgNode[]> {
  const rows = await db().organisation.findMany({
    where: { parentId, ...(parentId === null ? { kind: { in: ["county", "township", "community"] } } : {}) },
    select: { id: true, name: true, kind: true, active: true, _count: { select: { children: true } } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    take: 500,
  });
  return rows.map(({ _count, ...r }) => ({ ...r, childCount: _count.children }));
}

export async function organisationDetail(id: string) {
  const org = await db().organisation.findUnique({
    where: { id },
    include: {
      parent: { select: organisationOptionSelect },
      _count: { select: { children: true, users: true } },
    },
  });
  if (!org) return null;
  return { ...org, ancestors: await ancestorsOf(org.parentId) };
}

/** The chain of parents, top first (for breadcrumbs); the hierarchy is at most four levels deep. */
export async function ancestorsOf(parentId: string | null): Promise<{ id: string; name: string }[]> {
  const chain: { id: string; name: string }[] = [];
  let next = parentId;
  while (next && chain.length < 6) {
    const parent = await db().organisation.findUnique({ where: { id: next }, select: { id: true, name: true, parentId: true } });
    if (!parent) break;
    chain.unshift({ id: parent.id, name: parent.name });
    next = parent.parentId;
  }
  return chain;
}

export type OrganisationOption = { id: string; name: string; shortName: string | null; roles: OrgRole[]; active: boolean };

export const organisationOptionSelect = { id: true, name: true, shortName: true, roles: true, active: true } satisfies Prisma.OrganisationSelect;

/**
 * Organisations matching a name, short name or credit-code prefix, for the searchable pickers
 * (there may be thousands: the search runs in the database and returns a short list).
 */
export async function searchOrganisations(
  q: string,
  options: { kind?: UnitKind; includeInactive?: boolean; take?: number } = {},
): Promise<OrganisationOption[]> {
  const term = q.trim();
  return db().organisation.findMany({
    where: {
      ...(options.includeInactive ? {} : { active: true }),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(term
        ? {
            OR: [
              { name: { contains: term, mode: "insensitive" } },
              { shortName: { contains: term, mode: "insensitive" } },
              { uscc: { startsWith: term.toUpperCase() } },
            ],
          }
        : {}),
    },
    select: organisationOptionSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: options.take ?? 20,
  });
}

export async function organisationOption(id: string): Promise<OrganisationOption | null> {
  return db().organisation.findUnique({ where: { id }, select: organisationOptionSelect });
}

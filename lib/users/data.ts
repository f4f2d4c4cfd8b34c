import "server-only";
import { organisationOptionSelect, type OrganisationOption } from "@/lib/orgs/data";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { UserRole } from "@/lib/orgs/kinds";
import type { Prisma } from "@/prisma/generated/client/client";
import { USERS_PAGE_SIZE, type UserListFilter } from "./schema";

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: UserRole[];
  organisationId: string;
  organisationName: string;
  active: boolean;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

const rowSelect = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  roles: true,
  organisationId: true,
  active: true,
  lockedUntil: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  organisation: { select: { name: true } },
} satisfies Prisma.UserSelect;

type SelectedRow = Prisma.UserGetPayload<{ select: typeof rowSelect }>;

function toRow({ organisation, ...user }: SelectedRow): UserRow {
  return { ...user, organisationName: organisation.name };
}

function statusWhere(status: UserListFilter["status"], at: Date): Prisma.UserWhereInput {
  switch (status) {
    case "active":
      return { active: true, OR: [{ lockedUntil: null }, { lockedUntil: { lte: at } }] };
    case "locked":
      return { lockedUntil: { gt: at } };
    case "deactivated":
      return { active: false };
    case "must_change":
      return { mustChangePassword: true };
    default:
      return {};
  }
}

function userWhere(filter: UserListFilter, at: Date): Prisma.UserWhereInput {
  const q = filter.q;
  return {
    AND: [
      filter.org ? { organisationId: filter.org } : {},
      filter.role ? { roles: { has: filter.role } } : {},
      statusWhere(filter.status, at),
      q
        ? {
            OR: [
              { username: { contains: q, mode: "insensitive" } },
              { displayName: { contains: q, mode: "insensitive" } },
              { email: { contains: q, mode: "insensitive" } },
              { organisation: { name: { contains: q, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
}

function userOrder(filter: UserListFilter): Prisma.UserOrderByWithRelationInput[] {
  const order = filter.order;
  const primary: Prisma.UserOrderByWithRelationInput =
    filter.sort === "displayName"
      ? { displayName: order }
      : filter.sort === "organisation"
        ? { organisation: { name: order } }
        : filter.sort === "lastLogin"
          ? { lastLoginAt: { sort: order, nulls: "last" } }
          : { username: order };
  return filter.sort === "username" ? [primary] : [primary, { username: "asc" }];
}

/** One page of accounts, filtered, searched and sorted in the database. */
export async function listUsers(filter: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  const where = userWhere(filter, now());
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      select: rowSelect,
      orderBy: userOrder(filter),
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
    db().user.count({ where }),
  ]);
  return { rows: rows.map(toRow), total };
}

/** Every account of a filter, in the list's order, batch by batch (for the Excel export). */
export async function* userRowsForExport(filter: UserListFilter, batch = 1000): AsyncGenerator<UserRow[]> {
  const where = userWhere(filter, now());
  for (let skip = 0; ; skip += batch) {
    const rows = await db().user.findMany({ where, select: rowSelect, orderBy: userOrder(filter), skip, take: batch });
    if (rows.length > 0) yield rows.map(toRow);
    if (rows.length < batch) return;
  }
}

export type UserDetail = UserRow & {
  version: number;
  failedLogins: number;
  passwordChangedAt: Date | null;
  updatedAt: Date;
  organisation: OrganisationOption;
};

export async function getUserDetail(id: string): Promise<UserDetail | null> {
  const user = await db().user.findUnique({
    where: { id },
    select: {
      ...rowSelect,
      version: true,
      failedLogins: true,
      passwordChangedAt: true,
      updatedAt: true,
      organisation: { select: organisationOptionSelect },
    },
  });
  if (!user) return null;
  return { ...user, organisationName: user.organisation.name };
}

export type UserHistoryRow = { id: string; at: Date; actorName: string | null; action: string; outcome: string };

/** The latest audit rows about one account (changes, sign-ins, locks). */
export async function userHistory(id: string, take = 15): Promise<UserHistoryRow[]> {
  const rows = await db().auditLog.findMany({
    where: { entityType: "user", entityId: id },
    orderBy: { id: "desc" },
    take,
    select: { id: true, at: true, actorName: true, action: true, outcome: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

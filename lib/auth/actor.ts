import type { UserRole } from "./roles";

/** The signed-in caller, as every server check sees it. */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  organisationId: string;
  organisationName: string;
  mustChangePassword: boolean;
};

/** The caller recorded in the audit log when nobody is signed in (failed sign-in, denied call). */
export type AuditActor = Pick<Actor, "id" | "displayName" | "organisationId"> | null;

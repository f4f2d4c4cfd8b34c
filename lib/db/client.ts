import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./prisma";

const globalForDb = globalThis as unknown as { integrityDb?: PrismaClient };

/** The app's single Prisma client (kept across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.integrityDb ??= createPrismaClient(env().DATABASE_URL);
  return globalForDb.integrityDb;
}

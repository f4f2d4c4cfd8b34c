import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./prisma/adapter";

const placeholder = "postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder";
process.env.DATABASE_URL ??= placeholder;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(process.env.DATABASE_URL ?? placeholder),
});

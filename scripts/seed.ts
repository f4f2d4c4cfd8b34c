// `npm run db:seed`: loads the demo data into an empty database named by DATABASE_URL.
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/prisma";
import { demoAccountsTable, isDatabaseEmpty, seedDemoData } from "@/lib/seed/demo";

async function main() {
  const env = parseEnv({ ...process.env, AUTH_SECRET: process.env.AUTH_SECRET ?? "x".repeat(32) });
  if (env.APP_MODE === "production") throw new Error("生产模式（APP_MODE=production）不载入演示数据");
  const prisma = createPrismaClient(env.DATABASE_URL, 2);
  try {
    if (!(await isDatabaseEmpty(prisma))) throw new Error("数据库不是空的，未载入演示数据");
    const counts = await seedDemoData(prisma);
    process.stderr.write(`已载入演示数据：${counts.organisations} 个单位，${counts.users} 个账户\n${demoAccountsTable()}\n`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

// `npm run score:cycle -- <cycle id> [organisation id …]`: a scoring run from the command line, the
// same run the web page starts (lib/results/run.ts), recorded as the system. Prints its outcome.
import { createPrismaClient } from "@/lib/db/prisma";
import { runScoring } from "@/lib/results/run";

async function main() {
  const [cycleId, ...unitIds] = process.argv.slice(2).filter((a) => a !== "--");
  const url = process.env.DATABASE_URL;
  if (!cycleId || !url) throw new Error("用法：DATABASE_URL=… npm run score:cycle -- <评价周期ID> [单位ID …]");
  const prisma = createPrismaClient(url, 3);
  try {
    const outcome = await runScoring(prisma, null, { cycleId, unitIds });
    if (outcome.ok) process.stdout.write(`第${outcome.number}次评分完成：${outcome.units}个单位的结果已保存\n`);
    else {
      process.stdout.write(`第${outcome.number}次评分未保存结果：${outcome.error ?? `${outcome.problems}个问题`}\n`);
      process.exitCode = 2;
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

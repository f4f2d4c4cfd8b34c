// Answers every cell of a cycle no source has answered yet, and submits every source's report:
// the year-end spec collects one source through the browser and the other ten with this, so the
// browser spends its time on the year's later steps. Run: tsx generate-facts.ts <databaseUrl> <cycleId>
import { createPrismaClient } from "../../../lib/db/prisma";
import { generateCycleFacts } from "../../../lib/seed/facts-generator";

const [url, cycleId] = process.argv.slice(2);
if (!url || !cycleId) throw new Error("usage: generate-facts.ts <databaseUrl> <cycleId>");
const prisma = createPrismaClient(url);

async function main(id: string) {
  try {
    const written = await generateCycleFacts(prisma, id, { seed: 2028 });
    await prisma.submission.updateMany({ where: { cycleId: id, status: { not: "submitted" } }, data: { status: "submitted", submittedAt: new Date() } });
    console.log(JSON.stringify(written));
  } finally {
    await prisma.$disconnect();
  }
}

void main(cycleId);

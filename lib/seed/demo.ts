// Demo data for a fresh install: the credit office, a reviewer, the seeds' source departments,
// ~30 evaluated municipal departments and one account per role. Never run in production mode.
import { writeAudit } from "@/lib/audit/mutations";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/prisma";
import { ensureOfficialCalendar } from "@/lib/calendar/builtin";
import { ensureBuiltInSchemes } from "@/lib/schemes/builtin";
import { seedDemoCycle, seedDemoScoringCycle } from "./demo-cycle";
import { DEMO_ARCHIVED_YEARS, seedDemoArchivedCycle, seedDemoRectification } from "./demo-history";
import { demoOrganisations, demoUsers } from "@/prisma/demo-data";

/** Demo-only password shared by every demo account (printed at first start, listed in README). */
export const DEMO_PASSWORD = "Xinyong2026";

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0 && (await prisma.user.count()) === 0;
}

export async function seedDemoData(prisma: PrismaClient, password = DEMO_PASSWORD): Promise<{ organisations: number; users: number }> {
  const passwordHash = await hashPassword(password);
  await ensureBuiltInSchemes(prisma);
  await ensureOfficialCalendar(prisma);
  const counts = await prisma.$transaction(async (tx) => {
    const idByKey = new Map<string, string>();
    for (const org of demoOrganisations) {
      const created = await tx.organisation.create({
        data: {
          name: org.name,
          shortName: org.shortName ?? null,
          kind: org.kind,
          uscc: org.uscc,
          legalRep: org.legalRep,
          phone: org.phone,
          email: org.email,
          roles: org.roles,
        },
      });
      idByKey.set(org.key, created.id);
    }
    for (const user of demoUsers) {
      const organisationId = idByKey.get(user.orgKey);
      if (!organisationId) throw new Error(`演示用户 ${user.username} 的单位 ${user.orgKey} 不存在`);
      await tx.user.create({
        data: {
          username: user.username,
          displayName: user.displayName,
          organisationId,
          roles: user.roles,
          passwordHash,
          mustChangePassword: false,
        },
      });
    }
    await writeAudit(tx, {
      actor: null,
      action: "seed.demo",
      meta: { organisations: demoOrganisations.length, users: demoUsers.length },
    });
    return { organisations: demoOrganisations.length, users: demoUsers.length };
  }, { timeout: 60_000 });
  for (const year of DEMO_ARCHIVED_YEARS) await seedDemoArchivedCycle(prisma, year);
  await seedDemoRectification(prisma, DEMO_ARCHIVED_YEARS[0]);
  await seedDemoScoringCycle(prisma);
  await seedDemoCycle(prisma);
  return counts;
}

export function demoAccountsTable(): string {
  const lines = demoUsers.map((u) => `  ${u.username.padEnd(12)} ${u.roles.join(",").padEnd(9)} ${u.displayName}`);
  return [`演示账户（密码均为 ${DEMO_PASSWORD}，仅供演示）：`, ...lines].join("\n");
}

// One import in a process of its own, so tests/integration/crash-import.test.ts can kill it half way.
// Runs the application's own import functions against DATABASE_URL, as the signed-in user <userId>:
//   node --conditions=react-server --import tsx tests/support/import-child.ts units <userId> <file>
//   node --conditions=react-server --import tsx tests/support/import-child.ts facts <userId> <file> <cycleId>
// (the react-server condition lets modules marked "server-only" load outside Next.js).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { importFactSheet } from "@/lib/collection/import";
import { db } from "@/lib/db/client";
import { applyUnitImport } from "@/lib/orgs/import/apply";
import { previewUnitList } from "@/lib/orgs/import/check";

async function main(): Promise<void> {
  const [kind, userId, file, cycleId] = process.argv.slice(2);
  if (!kind || !userId || !file) throw new Error("usage: import-child.ts units|facts <userId> <file> [cycleId]");
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { organisation: true } });
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    organisationId: user.organisationId,
    organisationName: user.organisation.name,
    mustChangePassword: false,
  };
  const bytes = new Uint8Array(readFileSync(file));
  const fileName = path.basename(file);
  if (kind === "units") {
    const preview = await previewUnitList(bytes, fileName);
    if (preview.status !== "preview") throw new Error(`the list has problems: ${JSON.stringify(preview.counts)}`);
    const result = await applyUnitImport(actor, { bytes, fileName, fingerprint: preview.fingerprint, createAccounts: true }, null);
    process.stdout.write(`${JSON.stringify({ created: result.created })}\n`);
  } else {
    const outcome = await importFactSheet(actor, { cycleId: cycleId!, bytes, fileName, blankRecordsAsNone: false }, null);
    process.stdout.write(`${JSON.stringify({ status: outcome.status })}\n`);
  }
  await db().$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import { writeAudit } from "@/lib/audit/mutations";
import { now } from "@/lib/clock";
import type { PrismaClient } from "@/lib/db/prisma";
import { builtInSchemes, compareSchemes, schemeDocumentSchema, type SchemeDocument } from "@/lib/scoring";
import type { Prisma } from "@/prisma/generated/client/client";

/*
 * The built-in templates (lib/scoring/templates) as published, built-in rows. Run at every
 * start-up and by the demo seed: a template whose (code, version) is missing is inserted; one that
 * exists is left alone, since a published row never changes. A changed template therefore needs a
 * new `version` (docs/scheme-versions.md); a stored row that differs from its template is reported.
 * No "server-only" here: scripts/start.ts runs it outside Next.js.
 */

export type BuiltInOutcome = {
  installed: { code: string; version: number }[];
  /** Templates whose stored (code, version) holds a different document: bump the template's version. */
  mismatched: { code: string; version: number; builtIn: boolean }[];
};

export async function ensureBuiltInSchemes(prisma: PrismaClient, templates: SchemeDocument[] = builtInSchemes): Promise<BuiltInOutcome> {
  const documents = templates.map((template) => schemeDocumentSchema.parse(template));
  const existing = await prisma.schemeVersion.findMany({
    where: { OR: documents.map(({ code, version }) => ({ code, version })) },
    select: { code: true, version: true, builtIn: true, document: true },
  });
  const stored = new Map(existing.map((row) => [`${row.code}@${row.version}`, row]));
  const outcome: BuiltInOutcome = { installed: [], mismatched: [] };
  const missing: SchemeDocument[] = [];
  for (const document of documents) {
    const row = stored.get(`${document.code}@${document.version}`);
    if (!row) missing.push(document);
    else {
      const parsed = schemeDocumentSchema.safeParse(row.document);
      if (!row.builtIn || !parsed.success || compareSchemes(parsed.data, document).count > 0) {
        outcome.mismatched.push({ code: row.code, version: row.version, builtIn: row.builtIn });
      }
    }
  }
  if (missing.length === 0) return outcome;
  await prisma.$transaction(async (tx) => {
    const publishedAt = now();
    const created = await tx.schemeVersion.createMany({
      data: missing.map((document) => ({
        code: document.code,
        version: document.version,
        name: document.name,
        status: "published" as const,
        builtIn: true,
        document: document as unknown as Prisma.InputJsonValue,
        publishedAt,
      })),
      // Two processes starting at once: the second inserts nothing.
      skipDuplicates: true,
    });
    if (created.count === 0) return;
    outcome.installed = missing.map(({ code, version }) => ({ code, version }));
    await writeAudit(tx, { actor: null, action: "scheme.builtin_installed", meta: { templates: outcome.installed } });
  });
  return outcome;
}

import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors";
import { compareSchemes, parseScheme, schemeDocumentSchema, validateScheme, type Problem, type SchemeDocument } from "@/lib/scoring";
import { Prisma } from "@/prisma/generated/client/client";
import { readStoredDocument } from "./document";
import { parseJsonText } from "./json";
import { problemsToFieldErrors, summariseChanges } from "./problems";
import type { SaveDraftInput, VersionLockInput } from "./schema";

/*
 * Scheme versions: derive a draft, save it (optimistic lock), publish it (immutable from then on,
 * enforced by a database trigger), import and delete. One transaction and one audit row each.
 */

export type SchemeCheck = { lock: number; errors: Problem[]; warnings: Problem[] };

const ENTITY = "scheme_version";

function asJson(document: SchemeDocument): Prisma.InputJsonValue {
  return document as unknown as Prisma.InputJsonValue;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function nextVersion(tx: Tx, code: string): Promise<number> {
  const top = await tx.schemeVersion.aggregate({ where: { code }, _max: { version: true } });
  return (top._max.version ?? 0) + 1;
}

/** Retries a creation that lost a race for the next (code, version). */
async function withFreshVersion<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= 3) throw new AppError("CONFLICT", "有人同时创建了该方案的新版本，请重试");
    }
  }
}

function invalidDocument(message: string, problems: Problem[]): AppError {
  return new AppError("INVALID", `${message}（共${problems.length}处问题）`, problemsToFieldErrors(problems));
}

/** A new draft copied from any version: the same code (next version) or another code. */
export async function createDraftFrom(
  actor: Actor,
  sourceVersionId: string,
  options: { code?: string; name?: string } = {},
  ip: string | null = null,
): Promise<{ id: string; code: string; version: number }> {
  return withFreshVersion(() =>
    db().$transaction(async (tx) => {
      const source = await tx.schemeVersion.findUnique({ where: { id: sourceVersionId } });
      if (!source) throw new AppError("NOT_FOUND");
      const code = options.code ?? source.code;
      const version = await nextVersion(tx, code);
      const name = options.name ?? source.name;
      const document = { ...readStoredDocument(source.document), code, version, name };
      const created = await tx.schemeVersion.create({
        data: { code, version, name, status: "draft", document: asJson(document), basedOnId: source.id, createdById: actor.id },
      });
      await writeAudit(tx, {
        actor,
        action: "scheme.draft_created",
        entityType: ENTITY,
        entityId: created.id,
        after: { code, version, name, status: "draft" },
        meta: { basedOn: { id: source.id, code: source.code, version: source.version } },
        ip,
      });
      return { id: created.id, code, version };
    }),
  );
}

/** Saves a draft's document. Work in progress may still have validation errors, not structural ones. */
export async function saveDraft(actor: Actor, input: SaveDraftInput, ip: string | null = null): Promise<SchemeCheck> {
  const parsed = schemeDocumentSchema.safeParse(input.document);
  if (!parsed.success) throw invalidDocument("方案文档格式有误，未保存", validateScheme(input.document).errors);
  const document = parsed.data;
  return db().$transaction(async (tx) => {
    const row = await tx.schemeVersion.findUnique({ where: { id: input.id } });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("CONFLICT", "该版本已发布，不能再修改；请从它新建版本");
    if (row.lock !== input.expectedLock) throw new AppError("STALE");
    const mismatch: Problem[] = [];
    if (document.code !== row.code) mismatch.push({ path: "code", message: `方案代码必须是“${row.code}”，不能在草稿中修改` });
    if (document.version !== row.version) mismatch.push({ path: "version", message: `版本号必须是${row.version}，不能在草稿中修改` });
    if (mismatch.length > 0) throw invalidDocument("方案代码或版本号与草稿不符，未保存", mismatch);
    const updated = await tx.schemeVersion.updateMany({
      where: { id: row.id, lock: input.expectedLock, status: "draft" },
      data: { document: asJson(document), name: document.name, lock: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("STALE");
    const before = readStoredDocument(row.document);
    await writeAudit(tx, {
      actor,
      action: "scheme.draft_saved",
      entityType: ENTITY,
      entityId: row.id,
      before: { lock: row.lock, name: row.name },
      after: { lock: row.lock + 1, name: document.name },
      meta: { code: row.code, version: row.version, changes: summariseChanges(compareSchemes(before, document)) },
      ip,
    });
    const { errors, warnings } = validateScheme(document);
    return { lock: row.lock + 1, errors, warnings };
  });
}

/** Publishes a draft that has no validation error; from then on the row cannot change. */
export async function publishVersion(actor: Actor, input: VersionLockInput, ip: string | null = null): Promise<SchemeCheck> {
  return db().$transaction(async (tx) => {
    const row = await tx.schemeVersion.findUnique({ where: { id: input.id } });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("CONFLICT", "该版本已经发布");
    if (row.lock !== input.expectedLock) throw new AppError("STALE");
    const { errors, warnings } = validateScheme(row.document);
    if (errors.length > 0) throw invalidDocument("方案有错误，不能发布；请先修改", errors);
    const publishedAt = now();
    const updated = await tx.schemeVersion.updateMany({
      where: { id: row.id, lock: input.expectedLock, status: "draft" },
      data: { status: "published", publishedAt, publishedById: actor.id, lock: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("STALE");
    await writeAudit(tx, {
      actor,
      action: "scheme.published",
      entityType: ENTITY,
      entityId: row.id,
      before: { status: "draft", lock: row.lock },
      after: { status: "published", lock: row.lock + 1, publishedAt },
      meta: { code: row.code, version: row.version, warnings: warnings.length },
      ip,
    });
    return { lock: row.lock + 1, errors: [], warnings };
  });
}

/** Imports a scheme document as a new draft; an existing (code, version) gets the code's next version. */
export async function importScheme(
  actor: Actor,
  text: string,
  ip: string | null = null,
  fileName?: string,
): Promise<{ id: string; code: string; version: number; warnings: Problem[] }> {
  const json = parseJsonText(text);
  if (!json.ok) throw new AppError("INVALID", json.message);
  const parsed = parseScheme(json.value);
  if (!parsed.ok) throw invalidDocument("方案文档有误，未导入", parsed.errors);
  const scheme = parsed.scheme;
  return withFreshVersion(() =>
    db().$transaction(async (tx) => {
      const taken = await tx.schemeVersion.count({ where: { code: scheme.code, version: scheme.version } });
      const version = taken > 0 ? await nextVersion(tx, scheme.code) : scheme.version;
      const document = { ...scheme, version };
      const created = await tx.schemeVersion.create({
        data: { code: scheme.code, version, name: scheme.name, status: "draft", document: asJson(document), createdById: actor.id },
      });
      await writeAudit(tx, {
        actor,
        action: "scheme.imported",
        entityType: ENTITY,
        entityId: created.id,
        after: { code: scheme.code, version, name: scheme.name, status: "draft" },
        meta: { fileName, documentVersion: scheme.version, warnings: parsed.warnings.length },
        ip,
      });
      return { id: created.id, code: scheme.code, version, warnings: parsed.warnings };
    }),
  );
}

/** Deletes a draft nobody has published anything from. */
export async function deleteDraft(actor: Actor, input: VersionLockInput, ip: string | null = null): Promise<{ code: string }> {
  return db().$transaction(async (tx) => {
    const row = await tx.schemeVersion.findUnique({ where: { id: input.id } });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("CONFLICT", "已发布的版本不能删除");
    if (row.lock !== input.expectedLock) throw new AppError("STALE");
    const publishedChildren = await tx.schemeVersion.count({ where: { basedOnId: row.id, status: "published" } });
    if (publishedChildren > 0) throw new AppError("CONFLICT", "已有发布的版本基于该草稿，不能删除");
    const deleted = await tx.schemeVersion.deleteMany({ where: { id: row.id, lock: input.expectedLock, status: "draft" } });
    if (deleted.count !== 1) throw new AppError("STALE");
    await writeAudit(tx, {
      actor,
      action: "scheme.draft_deleted",
      entityType: ENTITY,
      entityId: row.id,
      before: { code: row.code, version: row.version, name: row.name, status: "draft" },
      ip,
    });
    return { code: row.code };
  });
}

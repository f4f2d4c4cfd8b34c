import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { makeUscc } from "@/lib/orgs/uscc";
import { builtInSchemes, compareSchemes, schemeDocumentSchema, type SchemeDocument } from "@/lib/scoring";
import { ensureBuiltInSchemes } from "@/lib/schemes/builtin";
import { listSchemes, schemeListSchema, schemeVersionFor } from "@/lib/schemes/data";
import { createDraftFrom, deleteDraft, importScheme, publishVersion, saveDraft } from "@/lib/schemes/mutations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let office: Actor;
let reader: Actor;

const uscc = (n: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: `MC${String(n).padStart(6, "0")}` });

async function row(id: string) {
  return t.prisma.schemeVersion.findUniqueOrThrow({ where: { id } });
}
async function templateRow(code = "hegang-2022") {
  return t.prisma.schemeVersion.findUniqueOrThrow({ where: { code_version: { code, version: 1 } } });
}
function at<T>(list: readonly T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`no element ${index}`);
  return value;
}
const indicatorAt = (d: SchemeDocument, c: number, i: number) => at(at(d.categories, c).indicators, i);
const doc = (value: unknown): SchemeDocument => schemeDocumentSchema.parse(value);
const audits = (action: string, entityId?: string) => t.prisma.auditLog.count({ where: { action, ...(entityId ? { entityId } : {}) } });

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await t.prisma.organisation.create({ data: { name: "鹤岗市信用办", kind: "municipal_department", uscc: uscc(1), roles: ["office"] } });
  office = { id: "office-1", username: "office1", displayName: "信用办 王丽", roles: ["office"], organisationId: org.id, organisationName: org.name, mustChangePassword: false };
  reader = { ...office, id: "unit-1", username: "unit-fgw", displayName: "发改委 李明", roles: ["unit"] };
});
afterAll(() => t.drop());

describe("built-in templates", () => {
  it("installs the five templates as published built-in rows, once", async () => {
    const first = await ensureBuiltInSchemes(t.prisma);
    expect(first.installed).toHaveLength(5);
    const second = await ensureBuiltInSchemes(t.prisma);
    expect(second).toEqual({ installed: [], mismatched: [] });
    const rows = await t.prisma.schemeVersion.findMany({ orderBy: { code: "asc" } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === "published" && r.builtIn && r.version === 1 && r.publishedAt !== null)).toBe(true);
    expect(rows.map((r) => r.code).sort()).toEqual(builtInSchemes.map((s) => s.code).sort());
    expect(await audits("scheme.builtin_installed")).toBe(1);
  });

  it("reports a template that changed without a new version, and leaves the stored row alone", async () => {
    const changed = structuredClone(at(builtInSchemes, 0));
    indicatorAt(changed, 0, 0).max = 9;
    indicatorAt(changed, 0, 1).max = 11;
    const outcome = await ensureBuiltInSchemes(t.prisma, [changed]);
    expect(outcome).toEqual({ installed: [], mismatched: [{ code: "hegang-2022", version: 1, builtIn: true }] });
    expect(indicatorAt(doc((await templateRow()).document), 0, 0).max).toBe(10);
  });
});

describe("published versions are immutable", () => {
  it("refuses UPDATE and DELETE of a published row even with raw SQL", async () => {
    const template = await templateRow();
    await expect(t.prisma.$executeRaw`UPDATE scheme_version SET name = 'x' WHERE id = ${template.id}`).rejects.toThrow(/immutable/);
    await expect(t.prisma.$executeRaw`UPDATE scheme_version SET status = 'draft' WHERE id = ${template.id}`).rejects.toThrow(/immutable/);
    await expect(t.prisma.$executeRaw`DELETE FROM scheme_version WHERE id = ${template.id}`).rejects.toThrow(/immutable/);
    expect(await row(template.id)).toEqual(template);
  });

  it("refuses saving, publishing again and deleting a published version", async () => {
    const template = await templateRow();
    await expect(saveDraft(office, { id: template.id, expectedLock: template.lock, document: template.document })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(publishVersion(office, { id: template.id, expectedLock: template.lock })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteDraft(office, { id: template.id, expectedLock: template.lock })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await row(template.id)).toEqual(template);
  });
});

describe("drafts", () => {
  it("derives a draft from the template: version max+1, source intact, audited", async () => {
    const template = await templateRow();
    const draft = await createDraftFrom(office, template.id);
    expect(draft).toMatchObject({ code: "hegang-2022", version: 2 });
    const stored = await row(draft.id);
    expect(stored).toMatchObject({ status: "draft", builtIn: false, basedOnId: template.id, createdById: office.id, lock: 1 });
    expect(doc(stored.document)).toMatchObject({ code: "hegang-2022", version: 2 });
    expect(compareSchemes(doc(template.document), doc(stored.document)).count).toBe(0);
    expect(await row(template.id)).toEqual(template);
    const third = await createDraftFrom(office, draft.id, { name: "2023版" });
    expect(third.version).toBe(3);
    expect(doc((await row(third.id)).document).name).toBe("2023版");
    expect(await audits("scheme.draft_created", draft.id)).toBe(1);
  });

  it("derives a new scheme code as version 1", async () => {
    const template = await templateRow();
    const draft = await createDraftFrom(office, template.id, { code: "hegang-2026", name: "2026版政务诚信评价标准" });
    expect(draft).toMatchObject({ code: "hegang-2026", version: 1 });
    expect(doc((await row(draft.id)).document)).toMatchObject({ code: "hegang-2026", version: 1, name: "2026版政务诚信评价标准" });
  });

  it("saves with the lock, refuses a stale lock and keeps the other edit", async () => {
    const { id } = await createDraftFrom(office, (await templateRow()).id);
    const document = doc((await row(id)).document);
    const mine = structuredClone(document);
    indicatorAt(mine, 0, 0).name = "依法行政考核（甲）";
    const theirs = structuredClone(document);
    indicatorAt(theirs, 0, 0).name = "依法行政考核（乙）";
    const saved = await saveDraft(office, { id, expectedLock: 1, document: mine });
    expect(saved).toMatchObject({ lock: 2, errors: [] });
    await expect(saveDraft(office, { id, expectedLock: 1, document: theirs })).rejects.toMatchObject({ code: "STALE" });
    const stored = await row(id);
    expect(stored.lock).toBe(2);
    expect(indicatorAt(doc(stored.document), 0, 0).name).toBe("依法行政考核（甲）");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "scheme.draft_saved", entityId: id } });
    expect(audit.meta).toMatchObject({ changes: { indicators: { changed: ["LAW.EXAM"] } } });
    expect(await audits("scheme.draft_saved", id)).toBe(1);
  });

  it("saves a work in progress with validation errors and returns them; refuses a malformed document listing every problem", async () => {
    const { id } = await createDraftFrom(office, (await templateRow()).id);
    const document = doc((await row(id)).document);
    at(document.categories, 0).weight = 30;
    const saved = await saveDraft(office, { id, expectedLock: 1, document });
    expect(saved.errors).toEqual([{ path: "categories", message: "一级指标权重合计为110，应为100" }]);
    const malformed = JSON.parse(JSON.stringify(document));
    malformed.categories[1].weight = "二十";
    malformed.categories[2].indicators[0].rule = { kind: "deduction", items: [] };
    malformed.grades = "优秀";
    const error = await saveDraft(office, { id, expectedLock: 2, document: malformed }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID" });
    const fieldErrors = (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual(expect.arrayContaining(["categories[1].weight", "categories[2].indicators[0].rule.items", "grades"]));
    expect((await row(id)).lock).toBe(2);
    const renamed = { ...document, code: "other" };
    await expect(saveDraft(office, { id, expectedLock: 2, document: renamed })).rejects.toMatchObject({ fieldErrors: { code: [expect.stringContaining("hegang-2022")] } });
  });

  it("refuses to publish with errors (listed) and changes nothing; publishes once fixed and then stays immutable", async () => {
    const { id } = await createDraftFrom(office, (await templateRow()).id);
    const document = doc((await row(id)).document);
    at(document.categories, 0).weight = 30;
    indicatorAt(document, 0, 1).code = "LAW.EXAM";
    const { lock } = await saveDraft(office, { id, expectedLock: 1, document });
    const before = await row(id);
    const error = await publishVersion(office, { id, expectedLock: lock }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", message: expect.stringContaining("共2处问题") });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors).sort()).toEqual(["categories", "categories[0].indicators[1].code"]);
    expect(await row(id)).toEqual(before);
    expect(await audits("scheme.published", id)).toBe(0);

    at(document.categories, 0).weight = 20;
    indicatorAt(document, 0, 1).code = "LAW.DISHONEST";
    const fixed = await saveDraft(office, { id, expectedLock: lock, document });
    await expect(publishVersion(office, { id, expectedLock: lock })).rejects.toMatchObject({ code: "STALE" });
    const published = await publishVersion(office, { id, expectedLock: fixed.lock });
    expect(published).toMatchObject({ lock: fixed.lock + 1, errors: [] });
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "published", publishedById: office.id });
    expect(stored.publishedAt).toBeInstanceOf(Date);
    expect(await audits("scheme.published", id)).toBe(1);
    await expect(saveDraft(office, { id, expectedLock: stored.lock, document })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(t.prisma.$executeRaw`UPDATE scheme_version SET document = '{}'::jsonb WHERE id = ${id}`).rejects.toThrow(/immutable/);
    expect(await row(id)).toEqual(stored);
  });

  it("returns warnings when publishing (heihe: a max that cannot be reached)", async () => {
    const heihe = await templateRow("heihe-grassroots-2023");
    const { id } = await createDraftFrom(office, heihe.id);
    const result = await publishVersion(office, { id, expectedLock: 1 });
    expect(result.warnings.some((w) => w.message.includes("达不到满分"))).toBe(true);
  });

  it("deletes a draft (audited) but never a published one", async () => {
    const { id } = await createDraftFrom(office, (await templateRow()).id);
    await expect(deleteDraft(office, { id, expectedLock: 9 })).rejects.toMatchObject({ code: "STALE" });
    await deleteDraft(office, { id, expectedLock: 1 });
    expect(await t.prisma.schemeVersion.count({ where: { id } })).toBe(0);
    expect(await audits("scheme.draft_deleted", id)).toBe(1);
  });
});

describe("import and export", () => {
  it("refuses bad JSON with its line and column, creating nothing", async () => {
    const before = await t.prisma.schemeVersion.count();
    await expect(importScheme(office, '{\n  "format": "integrity-scheme/v1",\n  "code": }')).rejects.toMatchObject({
      code: "INVALID",
      message: "文件不是有效的 JSON：第3行第11列附近有误",
    });
    expect(await t.prisma.schemeVersion.count()).toBe(before);
  });

  it("refuses an invalid document listing every problem, creating nothing", async () => {
    const before = await t.prisma.schemeVersion.count();
    const bad = structuredClone(at(builtInSchemes, 0)) as unknown as Record<string, unknown> & SchemeDocument;
    at(bad.categories, 0).weight = 25;
    (indicatorAt(bad, 1, 0) as unknown as Record<string, unknown>).max = -1;
    indicatorAt(bad, 2, 0).code = "LAW.EXAM";
    bad.unitKinds = ["city" as never];
    const error = await importScheme(office, JSON.stringify(bad)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", message: expect.stringContaining("未导入") });
    const paths = Object.keys((error as { fieldErrors: object }).fieldErrors);
    expect(paths).toEqual(expect.arrayContaining(["categories", "categories[1].indicators[0].max", "categories[2].indicators[0].code", "unitKinds[0]"]));
    expect(await t.prisma.schemeVersion.count()).toBe(before);
    expect(await audits("scheme.imported")).toBe(0);
  });

  it("round-trips an exported document: same content, next free version, audited", async () => {
    const template = await templateRow("huaian-2021");
    const exported = JSON.stringify(template.document, null, 2);
    const imported = await importScheme(office, `\uFEFF${exported}`, null, "huaian-2021-v1.json");
    expect(imported).toMatchObject({ code: "huaian-2021", version: 2 });
    const stored = await row(imported.id);
    expect(stored).toMatchObject({ status: "draft", builtIn: false, basedOnId: null });
    expect(compareSchemes(doc(template.document), doc(stored.document)).count).toBe(0);
    expect(doc(stored.document).version).toBe(2);
    expect(await audits("scheme.imported", imported.id)).toBe(1);
    const fresh = await importScheme(office, JSON.stringify({ ...doc(template.document), code: "huaian-2030", version: 4 }));
    expect(fresh).toMatchObject({ code: "huaian-2030", version: 4 });
  });
});

describe("who sees what", () => {
  it("shows drafts to office only; others see published versions and no draft", async () => {
    const draft = await t.prisma.schemeVersion.findFirstOrThrow({ where: { status: "draft" } });
    expect(await schemeVersionFor(office, draft.id)).not.toBeNull();
    expect(await schemeVersionFor(reader, draft.id)).toBeNull();
    expect(await schemeVersionFor(reader, (await templateRow()).id)).toMatchObject({ code: "hegang-2022", status: "published" });
    const forOffice = await listSchemes(office, schemeListSchema.parse({ q: "hegang-2022" }));
    const forReader = await listSchemes(reader, schemeListSchema.parse({ q: "hegang-2022" }));
    const versions = (r: typeof forOffice) => r.groups.flatMap((g) => g.versions);
    expect(versions(forOffice).some((v) => v.status === "draft")).toBe(true);
    expect(versions(forReader).every((v) => v.status === "published")).toBe(true);
    expect(versions(forReader).length).toBeGreaterThan(0);
  });
});

import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRecord, saveValue } from "@/lib/collection/mutations";
import { mayReadEvidence, readableEvidence, unitDocuments } from "@/lib/files/access";
import { uploadEvidence, uploadUnitDocument } from "@/lib/files/mutations";
import { evidenceDir, storedLocation } from "@/lib/files/storage";
import { throttleUpload } from "@/lib/http/limits";
import { samples } from "../unit/files/samples";
import { makeCollectionWorld, type CollectionWorld } from "../support/collection-factory";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let w: CollectionWorld;
let dir: string;

const files = async (): Promise<string[]> => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "evidence-"));
  process.env.EVIDENCE_DIR = dir;
  process.env.INTEGRITY_FAKE_NOW = "2026-04-10T02:00:00Z";
  w = await makeCollectionWorld(t.prisma);
});
afterAll(async () => {
  delete process.env.EVIDENCE_DIR;
  delete process.env.INTEGRITY_FAKE_NOW;
  await rm(dir, { recursive: true, force: true });
  await t.drop();
});

describe("evidence storage", () => {
  it("stores outside the web root under a random name, with the SHA-256 recorded", async () => {
    const stored = await uploadEvidence(w.actors.sfj, { cycleId: w.cycle.id }, { name: "../../考核结果.pdf", bytes: samples.pdf });
    const row = await t.prisma.evidence.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row).toMatchObject({ originalName: "考核结果.pdf", mimeType: "application/pdf", size: samples.pdf.length, ownerOrgId: w.org.sfj.id, recordId: null });
    expect(row.storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(row.sha256).toBe(createHash("sha256").update(samples.pdf).digest("hex"));
    const location = storedLocation(row.storedName);
    expect(location.startsWith(dir)).toBe(true);
    expect(location.startsWith(path.resolve("public"))).toBe(false);
    expect(new Uint8Array(await readFile(location))).toEqual(samples.pdf);
  });

  it("refuses a mismatched or unknown file and keeps nothing", async () => {
    const before = { rows: await t.prisma.evidence.count(), files: (await files()).length };
    await expect(uploadEvidence(w.actors.sfj, { cycleId: w.cycle.id }, { name: "照片.pdf", bytes: samples.png })).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("不符") });
    await expect(uploadEvidence(w.actors.sfj, { cycleId: w.cycle.id }, { name: "x.pdf.exe", bytes: samples.exe })).rejects.toMatchObject({ code: "INVALID" });
    await expect(uploadEvidence(w.actors.fgwUnit, { cycleId: w.cycle.id }, { name: "a.pdf", bytes: samples.pdf })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect({ rows: await t.prisma.evidence.count(), files: (await files()).length }).toEqual(before);
  });

  it("refuses an EVIDENCE_DIR under public/", () => {
    process.env.EVIDENCE_DIR = "public/uploads";
    expect(() => evidenceDir()).toThrow(/public/);
    process.env.EVIDENCE_DIR = dir;
  });
});

describe("attaching and reading evidence", () => {
  let recordEvidence: string;
  let valueEvidence: string;

  it("attaches the uploader's own unattached evidence to a record, and nobody else's", async () => {
    recordEvidence = (await uploadEvidence(w.actors.sfj, { cycleId: w.cycle.id }, { name: "扣分通报.pdf", bytes: samples.pdf })).id;
    const foreign = (await uploadEvidence(w.actors.yshj, { cycleId: w.cycle.id }, { name: "别人的.pdf", bytes: samples.pdf })).id;
    const base = { ...w.cell("fgw", "LAW.EXAM"), occurredOn: "2026-03-02", description: "考核扣分", itemKey: "items" };
    await expect(addRecord(w.actors.sfj, { ...base, evidenceIds: [foreign] })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { evidenceIds: ["佐证材料无效"] } });
    const { recordId } = await addRecord(w.actors.sfj, { ...base, evidenceIds: [recordEvidence] });
    expect(await t.prisma.evidence.findUnique({ where: { id: recordEvidence } })).toMatchObject({ recordId });
    await expect(addRecord(w.actors.sfj, { ...base, evidenceIds: [recordEvidence] })).rejects.toMatchObject({ code: "INVALID" });
    valueEvidence = (await uploadEvidence(w.actors.kpb, { cycleId: w.cycle.id }, { name: "考核等次通报.docx", bytes: samples.docx })).id;
    await saveValue(w.actors.kpb, { ...w.cell("jyj", "DILIGENT.TARGET"), expectedVersion: 0, value: { tier: "良好" }, evidenceIds: [valueEvidence] });
  });

  it("serves a file to its source, the office and the unit concerned; 404 for everyone else", async () => {
    const may = (actor: keyof CollectionWorld["actors"], id: string) => mayReadEvidence(w.actors[actor], id);
    expect(await may("sfj", recordEvidence)).toBe(true);
    expect(await may("office", recordEvidence)).toBe(true);
    expect(await may("fgwUnit", recordEvidence)).toBe(true);
    expect(await may("jyjUnit", recordEvidence)).toBe(false);
    expect(await may("yshj", recordEvidence)).toBe(false);
    expect(await may("sfjUnit", recordEvidence)).toBe(false);
    expect(await may("reviewer", recordEvidence)).toBe(false);
    expect(await may("jyjUnit", valueEvidence)).toBe(true);
    expect(await may("fgwUnit", valueEvidence)).toBe(false);
    expect(await may("court", valueEvidence)).toBe(false);
    expect(await may("office", "no-such-id")).toBe(false);
    const file = await readableEvidence(w.actors.fgwUnit, recordEvidence);
    expect(file).toMatchObject({ name: "扣分通报.pdf", mimeType: "application/pdf" });
    expect(new Uint8Array(file!.bytes)).toEqual(samples.pdf);
    expect(await readableEvidence(w.actors.jyjUnit, recordEvidence)).toBeNull();
  });

  it("lets reviewers read attached files once the cycle is in approval", async () => {
    await t.prisma.cycle.update({ where: { id: w.cycle.id }, data: { status: "approval" } });
    expect(await mayReadEvidence(w.actors.reviewer, recordEvidence)).toBe(true);
    await t.prisma.cycle.update({ where: { id: w.cycle.id }, data: { status: "collecting" } });
  });
});

describe("unit documents", () => {
  it("keeps every version of the unit's own documents, readable by it and the office only", async () => {
    await uploadUnitDocument(w.actors.fgwUnit, { cycleId: w.cycle.id, kind: "self_assessment" }, { name: "自查自评报告.pdf", bytes: samples.pdf });
    const second = await uploadUnitDocument(w.actors.fgwUnit, { cycleId: w.cycle.id, kind: "self_assessment", note: "修订稿" }, { name: "自查自评报告（修订）.docx", bytes: samples.docx });
    await uploadUnitDocument(w.actors.fgwUnit, { cycleId: w.cycle.id, kind: "commitments" }, { name: "政务承诺.pdf", bytes: samples.pdf });
    const docs = await unitDocuments(w.actors.fgwUnit, w.cycle.id);
    expect(docs.self_assessment.map((d) => d.name)).toEqual(["自查自评报告（修订）.docx", "自查自评报告.pdf"]);
    expect(docs.commitments).toHaveLength(1);
    expect((await unitDocuments(w.actors.jyjUnit, w.cycle.id)).self_assessment).toEqual([]);
    expect(await mayReadEvidence(w.actors.fgwUnit, second.evidence.id)).toBe(true);
    expect(await mayReadEvidence(w.actors.office, second.evidence.id)).toBe(true);
    expect(await mayReadEvidence(w.actors.jyjUnit, second.evidence.id)).toBe(false);
    expect(await mayReadEvidence(w.actors.sfj, second.evidence.id)).toBe(false);
  });

  it("refuses uploads after their deadline and by units not enrolled", async () => {
    process.env.INTEGRITY_FAKE_NOW = "2026-05-01T16:00:00Z"; // 2 May in Beijing
    await expect(uploadUnitDocument(w.actors.fgwUnit, { cycleId: w.cycle.id, kind: "commitments" }, { name: "晚了.pdf", bytes: samples.pdf })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("2026-05-01") });
    await uploadUnitDocument(w.actors.fgwUnit, { cycleId: w.cycle.id, kind: "self_assessment" }, { name: "自评.pdf", bytes: samples.pdf });
    const other = await makeCollectionWorld(t.prisma);
    await expect(uploadUnitDocument(w.actors.fgwUnit, { cycleId: other.cycle.id, kind: "self_assessment" }, { name: "a.pdf", bytes: samples.pdf })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("hostile uploads", () => {
  it("stores hostile names neutralised, for display only", async () => {
    process.env.INTEGRITY_FAKE_NOW = "2026-04-10T02:00:00Z";
    const names: [string, string][] = [
      ["../../<script>alert(1)</script>\u202Efdp.pdf", "script_fdp.pdf"],
      ["CON.pdf", "_CON.pdf"],
      ["证明\u0000\r\n材料.pdf", "证明材料.pdf"],
      [`${"长".repeat(300)}.pdf`, `${"长".repeat(116)}.pdf`],
    ];
    for (const [name, stored] of names) {
      const file = await uploadEvidence(w.actors.sfj, { cycleId: w.cycle.id }, { name, bytes: samples.pdf });
      expect((await t.prisma.evidence.findUniqueOrThrow({ where: { id: file.id } })).originalName).toBe(stored);
    }
    await expect(uploadEvidence(w.actors.sfj, { cycleId: w.cycle.id }, { name: "setup.pdf", bytes: samples.exe })).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("不是可接受的文件类型") });
  });

  it("limits uploads per client address (RATE_LIMIT_UPLOADS), audits the refusal, and lets the address go again after the window", async () => {
    const saved = process.env.RATE_LIMIT_UPLOADS;
    process.env.RATE_LIMIT_UPLOADS = "2/1s";
    try {
      const from = (address: string) => new Headers({ "x-forwarded-for": address });
      await throttleUpload(w.actors.sfj, "file", from("203.0.113.50"));
      await throttleUpload(w.actors.sfj, "unit_list", from("203.0.113.50"));
      await expect(throttleUpload(w.actors.sfj, "file", from("203.0.113.50"))).rejects.toMatchObject({ code: "RATE_LIMITED", message: "尝试过于频繁，请1分钟后再试" });
      const audit = await t.prisma.auditLog.findFirst({ where: { action: "access.rate_limited" }, orderBy: { id: "desc" } });
      expect(audit).toMatchObject({ actorId: w.actors.sfj.id, outcome: "denied", ip: "203.0.113.50", meta: { limit: "uploads", what: "file", retryAfterMinutes: 1 } });
      await throttleUpload(w.actors.sfj, "file", from("203.0.113.51"));
      // A client-written hop in front of the address Next.js recorded changes nothing.
      await expect(throttleUpload(w.actors.sfj, "file", from("10.9.9.9, 203.0.113.50"))).rejects.toMatchObject({ code: "RATE_LIMITED" });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await throttleUpload(w.actors.sfj, "file", from("203.0.113.50"));
      process.env.RATE_LIMIT_UPLOADS = "off";
      for (let i = 0; i < 5; i++) await throttleUpload(w.actors.sfj, "file", from("203.0.113.50"));
    } finally {
      if (saved === undefined) delete process.env.RATE_LIMIT_UPLOADS;
      else process.env.RATE_LIMIT_UPLOADS = saved;
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/lib/audit/mutations";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("audit log (append-only at the database level)", () => {
  it("accepts new rows with who, what, before and after", async () => {
    await writeAudit(t.prisma, {
      actor: { id: "u1", displayName: "信用办 王丽", organisationId: "o1" },
      action: "test.change",
      entityType: "thing",
      entityId: "t1",
      before: { a: 1 },
      after: { a: 2 },
      ip: "127.0.0.1",
    });
    const row = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "test.change" } });
    expect(row).toMatchObject({ actorName: "信用办 王丽", entityId: "t1", before: { a: 1 }, after: { a: 2 }, outcome: "ok" });
  });

  it("refuses UPDATE, even by the table's owner", async () => {
    await expect(t.prisma.$executeRawUnsafe(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(t.prisma.auditLog.updateMany({ data: { action: "forged" } })).rejects.toThrow(/append-only/);
  });

  it("refuses DELETE and TRUNCATE", async () => {
    await expect(t.prisma.$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(t.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.prisma.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await t.prisma.auditLog.count({ where: { action: "test.change" } })).toBe(1);
  });
});

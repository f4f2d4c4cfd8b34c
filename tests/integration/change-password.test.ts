import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changeOwnPassword } from "@/lib/users/mutations";
import { changePasswordSchema } from "@/lib/users/schema";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let actor: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await t.prisma.organisation.create({
    data: { name: "鹤岗市测试局", kind: "municipal_department", uscc: "11230400MB0000000X", roles: ["evaluated"] },
  });
  const user = await t.prisma.user.create({
    data: { username: "newbie", displayName: "新用户", organisationId: org.id, roles: ["unit"], passwordHash: await hashPassword("Initial-pass-1") },
  });
  actor = { id: user.id, username: user.username, displayName: user.displayName, roles: ["unit"], organisationId: org.id, organisationName: org.name, mustChangePassword: true };
});
afterAll(() => t.drop());

const input = (next: string, expectedVersion = 1) =>
  changePasswordSchema.parse({ current: "Initial-pass-1", next, confirm: next, expectedVersion });

describe("changeOwnPassword", () => {
  it("validates length, letters and digits, and confirmation, listing every problem", () => {
    const result = changePasswordSchema.safeParse({ current: "", next: "short", confirm: "other", expectedVersion: 1 });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["current", "next"]));
  });

  it("refuses a wrong current password and a password containing the username", async () => {
    await expect(changeOwnPassword(actor, { ...input("Another-pass-2"), current: "nope" }, null)).rejects.toThrow("当前密码不正确");
    await expect(changeOwnPassword(actor, input("newbie-pass-2026"), null)).rejects.toThrow("新密码不能包含用户名");
  });

  it("stores the new hash, clears the forced change, ends other sessions and audits", async () => {
    await changeOwnPassword(actor, input("Another-pass-2"), "127.0.0.1");
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(await verifyPassword("Another-pass-2", user.passwordHash)).toBe(true);
    expect(user).toMatchObject({ mustChangePassword: false, sessionVersion: 2, version: 2 });
    expect(await t.prisma.auditLog.count({ where: { action: "auth.password_changed", entityId: actor.id } })).toBe(1);
  });

  it("refuses a stale form (optimistic locking) without changing anything", async () => {
    await expect(
      changeOwnPassword(actor, { ...input("Third-pass-3", 1), current: "Another-pass-2" }, null),
    ).rejects.toThrow("已被他人修改");
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(await verifyPassword("Another-pass-2", user.passwordHash)).toBe(true);
  });
});

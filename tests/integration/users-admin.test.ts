import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import type { OrgRole, UserRole } from "@/lib/orgs/kinds";
import {
  createAccount,
  deactivateAccount,
  lockAccount,
  reactivateAccount,
  resetPassword,
  unlockAccount,
  updateAccount,
} from "@/lib/users/admin-mutations";
import { searchOrganisations } from "@/lib/orgs/data";
import { listUsers } from "@/lib/users/data";
import { PERMANENT_LOCK } from "@/lib/users/policy";
import { createUserSchema, updateUserSchema, userListSchema } from "@/lib/users/schema";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let admin: Actor;
const org: Record<"office" | "evaluated" | "source" | "reviewer" | "closed", string> = {} as never;
let uscc = 0;

async function makeOrg(name: string, roles: OrgRole[], active = true): Promise<string> {
  uscc += 1;
  const created = await t.prisma.organisation.create({
    data: { name, kind: "municipal_department", uscc: `11230400MB${String(uscc).padStart(7, "0")}X`, roles, active },
  });
  return created.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  org.office = await makeOrg("鹤岗市信用办", ["office"]);
  org.evaluated = await makeOrg("鹤岗市教育局", ["evaluated"]);
  org.source = await makeOrg("鹤岗市中级人民法院", ["source"]);
  org.reviewer = await makeOrg("鹤岗市政务诚信建设领导小组", ["reviewer"]);
  org.closed = await makeOrg("鹤岗市已撤并局", ["evaluated"], false);
  const user = await t.prisma.user.create({
    data: { username: "root", displayName: "管理员甲", organisationId: org.office, roles: ["admin"], passwordHash: await hashPassword("Admin-pass-2026"), mustChangePassword: false },
  });
  admin = { id: user.id, username: "root", displayName: "管理员甲", roles: ["admin"], organisationId: org.office, organisationName: "鹤岗市信用办", mustChangePassword: false };
});
afterAll(() => t.drop());
afterEach(() => {
  delete process.env.INTEGRITY_FAKE_NOW;
});

const createInput = (username: string, organisationId: string, roles: UserRole[], email = "") =>
  createUserSchema.parse({ username, displayName: `${username} 联络员`, email, organisationId, roles });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function account(username: string) {
  return t.prisma.user.findUniqueOrThrow({ where: { username } });
}

async function auditFor(userId: string, action: string) {
  return t.prisma.auditLog.findMany({ where: { entityType: "user", entityId: userId, action }, orderBy: { id: "asc" } });
}

/** Creates an account and signs it in once with its new password (forced change done). */
async function activeAccount(username: string, password = "Settled-pass-2026") {
  const issued = await createAccount(admin, createInput(username, org.evaluated, ["unit"]), null);
  await t.prisma.user.update({ where: { id: issued.id }, data: { passwordHash: await hashPassword(password), mustChangePassword: false } });
  return { ...issued, password };
}

describe("createAccount", () => {
  it("creates an account that must change its one-time password, audited without any secret", async () => {
    const issued = await createAccount(admin, createInput("jyj-liaison", org.evaluated, ["unit"], "Liaison@JYJ.gov.cn"), "10.0.0.7");
    expect(issued.password).toMatch(/^[A-Za-z2-9]{12}$/);
    const user = await account("jyj-liaison");
    expect(user).toMatchObject({ email: "liaison@jyj.gov.cn", roles: ["unit"], mustChangePassword: true, active: true, version: 1 });
    expect(user.passwordHash).not.toContain(issued.password);
    expect(await verifyPassword(issued.password, user.passwordHash)).toBe(true);

    const [row] = await auditFor(user.id, "user.created");
    expect(row).toMatchObject({ actorId: admin.id, outcome: "ok", ip: "10.0.0.7", before: null });
    expect(row!.after).toMatchObject({ username: "jyj-liaison", organisationName: "鹤岗市教育局", roles: ["unit"], mustChangePassword: true });
    const stored = JSON.stringify({ ...row, id: String(row!.id) });
    expect(stored).not.toContain(issued.password);
    expect(stored).not.toContain("scrypt");
  });

  it.each([
    ["unit", "office", "“受评单位”角色只能授予受评单位的账户"],
    ["source", "evaluated", "“信源单位”角色只能授予信源单位的账户"],
    ["office", "evaluated", "“信用办工作人员”角色只能授予信用办的账户"],
    ["admin", "reviewer", "“系统管理员”角色只能授予信用办的账户"],
    ["reviewer", "office", "“委托部门/领导小组”角色只能授予委托部门/领导小组的账户"],
  ] as const)("refuses the role %s for an organisation that is only %s", async (role, orgKey, message) => {
    const error = await refusal(createAccount(admin, createInput(`misfit-${role}`, org[orgKey], [role]), null));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.roles?.[0]).toContain(message);
    expect(await t.prisma.user.count({ where: { username: `misfit-${role}` } })).toBe(0);
  });

  it("accepts each role where it fits, and several fitting roles at once", async () => {
    await createAccount(admin, createInput("fit-source", org.source, ["source"]), null);
    await createAccount(admin, createInput("fit-reviewer", org.reviewer, ["reviewer"]), null);
    await createAccount(admin, createInput("fit-staff", org.office, ["office", "admin"]), null);
    expect((await account("fit-staff")).roles).toEqual(["admin", "office"]);
  });

  it("refuses a deactivated organisation", async () => {
    const error = await refusal(createAccount(admin, createInput("closed-unit", org.closed, ["unit"]), null));
    expect(error.fieldErrors?.organisationId).toEqual(["所选单位已停用，不能为其开设或调入账户"]);
  });

  it("refuses a duplicate username (any letter case) and e-mail, each on its field, and reports both", async () => {
    await createAccount(admin, createInput("dup-one", org.evaluated, ["unit"], "dup@example.gov.cn"), null);
    const error = await refusal(createAccount(admin, createInput("DUP-one", org.evaluated, ["unit"], "DUP@example.gov.cn"), null));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors).toEqual({
      username: ["用户名“DUP-one”已被使用（不区分大小写）"],
      email: ["电子邮箱“dup@example.gov.cn”已被其他账户使用"],
    });
    expect(await t.prisma.user.count({ where: { username: { startsWith: "dup", mode: "insensitive" } } })).toBe(1);
  });

  it("validates every field in Chinese, listing every problem", () => {
    const result = createUserSchema.safeParse({ username: "a b", displayName: " ", email: "no-at-sign", organisationId: "", roles: [] });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((i) => i.path.join(".")));
    expect([...fields].sort()).toEqual(["displayName", "email", "organisationId", "roles", "username"]);
    expect(result.error!.issues.find((i) => i.path[0] === "username")?.message).toBe("用户名只能包含英文字母、数字和 - _ . 三种符号");
  });
});

describe("resetPassword", () => {
  it("issues a new one-time password, forces a change, ends old sessions and lifts a lock", async () => {
    const { id, password } = await activeAccount("reset-me");
    const signedIn = await signInWithPassword("reset-me", password, null);
    expect(signedIn).toMatchObject({ ok: true });
    const oldSession = signedIn.ok ? signedIn.sessionVersion : 0;
    await t.prisma.user.update({ where: { id }, data: { failedLogins: 3, lockedUntil: new Date(Date.now() + 600_000) } });
    const before = await account("reset-me");

    const issued = await resetPassword(admin, { id, expectedVersion: before.version }, null);
    const user = await account("reset-me");
    expect(user).toMatchObject({ mustChangePassword: true, failedLogins: 0, lockedUntil: null, sessionVersion: oldSession + 1, version: before.version + 1 });
    expect(await signInWithPassword("reset-me", password, null)).toEqual({ ok: false, reason: "invalid" });
    const fresh = await signInWithPassword("reset-me", issued.password, null);
    expect(fresh).toMatchObject({ ok: true, sessionVersion: oldSession + 1 });

    const [row] = await auditFor(id, "user.password_reset");
    expect(row!.before).toMatchObject({ mustChangePassword: false, sessionVersion: oldSession, failedLogins: 3 });
    expect(row!.after).toMatchObject({ mustChangePassword: true, sessionVersion: oldSession + 1, lockedUntil: null });
    expect(JSON.stringify([row!.before, row!.after, row!.meta])).not.toContain(issued.password);
  });
});

describe("lockAccount and unlockAccount", () => {
  it("a permanent lock refuses even the right password until an admin unlocks", async () => {
    const { id, password } = await activeAccount("lock-me");
    const { version, sessionVersion } = await account("lock-me");
    await lockAccount(admin, { id, expectedVersion: version, duration: "permanent" }, null);
    const locked = await account("lock-me");
    expect(locked.lockedUntil).toEqual(PERMANENT_LOCK);
    expect(locked.sessionVersion).toBe(sessionVersion + 1);
    expect(await signInWithPassword("lock-me", password, null)).toMatchObject({ ok: false, reason: "locked" });

    await unlockAccount(admin, { id, expectedVersion: locked.version }, null);
    expect(await account("lock-me")).toMatchObject({ lockedUntil: null, failedLogins: 0 });
    expect(await signInWithPassword("lock-me", password, null)).toMatchObject({ ok: true });

    const [lockRow] = await auditFor(id, "user.locked");
    expect(lockRow!.before).toMatchObject({ lockedUntil: null });
    expect(lockRow!.after).toMatchObject({ lockedUntil: PERMANENT_LOCK.toISOString() });
    expect(lockRow!.meta).toEqual({ duration: "permanent" });
    const [unlockRow] = await auditFor(id, "user.unlocked");
    expect(unlockRow!.after).toMatchObject({ lockedUntil: null });
  });

  it("a lock for a period ends by itself", async () => {
    const { id, password } = await activeAccount("lock-hour");
    process.env.INTEGRITY_FAKE_NOW = "2026-11-23T02:00:00.000Z";
    await lockAccount(admin, { id, expectedVersion: (await account("lock-hour")).version, duration: "1h" }, null);
    expect((await account("lock-hour")).lockedUntil).toEqual(new Date("2026-11-23T03:00:00.000Z"));
    expect(await signInWithPassword("lock-hour", password, null)).toEqual({ ok: false, reason: "locked", minutesLeft: 60 });
    process.env.INTEGRITY_FAKE_NOW = "2026-11-23T03:00:01.000Z";
    expect(await signInWithPassword("lock-hour", password, null)).toMatchObject({ ok: true });
  });
});

describe("deactivateAccount and reactivateAccount", () => {
  it("a deactivated account cannot sign in and its sessions end; reactivating restores it", async () => {
    const { id, password } = await activeAccount("leaver");
    const before = await account("leaver");
    await deactivateAccount(admin, { id, expectedVersion: before.version }, null);
    const after = await account("leaver");
    expect(after).toMatchObject({ active: false, sessionVersion: before.sessionVersion + 1 });
    expect(await signInWithPassword("leaver", password, null)).toEqual({ ok: false, reason: "invalid" });
    await expect(deactivateAccount(admin, { id, expectedVersion: after.version }, null)).rejects.toThrow("该账户已经停用");

    await reactivateAccount(admin, { id, expectedVersion: after.version }, null);
    expect(await signInWithPassword("leaver", password, null)).toMatchObject({ ok: true });
    expect((await auditFor(id, "user.deactivated"))[0]!.after).toMatchObject({ active: false });
    expect((await auditFor(id, "user.reactivated"))[0]!.before).toMatchObject({ active: false });
    expect(await t.prisma.user.count({ where: { id } })).toBe(1);
  });
});

describe("updateAccount", () => {
  const edit = (id: string, expectedVersion: number, patch: Record<string, unknown> = {}) =>
    updateUserSchema.parse({ id, expectedVersion, displayName: "教育局 张三", email: "zhang@jyj.gov.cn", organisationId: org.evaluated, roles: ["unit"], ...patch });

  it("changes the fields with before/after in the audit log, and refuses a stale copy without overwriting", async () => {
    const { id } = await activeAccount("edit-me");
    const { version } = await account("edit-me");
    expect(await updateAccount(admin, edit(id, version), null)).toEqual({ changed: true });

    const stale = await refusal(updateAccount(admin, edit(id, version, { displayName: "过期的修改" }), null));
    expect(stale.code).toBe("STALE");
    expect(stale.message).toBe("该记录已被他人修改，请刷新后重试（您的修改未保存）");
    expect(await account("edit-me")).toMatchObject({ displayName: "教育局 张三", email: "zhang@jyj.gov.cn", version: version + 1 });
    await expect(resetPassword(admin, { id, expectedVersion: version }, null)).rejects.toThrow("已被他人修改");

    const rows = await auditFor(id, "user.updated");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before).toMatchObject({ displayName: "edit-me 联络员", email: null, version });
    expect(rows[0]!.after).toMatchObject({ displayName: "教育局 张三", email: "zhang@jyj.gov.cn", version: version + 1 });

    expect(await updateAccount(admin, edit(id, version + 1), null)).toEqual({ changed: false });
    expect(await auditFor(id, "user.updated")).toHaveLength(1);
  });

  it("checks the role against a new organisation, and the e-mail against other accounts", async () => {
    const { id } = await activeAccount("move-me");
    await createAccount(admin, createInput("mail-owner", org.evaluated, ["unit"], "taken@example.gov.cn"), null);
    const { version } = await account("move-me");
    const error = await refusal(updateAccount(admin, edit(id, version, { organisationId: org.source, email: "taken@example.gov.cn" }), null));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["email", "roles"]);
    await updateAccount(admin, edit(id, version, { organisationId: org.source, roles: ["source"], email: "" }), null);
    expect(await account("move-me")).toMatchObject({ organisationId: org.source, roles: ["source"], email: null });
  });
});

describe("self-protection", () => {
  it("an admin cannot deactivate, lock, reset or drop the admin role from their own account", async () => {
    const me = await account("root");
    const input = { id: me.id, expectedVersion: me.version };
    expect((await refusal(deactivateAccount(admin, input, null))).message).toContain("不能停用您自己的账户");
    expect((await refusal(lockAccount(admin, { ...input, duration: "permanent" }, null))).message).toContain("不能锁定您自己的账户");
    expect((await refusal(resetPassword(admin, input, null))).message).toContain("修改密码");
    const drop = await refusal(
      updateAccount(admin, updateUserSchema.parse({ ...input, displayName: "管理员甲", email: "", organisationId: org.office, roles: ["office"] }), null),
    );
    expect(drop.fieldErrors?.roles).toEqual(["不能取消您自己的“系统管理员”角色，否则可能无人能够管理账户"]);
    expect(await account("root")).toMatchObject({ active: true, lockedUntil: null, roles: ["admin"], version: me.version });
    await updateAccount(admin, updateUserSchema.parse({ ...input, displayName: "管理员甲（信用办）", email: "", organisationId: org.office, roles: ["admin", "office"] }), null);
    expect((await account("root")).roles).toEqual(["admin", "office"]);
  });
});

describe("listUsers and searchOrganisations", () => {
  const list = (query: Record<string, string>) => listUsers(userListSchema.parse(query));

  it("searches, filters by organisation, role and status, and sorts in the database", async () => {
    expect((await list({ q: "JYJ-LIAISON" })).rows.map((r) => r.username)).toEqual(["jyj-liaison"]);
    expect((await list({ q: "中级人民法院" })).rows.map((r) => r.username)).toEqual(["fit-source", "move-me"]);
    expect((await list({ q: "liaison@jyj" })).total).toBe(1);
    expect((await list({ org: org.reviewer })).rows.map((r) => r.username)).toEqual(["fit-reviewer"]);
    expect((await list({ role: "admin" })).rows.map((r) => r.username)).toEqual(["fit-staff", "root"]);
    expect((await list({ status: "deactivated" })).total).toBe(0);
    const mustChange = await list({ status: "must_change" });
    expect(mustChange.rows.every((r) => r.mustChangePassword)).toBe(true);
    const byName = (await list({ sort: "username", order: "desc" })).rows.map((r) => r.username);
    expect(byName).toEqual([...byName].sort().reverse());
    const byOrg = (await list({ sort: "organisation" })).rows.map((r) => r.organisationName);
    // Organisation names sort by pinyin (the column's ICU collation): 教育 < 信用 < 政务 < 中级.
    expect(byOrg).toEqual([...byOrg].sort(new Intl.Collator("zh-Hans-CN").compare));
    expect([...new Set(byOrg)]).toEqual(["鹤岗市教育局", "鹤岗市信用办", "鹤岗市政务诚信建设领导小组", "鹤岗市中级人民法院"]);

    const { id, version } = await account("fit-reviewer");
    await lockAccount(admin, { id, expectedVersion: version, duration: "24h" }, null);
    expect((await list({ status: "locked" })).rows.map((r) => r.username)).toEqual(["fit-reviewer"]);
    expect((await list({ status: "active" })).rows.map((r) => r.username)).not.toContain("fit-reviewer");
  });

  it("finds organisations by name or short name, leaving out deactivated ones unless asked", async () => {
    expect((await searchOrganisations("教育")).map((o) => o.name)).toEqual(["鹤岗市教育局"]);
    expect(await searchOrganisations("已撤并")).toEqual([]);
    expect((await searchOrganisations("已撤并", { includeInactive: true })).map((o) => o.active)).toEqual([false]);
  });
});

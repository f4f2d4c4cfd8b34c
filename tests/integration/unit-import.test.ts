import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { applyUnitImport } from "@/lib/orgs/import/apply";
import { previewUnitList } from "@/lib/orgs/import/check";
import { makeUscc } from "@/lib/orgs/uscc";
import { createTestDatabase, type TestDatabase } from "../support/database";

const fixtures = path.resolve(__dirname, "../fixtures");
const cleanCsv = readFileSync(path.join(fixtures, "clean-units.csv"), "utf8");
const bytes = (text: string) => new TextEncoder().encode(text);

let t: TestDatabase;
let actor: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  const office = await t.prisma.organisation.create({
    data: { name: "鹤岗市社会信用体系建设工作领导小组办公室", kind: "municipal_department", uscc: makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: "11300100" }), roles: ["office"] },
  });
  const user = await t.prisma.user.create({
    data: { username: "office1", displayName: "信用办 王丽", organisationId: office.id, roles: ["office"], passwordHash: "x", mustChangePassword: false },
  });
  actor = { id: user.id, username: user.username, displayName: user.displayName, roles: ["office"], organisationId: office.id, organisationName: office.name, mustChangePassword: false };
});
afterAll(() => t.drop());

async function counts() {
  const [orgs, users, audits, imports] = await Promise.all([
    t.prisma.organisation.count(),
    t.prisma.user.count(),
    t.prisma.auditLog.count(),
    t.prisma.auditLog.count({ where: { action: "org.import" } }),
  ]);
  return { orgs, users, audits, imports };
}

async function preview(text: string, fileName = "单位名单.csv") {
  const outcome = await previewUnitList(bytes(text), fileName);
  if (outcome.status !== "preview") throw new Error(JSON.stringify(outcome.problems.slice(0, 5)));
  return outcome;
}

describe("unit-list import against PostgreSQL", () => {
  it("refuses the seed 000 list with every problem and writes nothing", async () => {
    const before = await counts();
    const outcome = await previewUnitList(readFileSync(path.join(fixtures, "seed-000-units.csv")), "seed.csv");
    expect(outcome.status).toBe("problems");
    if (outcome.status !== "problems") return;
    expect(outcome.rows).toBe(30);
    expect(Object.fromEntries(outcome.counts.map((c) => [c.code, c.count]))).toEqual({
      uscc_format: 30,
      uscc_checksum: 30,
      uscc_duplicate: 30,
      name_duplicate: 13,
      legal_rep_invalid: 30,
      phone_invalid: 30,
      email_invalid: 12,
    });
    expect(await counts()).toEqual(before);
  });

  it("a stale preview (a unit created meanwhile with one of the codes) is refused and leaves nothing behind", async () => {
    const { fingerprint } = await preview(cleanCsv);
    const sports = cleanCsv.split("\r\n")[1]!.split(",");
    const meanwhile = await t.prisma.organisation.create({ data: { name: "他人刚建的单位", kind: "municipal_department", uscc: sports[2]!, roles: ["evaluated"] } });
    const before = await counts();
    await expect(applyUnitImport(actor, { bytes: bytes(cleanCsv), fileName: "a.csv", fingerprint, createAccounts: true }, null)).rejects.toThrow("预览之后单位数据已有变化");
    await expect(applyUnitImport(actor, { bytes: bytes(cleanCsv), fileName: "a.csv", fingerprint: "0".repeat(64), createAccounts: false }, null)).rejects.toThrow("预览之后单位数据已有变化");
    expect(await counts()).toEqual(before);
    await t.prisma.organisation.delete({ where: { id: meanwhile.id } });
  });

  it("a failure half way (the last account refused by the database) rolls everything back", async () => {
    const { fingerprint, counts: planned } = await preview(cleanCsv);
    expect(planned).toEqual({ create: 12, update: 0, unchanged: 0 });
    await t.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_last_account() RETURNS trigger AS $$
      BEGIN IF NEW.username = 'u234211214' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_last_account BEFORE INSERT ON app_user FOR EACH ROW EXECUTE FUNCTION refuse_last_account()`);
    const before = await counts();
    try {
      await expect(applyUnitImport(actor, { bytes: bytes(cleanCsv), fileName: "a.csv", fingerprint, createAccounts: true }, null)).rejects.toThrow(/refused for the test/);
    } finally {
      await t.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_last_account ON app_user`);
    }
    expect(await counts()).toEqual(before);
  });

  it("creates the units, their hierarchy and one account each with a forced password change", async () => {
    await t.prisma.user.create({ data: { username: "U234100004", displayName: "同名账户", organisationId: actor.organisationId, roles: ["office"], passwordHash: "x" } });
    const { fingerprint } = await preview(cleanCsv);
    const before = await counts();
    const result = await applyUnitImport(actor, { bytes: bytes(cleanCsv), fileName: "单位名单.csv", fingerprint, createAccounts: true }, "127.0.0.1");
    expect(result).toMatchObject({ created: 12, updated: 0, unchanged: 0 });
    expect(result.accounts).toHaveLength(12);
    expect(await counts()).toEqual({ orgs: before.orgs + 12, users: before.users + 12, audits: before.audits + 12 + 12 + 1, imports: 1 });
    // u + the organisation code; a name already taken (case-insensitively) gets a suffix.
    expect(result.accounts.map((a) => a.username)).toContain("u234100004-2");

    const community = await t.prisma.organisation.findFirstOrThrow({
      where: { name: "萝北县凤翔镇东风社区居民委员会" },
      include: { parent: { include: { parent: true } } },
    });
    expect(community).toMatchObject({ kind: "community", roles: ["evaluated"], phone: "13945860112", email: null });
    expect(community.parent).toMatchObject({ name: "萝北县凤翔镇人民政府", kind: "township" });
    expect(community.parent?.parent).toMatchObject({ name: "萝北县人民政府", kind: "county", parentId: null });
    const byCode = await t.prisma.organisation.findFirstOrThrow({ where: { name: "萝北县名山镇人民政府" }, include: { parent: true } });
    expect(byCode.parent?.name).toBe("萝北县人民政府");
    const early = await t.prisma.organisation.findFirstOrThrow({ where: { name: "绥滨县绥滨镇城西社区居民委员会" }, include: { parent: true } });
    expect(early.parent?.name).toBe("绥滨县绥滨镇人民政府");

    for (const account of result.accounts) {
      const user = await t.prisma.user.findUniqueOrThrow({ where: { username: account.username }, include: { organisation: true } });
      expect(user).toMatchObject({ roles: ["unit"], mustChangePassword: true, active: true });
      expect(user.organisation.uscc).toBe(account.uscc);
      expect(account.username).toMatch(new RegExp(`^u${account.uscc.slice(8, 17).toLowerCase()}(-2)?$`));
      expect(user.passwordHash).not.toContain(account.password);
      expect(await verifyPassword(account.password, user.passwordHash)).toBe(true);
    }
    const summary = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "org.import" } });
    expect(summary.meta).toMatchObject({ fileName: "单位名单.csv", rows: 12, created: 12, updated: 0, unchanged: 0, accounts: 12 });
    const trail = await t.prisma.auditLog.findMany({ select: { before: true, after: true, meta: true } });
    expect(JSON.stringify(trail)).not.toContain(result.accounts[0]!.password);
  });

  it("a re-import matches by credit code: unchanged rows are reported, changes listed field by field", async () => {
    const again = await preview(cleanCsv);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 12 });

    const edited = cleanCsv.replace("0468-3452101", "0468-3452999").replace("萝北县团结镇人民政府,1", "萝北县团结镇人民政府（新）,1");
    const outcome = await preview(edited);
    expect(outcome.counts).toEqual({ create: 0, update: 2, unchanged: 10 });
    const sports = outcome.items.find((i) => i.name === "鹤岗市体育局")!;
    expect(sports.changes).toEqual([{ label: "联系电话", before: "0468-3452101", after: "0468-3452999" }]);
    const renamed = outcome.items.find((i) => i.name.endsWith("（新）"))!;
    expect(renamed.changes).toEqual([{ label: "单位名称", before: "萝北县团结镇人民政府", after: "萝北县团结镇人民政府（新）" }]);

    const before = await counts();
    const result = await applyUnitImport(actor, { bytes: bytes(edited), fileName: "b.csv", fingerprint: outcome.fingerprint, createAccounts: true }, null);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 10, accounts: [] });
    expect(await counts()).toEqual({ ...before, audits: before.audits + 2 + 1, imports: 2 });
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "org.update", entityId: (await t.prisma.organisation.findFirstOrThrow({ where: { name: "鹤岗市体育局" } })).id } });
    expect(audit.before).toMatchObject({ phone: "0468-3452101" });
    expect(audit.after).toMatchObject({ phone: "0468-3452999" });
    expect(audit.meta).toMatchObject({ changed: ["phone"], fileName: "b.csv" });
  });

  it("checks against the system: parents by name or code, name clashes, an inactive unit", async () => {
    const county = await t.prisma.organisation.findFirstOrThrow({ where: { name: "萝北县人民政府" } });
    const centre = await t.prisma.organisation.findFirstOrThrow({ where: { name: "鹤岗市机关事务服务中心" } });
    await t.prisma.organisation.update({ where: { id: centre.id }, data: { active: false } });
    const code = (n: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230421", orgBody8: String(34560000 + n) });
    const list = [
      "单位名称,统一社会信用代码,单位类别,上级单位",
      `萝北县肇兴镇人民政府,${code(1)},乡镇/街道,萝北县 人民政府`,
      `萝北县环山乡人民政府,${code(2)},乡镇/街道,${county.uscc}`,
      `萝北县东明乡人民政府,${code(3)},乡镇/街道,萝北县不存在的政府`,
      `鹤岗市体育局,${code(4)},市直部门,`,
      `鹤岗市机关事务服务中心,${centre.uscc},,`,
      `萝北县团结镇幸福社区居民委员会,${code(5)},社区,萝北县团结镇 人民政府(新)`,
      `绥滨县人民政府,${(await t.prisma.organisation.findFirstOrThrow({ where: { name: "绥滨县人民政府" } })).uscc},市直部门,`,
    ].join("\n");
    const outcome = await previewUnitList(bytes(list), "c.csv");
    expect(outcome.status).toBe("problems");
    if (outcome.status !== "problems") return;
    expect(outcome.problems.map((p) => [p.row, p.code])).toEqual([
      [4, "parent_unknown"],
      [5, "name_exists"],
      [6, "org_inactive"],
      [8, "kind_change_blocked"],
    ]);
  });
});

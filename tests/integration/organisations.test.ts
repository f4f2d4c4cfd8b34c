import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listOrganisations, orgListSchema } from "@/lib/orgs/data";
import { createOrganisation, setOrganisationActive, updateOrganisation } from "@/lib/orgs/mutations";
import { orgFormSchema, type OrgFormInput } from "@/lib/orgs/schema";
import { makeUscc } from "@/lib/orgs/uscc";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let actor: Actor;
const code = (n: number) => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: `MB${String(n).padStart(6, "0")}` });

function form(overrides: Partial<Record<keyof OrgFormInput, unknown>>): OrgFormInput {
  return orgFormSchema.parse({ name: "鹤岗市测试局", kind: "municipal_department", uscc: code(1), roles: ["evaluated"], ...overrides });
}

beforeAll(async () => {
  t = await createTestDatabase();
  const office = await t.prisma.organisation.create({ data: { name: "鹤岗市信用办", kind: "municipal_department", uscc: code(999), roles: ["office"] } });
  actor = { id: "staff-1", username: "office1", displayName: "信用办 王丽", roles: ["office"], organisationId: office.id, organisationName: office.name, mustChangePassword: false };
});
afterAll(() => t.drop());

describe("organisation form validation", () => {
  it("lists every problem of a bad form, in Chinese", () => {
    const result = orgFormSchema.safeParse({ name: "x", kind: "city", uscc: "112301000000000000", phone: "12345", email: "fgw.hegang.gov.cn", roles: [] });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(Object.keys(byField).sort()).toEqual(["email", "kind", "name", "phone", "roles", "uscc"]);
    expect(byField.email).toContain("电子邮箱格式不正确");
  });
});

describe("organisation mutations", () => {
  it("creates a county, a township under it and a community under that, each audited", async () => {
    const county = await createOrganisation(actor, form({ name: "东山区", kind: "county", uscc: code(2) }), null);
    const town = await createOrganisation(actor, form({ name: "东山镇", kind: "township", uscc: code(3), parentId: county.id }), null);
    await createOrganisation(actor, form({ name: "东山社区", kind: "community", uscc: code(4), parentId: town.id }), null);
    expect(await t.prisma.auditLog.count({ where: { action: "org.create" } })).toBe(3);
    const under = await listOrganisations(orgListSchema.parse({ under: county.id }));
    expect(under.rows.map((r) => r.name).sort()).toEqual(["东山区", "东山社区", "东山镇"]);
  });

  it("refuses a wrong parent kind, a duplicate code and a duplicate active name, saving nothing", async () => {
    const before = await t.prisma.organisation.count();
    const county = await t.prisma.organisation.findFirstOrThrow({ where: { name: "东山区" } });
    await expect(createOrganisation(actor, form({ name: "错挂社区", kind: "community", uscc: code(5), parentId: county.id }), null)).rejects.toMatchObject({
      fieldErrors: { parentId: ["社区的上级单位必须是乡镇/街道"] },
    });
    await expect(createOrganisation(actor, form({ name: "另一个局", uscc: code(2) }), null)).rejects.toMatchObject({
      fieldErrors: { uscc: [expect.stringContaining("已属于“东山区”")] },
    });
    await expect(createOrganisation(actor, form({ name: "东山区", kind: "county", uscc: code(6) }), null)).rejects.toMatchObject({
      fieldErrors: { name: ["已有同名的在用单位“东山区”"] },
    });
    expect(await t.prisma.organisation.count()).toBe(before);
  });

  it("edits with optimistic locking: a stale edit is refused and the other edit survives", async () => {
    const org = await createOrganisation(actor, form({ name: "鹤岗市审计局", uscc: code(7) }), null);
    const first = { ...form({ name: "鹤岗市审计局", uscc: code(7), phone: "0468-3451234" }), id: org.id, expectedVersion: 1 };
    await updateOrganisation(actor, first, null);
    await expect(updateOrganisation(actor, { ...first, phone: "0468-3459999" }, null)).rejects.toMatchObject({ code: "STALE" });
    expect((await t.prisma.organisation.findUniqueOrThrow({ where: { id: org.id } })).phone).toBe("0468-3451234");
    const audit = await t.prisma.auditLog.findFirstOrThrow({ where: { action: "org.update", entityId: org.id } });
    expect(audit.before).toMatchObject({ phone: null });
    expect(audit.after).toMatchObject({ phone: "0468-3451234" });
  });

  it("deactivates only leaves, never deletes, and reactivates with a reason", async () => {
    const town = await t.prisma.organisation.findFirstOrThrow({ where: { name: "东山镇" } });
    await expect(setOrganisationActive(actor, { id: town.id, active: false, expectedVersion: town.version, reason: "撤并" }, null)).rejects.toThrow(
      "还有1个在用的下级单位",
    );
    const community = await t.prisma.organisation.findFirstOrThrow({ where: { name: "东山社区" } });
    await setOrganisationActive(actor, { id: community.id, active: false, expectedVersion: community.version, reason: "撤并" }, null);
    expect(await t.prisma.organisation.findUniqueOrThrow({ where: { id: community.id } })).toMatchObject({ active: false, version: 2 });
    const active = await listOrganisations(orgListSchema.parse({ q: "东山" }));
    expect(active.rows.map((r) => r.name)).not.toContain("东山社区");
    await setOrganisationActive(actor, { id: community.id, active: true, expectedVersion: 2, reason: "恢复" }, null);
    expect(await t.prisma.auditLog.count({ where: { entityId: community.id, action: { in: ["org.deactivate", "org.reactivate"] } } })).toBe(2);
  });

  it("searches by name or credit-code prefix and sorts in pinyin order in the database", async () => {
    const byCode = await listOrganisations(orgListSchema.parse({ q: code(7).slice(0, 12), status: "all" }));
    expect(byCode.rows.map((r) => r.name)).toContain("鹤岗市审计局");
    const sorted = await listOrganisations(orgListSchema.parse({ sort: "name", order: "desc", status: "all" }));
    const names = sorted.rows.map((r) => r.name);
    const pinyin = new Intl.Collator("zh-Hans-CN");
    expect(names).toEqual([...names].sort((a, b) => pinyin.compare(b, a)));
    expect(names.indexOf("鹤岗市信用办")).toBeLessThan(names.indexOf("鹤岗市审计局")); // xin > shen
  });
});

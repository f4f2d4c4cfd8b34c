import { describe, expect, it } from "vitest";
import { ORG_ROLES, UNIT_KINDS, USER_ROLES } from "@/lib/orgs/kinds";
import { validateUscc } from "@/lib/orgs/uscc";
import { demoOrganisations, demoUsers } from "@/prisma/demo-data";

const TEMPLATE_SOURCES = [
  "市司法局",
  "市中级人民法院",
  "市政府公开办",
  "市营商局",
  "市委考评办",
  "市信访局",
  "市财政局",
  "市工信局",
  "市文明办",
  "市总工会",
  "市纪委监委",
];
const EMAIL = /^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe("demo organisations", () => {
  it("have valid, unique credit codes in Hegang (230400)", () => {
    for (const org of demoOrganisations) {
      expect(validateUscc(org.uscc), org.name).toEqual({ ok: true, normalized: org.uscc });
      expect(org.uscc.slice(2, 8)).toBe("230400");
    }
    expect(duplicates(demoOrganisations.map((o) => o.uscc))).toEqual([]);
  });

  it("have valid, unique e-mails, keys, names and short names", () => {
    for (const org of demoOrganisations) expect(org.email).toMatch(EMAIL);
    expect(duplicates(demoOrganisations.map((o) => o.email))).toEqual([]);
    expect(duplicates(demoOrganisations.map((o) => o.key))).toEqual([]);
    expect(duplicates(demoOrganisations.map((o) => o.name))).toEqual([]);
    expect(duplicates(demoOrganisations.flatMap((o) => (o.shortName ? [o.shortName] : [])))).toEqual([]);
  });

  it("have ascii keys, Hegang phone numbers, legal representatives and known kinds and roles", () => {
    for (const org of demoOrganisations) {
      expect(org.key).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(org.phone).toMatch(/^0468-\d{7}$/);
      expect(org.legalRep).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(UNIT_KINDS).toContain(org.kind);
      expect(org.roles.length).toBeGreaterThan(0);
      for (const role of org.roles) expect(ORG_ROLES).toContain(role);
    }
  });

  it.each(TEMPLATE_SOURCES)("has exactly one source organisation named %s", (shortName) => {
    const matches = demoOrganisations.filter((o) => o.shortName === shortName);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.roles).toContain("source");
  });

  it("has one credit office, one reviewer and about 30 evaluated departments", () => {
    expect(demoOrganisations.filter((o) => o.roles.includes("office"))).toHaveLength(1);
    expect(demoOrganisations.filter((o) => o.roles.includes("reviewer"))).toHaveLength(1);
    expect(demoOrganisations.filter((o) => o.roles.includes("evaluated")).length).toBeGreaterThanOrEqual(28);
  });

  it("marks departments that both report and are evaluated with both roles", () => {
    for (const shortName of ["市信访局", "市司法局", "市财政局", "市工信局", "市营商局"]) {
      const org = demoOrganisations.find((o) => o.shortName === shortName);
      expect(org?.roles).toEqual(expect.arrayContaining(["evaluated", "source"]));
    }
  });
});

describe("demo users", () => {
  const orgsByKey = new Map(demoOrganisations.map((o) => [o.key, o]));

  it("have unique ascii usernames, known roles and existing organisations", () => {
    expect(duplicates(demoUsers.map((u) => u.username))).toEqual([]);
    for (const user of demoUsers) {
      expect(user.username).toMatch(/^[a-z0-9-]+$/);
      expect(orgsByKey.has(user.orgKey), user.username).toBe(true);
      for (const role of user.roles) expect(USER_ROLES).toContain(role);
    }
  });

  it("cover every role, with two office staff and at least three unit users", () => {
    const withRole = (role: string) => demoUsers.filter((u) => u.roles.some((r) => r === role));
    expect(withRole("admin")).toHaveLength(1);
    expect(withRole("office").map((u) => u.username)).toEqual(["office1", "office2"]);
    expect(withRole("reviewer")).toHaveLength(1);
    expect(withRole("unit").length).toBeGreaterThanOrEqual(3);
  });

  it("give each user an organisation holding the matching role", () => {
    const needs = { admin: "office", office: "office", reviewer: "reviewer", unit: "evaluated", source: "source" } as const;
    for (const user of demoUsers) {
      for (const role of user.roles) expect(orgsByKey.get(user.orgKey)?.roles, user.username).toContain(needs[role]);
    }
  });

  it("give every source organisation exactly one source user", () => {
    for (const org of demoOrganisations.filter((o) => o.roles.includes("source"))) {
      const users = demoUsers.filter((u) => u.orgKey === org.key && u.roles.includes("source"));
      expect(users, org.name).toHaveLength(1);
    }
  });
});

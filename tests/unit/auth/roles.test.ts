import { describe, expect, it } from "vitest";
import { navFor } from "@/lib/auth/nav";
import { hasPermission, roleLabels, USER_ROLES } from "@/lib/auth/roles";

describe("roles and permissions", () => {
  it("grants the audit log to admin and office only", () => {
    const allowed = USER_ROLES.filter((role) => hasPermission([role], "read:audit:any"));
    expect(allowed).toEqual(["admin", "office"]);
  });

  it("keeps user management with the admin, and scoring decisions away from it", () => {
    expect(hasPermission(["admin"], "manage:users:any")).toBe(true);
    expect(hasPermission(["office"], "manage:users:any")).toBe(false);
    expect(hasPermission(["admin"], "manage:cycles:any")).toBe(false);
  });

  it("lets a source that is also a unit hold both roles' permissions", () => {
    expect(hasPermission(["source", "unit"], "submit:facts:assigned")).toBe(true);
    expect(hasPermission(["source", "unit"], "read:results:own")).toBe(true);
    expect(hasPermission(["source", "unit"], "read:results:any")).toBe(false);
  });

  it("shows only what a role may use in the navigation", () => {
    expect(navFor(["unit"]).map((i) => i.href)).toEqual(["/", "/unit", "/unit/dossier", "/schemes", "/account/password"]);
    expect(navFor(["source", "unit"]).map((i) => i.href)).toEqual(["/", "/collect", "/unit", "/unit/dossier", "/schemes", "/account/password"]);
    expect(navFor(["admin"]).map((i) => i.href)).toEqual(["/", "/schemes", "/orgs", "/users", "/calendar", "/audit", "/account/password"]);
    expect(navFor(["office"]).map((i) => i.href)).toEqual(["/", "/cycles", "/dossiers", "/schemes", "/orgs", "/audit", "/account/password"]);
    expect(navFor(["reviewer"]).map((i) => i.href)).toEqual(["/", "/review", "/dossiers", "/schemes", "/account/password"]);
    expect(navFor(["office"]).map((i) => i.href)).not.toContain("/users");
    expect(navFor(["office"]).map((i) => i.href)).toContain("/audit");
  });

  it("labels roles in Chinese", () => {
    expect(roleLabels(["office", "reviewer"])).toBe("信用办工作人员、委托部门/领导小组");
  });
});

describe("audit actor labels", () => {
  it("names the user, an anonymous caller, or the system", async () => {
    const { auditActorLabel } = await import("@/lib/audit/labels");
    expect(auditActorLabel({ actorName: "信用办 王丽", action: "org.update" })).toBe("信用办 王丽");
    expect(auditActorLabel({ actorName: null, action: "auth.sign_in_failed" })).toBe("（未登录）");
    expect(auditActorLabel({ actorName: null, action: "seed.demo" })).toBe("系统");
  });
});

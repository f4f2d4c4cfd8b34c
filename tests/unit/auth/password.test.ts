import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInMessage } from "@/lib/auth/messages";
import { changePasswordSchema } from "@/lib/users/schema";

describe("password hashing (scrypt)", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("Xinyong2026");
    const b = await hashPassword("Xinyong2026");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Xinyong2026", a)).toBe(true);
    expect(await verifyPassword("xinyong2026", a)).toBe(false);
    expect(await verifyPassword("Xinyong2026", "garbage")).toBe(false);
  });

  it("treats full-width and half-width input alike (NFKC)", async () => {
    const hash = await hashPassword("Ｐａｓｓ２０２６word");
    expect(await verifyPassword("Pass2026word", hash)).toBe(true);
  });
});

describe("password rules", () => {
  const parse = (next: string, confirm = next) =>
    changePasswordSchema.safeParse({ current: "Old-password-1", next, confirm, expectedVersion: 1 });

  it("requires 10 characters with letters and digits, confirmed, different from the current one", () => {
    expect(parse("Abcdefgh12").success).toBe(true);
    const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => i.message));
    expect(messages(parse("Abc12"))).toContain("新密码至少需要10个字符");
    expect(messages(parse("abcdefghijk"))).toContain("新密码须同时包含字母和数字");
    expect(messages(parse("Abcdefgh12", "Abcdefgh13"))).toContain("两次输入的新密码不一致");
    expect(messages(parse("Old-password-1"))).toContain("新密码不能与当前密码相同");
  });
});

describe("sign-in messages", () => {
  it("never says whether the user exists, and names the lock's minutes", () => {
    expect(signInMessage("invalid")).toBe("用户名或密码错误，请重新输入。连续多次失败后账户将被临时锁定。");
    expect(signInMessage("locked:15")).toContain("请15分钟后再试");
    expect(signInMessage("anything-else")).toContain("用户名或密码错误");
    expect(signInMessage("locked:150")).toContain("请约3小时后再试");
    expect(signInMessage("locked:4193450864")).toBe("账户已被系统管理员锁定，请联系系统管理员解锁。");
  });
});

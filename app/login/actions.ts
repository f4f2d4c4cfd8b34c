"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/next-auth";
import { signInMessage } from "@/lib/auth/messages";

export type SignInState = { error?: string; login?: string };

const schema = z.object({
  login: z.string().trim().min(1, "请输入用户名或电子邮箱").max(200, "用户名过长"),
  password: z.string().min(1, "请输入密码").max(200, "密码过长"),
  next: z.string().optional(),
});

function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const login = String(formData.get("login") ?? "").slice(0, 200);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => i.message).join("；"), login };
  try {
    await signIn("credentials", {
      login: parsed.data.login,
      password: parsed.data.password,
      redirectTo: safeNext(parsed.data.next),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = "code" in error && typeof error.code === "string" ? error.code : "invalid";
      return { error: signInMessage(code), login };
    }
    throw error;
  }
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "登录" };

type Props = { searchParams: Promise<{ next?: string; changed?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  if (await getActor()) redirect("/");
  const { next, changed } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-100 px-4">
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-lg ring-1 ring-slate-200">
        <h1 className="text-center text-2xl font-semibold text-brand-800">政务诚信评价平台</h1>
        <p className="mt-2 text-center text-sm text-slate-600">信用办 · 受评单位 · 信源单位 · 委托部门</p>
        {changed ? (
          <p role="status" className="mt-6 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            密码已修改，请使用新密码重新登录。
          </p>
        ) : null}
        <div className="mt-6">
          <SignInForm next={next} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">内部资料 注意保密 · 账户由系统管理员开设</p>
      </div>
    </main>
  );
}

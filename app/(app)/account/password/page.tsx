import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { userVersion } from "@/lib/users/mutations";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const actor = await requireActor({ allowPendingPasswordChange: true });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">修改密码</h1>
      {actor.mustChangePassword ? (
        <p role="status" className="max-w-xl rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          这是新开设或重置后的账户，请先设置您自己的密码，然后才能使用平台。
        </p>
      ) : null}
      <p className="text-sm text-slate-600">修改后，您在所有设备上的登录都将失效，需要使用新密码重新登录。</p>
      <PasswordForm version={await userVersion(actor.id)} />
    </div>
  );
}

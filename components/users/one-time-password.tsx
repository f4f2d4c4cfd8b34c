"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";

/** A freshly issued one-time password, shown once: the server keeps only its hash. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <div className="rounded-md border-2 border-amber-300 bg-amber-50 p-4">
      <p className="text-sm text-amber-900">
        用户名 <strong className="font-mono">{username}</strong> 的一次性初始密码：
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <output data-testid="one-time-password" className="select-all rounded bg-white px-3 py-1.5 font-mono text-2xl tracking-widest ring-1 ring-amber-300">
          {password}
        </output>
        <button
          type="button"
          className={ui.btnSecondary}
          onClick={() =>
            navigator.clipboard.writeText(password).then(
              () => setCopied("yes"),
              () => setCopied("no"),
            )
          }
        >
          复制密码
        </button>
        {copied ? <span className="text-sm text-slate-700">{copied === "yes" ? "已复制" : "无法复制，请手动抄录"}</span> : null}
      </div>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-amber-900">
        <li>此密码<strong>只显示这一次</strong>，系统不保存明文；离开或刷新本页后无法再次查看，遗失只能重新重置。</li>
        <li>请当面或通过安全渠道交给本人，不要通过群聊或公开邮件发送。</li>
        <li>本人首次登录后<strong>必须立即修改密码</strong>，改好之前不能使用平台的任何功能。</li>
      </ul>
    </div>
  );
}

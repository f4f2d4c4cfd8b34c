import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/schemes/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "导入指标体系" };

export default async function ImportSchemePage() {
  await requirePermission("manage:schemes:any");
  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href="/schemes" className={ui.link}>指标体系</Link> › 导入</nav>
      <PageHeader
        title="导入指标体系"
        description="上传 integrity-scheme/v1 格式的方案文档（如从本平台或省级平台下载的 JSON）。文档先经完整校验，有任何问题都不导入，并列出每一处问题；通过后成为草稿。若该方案代码的版本号已存在，自动使用下一个版本号。"
      />
      <ImportForm />
    </div>
  );
}

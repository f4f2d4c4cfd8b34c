import type { Metadata } from "next";
import Link from "next/link";
import { NewVersionForm } from "@/components/schemes/new-version-form";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { schemeVersionOptions } from "@/lib/schemes/data";

export const metadata: Metadata = { title: "新建指标体系版本" };

type Props = { searchParams: Promise<{ from?: string }> };

export default async function NewSchemeVersionPage({ searchParams }: Props) {
  const actor = await requirePermission("manage:schemes:any");
  const { from } = await searchParams;
  const versions = await schemeVersionOptions(actor);
  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href="/schemes" className={ui.link}>指标体系</Link> › 新建版本</nav>
      <PageHeader title="新建版本" description="复制所选版本的全部内容，成为一份草稿；原版本保持不变。草稿可以修改，发布后不可再改。" />
      <NewVersionForm versions={versions} from={versions.some((v) => v.id === from) ? from : undefined} />
    </div>
  );
}

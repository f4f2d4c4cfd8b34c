import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SchemeEditor } from "@/components/schemes/editor/scheme-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { schemeVersionFor, sourceDepartmentNames } from "@/lib/schemes/data";
import { publishSchemeAction, saveSchemeDraftAction } from "../../actions";

export const metadata: Metadata = { title: "编辑方案草稿" };

export default async function EditSchemeDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("manage:schemes:any");
  const version = await schemeVersionFor(actor, (await params).id);
  // A published version never changes: there is nothing to edit.
  if (!version || version.status !== "draft") notFound();
  const sources = (await sourceDepartmentNames()).sort((a, b) => a.localeCompare(b, "zh-CN"));
  return (
    <div className="space-y-4">
      <PageHeader
        title={`编辑草稿：${version.name}`}
        description={`${version.code} 第${version.version}版。修改随输入校验，右侧试算由评价引擎按当前草稿计算；保存后才会写入，发布后不可再改。`}
      />
      <SchemeEditor
        id={version.id}
        lock={version.lock}
        document={version.document}
        sourceOptions={sources}
        saveAction={saveSchemeDraftAction}
        publishAction={publishSchemeAction}
      />
    </div>
  );
}

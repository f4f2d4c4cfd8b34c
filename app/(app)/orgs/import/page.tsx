import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { MAX_UNIT_LIST_BYTES } from "@/lib/orgs/import/schema";
import { UNIT_LIST_COLUMNS } from "@/lib/orgs/unit-list/schema";
import { UnitImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "导入单位名单" };

const NOTES: Record<string, string> = {
  seq: "可不填，仅便于核对",
  uscc: "18位，按 GB 32100 校验；重新导入时按此代码匹配已有单位",
  phone: "带区号的固定电话（可带分机）或手机号",
  kind: "市直部门、县区、乡镇/街道、社区；不填为市直部门（已有单位保持原类别）",
  parent: "上级单位的名称或信用代码，可以是本表中的单位或系统中已有的单位",
};

export default async function UnitImportPage() {
  await requirePermission("import:units:any");
  return (
    <div className="space-y-4">
      <PageHeader
        title="导入单位名单"
        description="上传 CSV 或 Excel（.xlsx）单位名单：先逐行检查，全部无误后预览将新建和修改的单位，确认后一次性导入（要么全部成功，要么不做任何更改）。"
        actions={<Link href="/orgs" className={ui.btnSecondary}>返回单位管理</Link>}
      />
      <details className={`${ui.card} text-sm`}>
        <summary className="cursor-pointer font-medium">名单的列（第一行为表头）</summary>
        <table className={`${ui.table} mt-3`}>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className={ui.th}>列名</th>
              <th scope="col" className={ui.th}>必填</th>
              <th scope="col" className={ui.th}>说明</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {UNIT_LIST_COLUMNS.map((c) => (
              <tr key={c.key}>
                <td className={ui.td}>{c.header}</td>
                <td className={ui.td}>{c.required ? "是" : "否"}</td>
                <td className={`${ui.td} text-slate-600`}>{NOTES[c.key] ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <UnitImportWizard maxBytes={MAX_UNIT_LIST_BYTES} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_PAGE_SIZE, auditFilterSchema, distinctAuditActions, listAudit, type AuditFilter } from "@/lib/audit/data";
import { auditActionLabel, auditActorLabel, AUDIT_OUTCOME_LABELS } from "@/lib/audit/labels";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTimeCn } from "@/lib/clock";

export const metadata: Metadata = { title: "审计日志" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function query(filter: AuditFilter, patch: Partial<AuditFilter>): string {
  const merged = { ...filter, ...patch };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1) && !(key === "order" && value === "desc")) {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

const input = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("read:audit:any");
  const filter = auditFilterSchema.parse(await searchParams);
  const [{ rows, total }, actions] = await Promise.all([listAudit(filter), distinctAuditActions()]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">审计日志</h1>
        <a href={`/audit/export${query(filter, { page: 1 })}`} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800">
          导出 Excel
        </a>
      </div>
      <p className="text-sm text-slate-600">所有登录、数据变更与越权访问均记录在此；审计记录只能追加，任何人都不能修改或删除。</p>
      <form className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" role="search">
        <label className="text-sm">
          关键词（操作人、对象编号、IP）
          <input name="q" defaultValue={filter.q} className={`${input} w-56`} />
        </label>
        <label className="text-sm">
          操作
          <select name="action" defaultValue={filter.action ?? ""} className={input}>
            <option value="">全部</option>
            {actions.map((a) => (
              <option key={a} value={a}>{auditActionLabel(a)}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          结果
          <select name="outcome" defaultValue={filter.outcome ?? ""} className={input}>
            <option value="">全部</option>
            {Object.entries(AUDIT_OUTCOME_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          起始日期
          <input type="date" name="from" defaultValue={filter.from} className={input} />
        </label>
        <label className="text-sm">
          截止日期
          <input type="date" name="to" defaultValue={filter.to} className={input} />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">筛选</button>
        <Link href="/audit" className="text-sm text-brand-700 underline">清除</Link>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">
                <Link href={query(filter, { order: filter.order === "desc" ? "asc" : "desc", page: 1 })} className="underline">
                  时间 {filter.order === "desc" ? "↓" : "↑"}
                </Link>
              </th>
              <th scope="col" className="px-3 py-2">操作人</th>
              <th scope="col" className="px-3 py-2">操作</th>
              <th scope="col" className="px-3 py-2">结果</th>
              <th scope="col" className="px-3 py-2">对象</th>
              <th scope="col" className="px-3 py-2">IP</th>
              <th scope="col" className="px-3 py-2">详情</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-8 text-center text-slate-500">没有符合条件的审计记录，请调整筛选条件。</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id}>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatDateTimeCn(row.at)}</td>
                  <td className="px-3 py-2">{auditActorLabel(row)}</td>
                  <td className="px-3 py-2">{auditActionLabel(row.action)}</td>
                  <td className="px-3 py-2">{AUDIT_OUTCOME_LABELS[row.outcome] ?? row.outcome}</td>
                  <td className="px-3 py-2 text-xs">{row.entityType ? `${row.entityType} ${row.entityId ?? ""}` : ""}</td>
                  <td className="px-3 py-2 text-xs">{row.ip}</td>
                  <td className="max-w-md truncate px-3 py-2 font-mono text-xs" title={row.detail}>{row.detail}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={filter.page} pageSize={AUDIT_PAGE_SIZE} total={total} hrefFor={(page) => `/audit${query(filter, { page })}`} />
    </div>
  );
}

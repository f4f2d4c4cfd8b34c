import Link from "next/link";

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };

export function Pagination({ page, pageSize, total, hrefFor }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100";
  return (
    <nav aria-label="分页" className="flex items-center justify-between gap-4 text-sm">
      <span className="text-slate-600">
        共 {total.toLocaleString("zh-CN")} 条，第 {Math.min(page, pages)} / {pages} 页
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={hrefFor(page - 1)}>上一页</Link> : null}
        {page < pages ? <Link className={link} href={hrefFor(page + 1)}>下一页</Link> : null}
      </span>
    </nav>
  );
}

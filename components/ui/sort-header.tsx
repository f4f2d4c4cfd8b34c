import Link from "next/link";
import { withQuery } from "@/lib/list-query";

type Props = { label: string; sortKey: string; current: { sort: string; order: "asc" | "desc" } & Record<string, unknown>; basePath: string };

/** A column header that sorts the list by its column (toggling the order when already sorted). */
export function SortHeader({ label, sortKey, current, basePath }: Props) {
  const active = current.sort === sortKey;
  const order = active && current.order === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className="px-3 py-2 text-left font-semibold" aria-sort={active ? (current.order === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={`${basePath}${withQuery(current, { sort: sortKey, order, page: 1 })}`} className="underline-offset-2 hover:underline">
        {label}
        {active ? (current.order === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    </th>
  );
}

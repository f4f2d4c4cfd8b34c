"use client";

import { useEffect, useId, useState } from "react";
import { ui } from "@/components/ui/styles";

type Option = { id: string; name: string; uscc: string };
type Props = { kind: string | null; initial: { id: string; name: string } | null; invalid?: boolean; describedBy?: string };

/** Searches organisations of the allowed parent kind on the server (never loads the whole list). */
export function ParentPicker({ kind, initial, invalid, describedBy }: Props) {
  const listId = useId();
  const [selected, setSelected] = useState(initial);
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    if (!kind) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/orgs/search?kind=${kind}&q=${encodeURIComponent(query)}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : []))
        .then(setOptions)
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kind, query]);

  if (!kind) {
    return <p className="mt-1 text-sm text-slate-600">该类别是最上一级，没有上级单位。</p>;
  }
  return (
    <div>
      <input type="hidden" name="parentId" value={selected?.id ?? ""} />
      {selected ? (
        <p className="mt-1 flex items-center gap-2 text-sm">
          <span className="rounded bg-brand-50 px-2 py-1">{selected.name}</span>
          <button type="button" className={ui.btnSecondary} onClick={() => setSelected(null)}>
            更换
          </button>
        </p>
      ) : (
        <>
          <input
            id="parentSearch"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="输入名称或信用代码搜索"
            aria-controls={listId}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={describedBy}
            className={ui.input}
          />
          <ul id={listId} role="listbox" aria-label="上级单位候选" className="mt-1 max-h-48 overflow-auto rounded-md border border-slate-200 bg-white text-sm">
            {options.length === 0 ? <li className="px-3 py-2 text-slate-500">没有匹配的单位</li> : null}
            {options.map((o) => (
              <li key={o.id} role="option" aria-selected={false}>
                <button type="button" className="w-full px-3 py-1.5 text-left hover:bg-brand-50" onClick={() => setSelected(o)}>
                  {o.name} <span className="text-xs text-slate-500">{o.uscc}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

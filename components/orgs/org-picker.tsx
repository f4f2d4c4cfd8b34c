"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { ORG_ROLE_LABELS } from "@/lib/orgs/kinds";
import type { OrganisationOption } from "@/lib/orgs/data";
import type { UnitKind } from "@/lib/orgs/kinds";

type Props = {
  /** The form field that carries the chosen organisation's id. */
  name: string;
  label: string;
  initial: OrganisationOption | null;
  includeInactive?: boolean;
  /** Only organisations of this kind (e.g. the allowed parent kind). */
  kind?: UnitKind;
  invalid?: boolean;
  describedBy?: string;
  onSelect?: (org: OrganisationOption | null) => void;
  className?: string;
  labelClassName?: string;
};

/**
 * A combobox over organisations, searched on the server as one types (there may be thousands, so
 * never one giant <select>). Arrow keys move, Enter picks, Escape closes.
 */
export function OrgPicker({ name, label, initial, includeInactive, kind, invalid, describedBy, onSelect, className, labelClassName }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [selected, setSelected] = useState<OrganisationOption | null>(initial);
  const [text, setText] = useState(initial?.name ?? "");
  const [options, setOptions] = useState<OrganisationOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);

  function search(q: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const ticket = ++latest.current;
      setStatus("loading");
      try {
        const params = new URLSearchParams({ q, ...(includeInactive ? { all: "1" } : {}), ...(kind ? { kind } : {}) });
        const response = await fetch(`/api/orgs/search?${params}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { options: OrganisationOption[] };
        if (ticket !== latest.current) return;
        setOptions(body.options);
        setActive(body.options.length ? 0 : -1);
        setStatus("idle");
      } catch {
        if (ticket === latest.current) setStatus("error");
      }
    }, 200);
  }

  function choose(org: OrganisationOption | null) {
    setSelected(org);
    setText(org?.name ?? "");
    setOpen(false);
    onSelect?.(org);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        search(text);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length) % options.length : -1));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const org = options[active];
      if (org) choose(org);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  return (
    <div className={`relative ${className ?? ""}`}>
      <label htmlFor={id} className={labelClassName ?? "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <input type="hidden" name={name} value={selected?.id ?? ""} />
      <input
        id={id}
        role="combobox"
        type="text"
        autoComplete="off"
        placeholder="输入单位名称、简称或信用代码搜索"
        value={text}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-red-600"
        onChange={(event) => {
          setText(event.target.value);
          if (selected) {
            setSelected(null);
            onSelect?.(null);
          }
          setOpen(true);
          search(event.target.value);
        }}
        onFocus={() => {
          setOpen(true);
          search(selected ? "" : text);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul id={listId} role="listbox" aria-label={label} className="absolute z-20 mt-1 max-h-72 w-full min-w-72 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {status === "error" ? <li className="px-3 py-2 text-red-700">搜索失败，请稍后重试</li> : null}
          {status !== "error" && options.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{status === "loading" ? "正在搜索…" : "没有匹配的单位"}</li>
          ) : null}
          {options.map((org, i) => (
            <li
              key={org.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 ${i === active ? "bg-brand-50" : ""}`}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(org);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="block">{org.name}{org.active ? "" : "（已停用）"}</span>
              <span className="block text-xs text-slate-500">{org.roles.map((r) => ORG_ROLE_LABELS[r]).join("、") || "（未设角色）"}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {selected ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="org-picker-roles">
          单位角色：{selected.roles.map((r) => ORG_ROLE_LABELS[r]).join("、") || "（未设角色）"}
        </p>
      ) : null}
    </div>
  );
}

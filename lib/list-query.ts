import { z } from "zod";

/**
 * The query string of a list page: search, sort, order, page. Bad values fall back to defaults
 * rather than failing the page. `sortKeys` is the whitelist of sortable columns.
 */
export function listQuerySchema<const K extends readonly [string, ...string[]]>(sortKeys: K, defaultSort: K[number]) {
  return z.object({
    q: z.string().trim().max(100).optional().catch(undefined),
    sort: z.enum(sortKeys).default(defaultSort).catch(defaultSort),
    order: z.enum(["asc", "desc"]).default("asc").catch("asc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  });
}

/** Builds `?a=1&b=2` from the current query with some keys replaced; empty values are dropped. */
export function withQuery(current: Record<string, unknown>, patch: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...current, ...patch })) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && Number(value) === 1) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

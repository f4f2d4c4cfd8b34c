import "server-only";
import type { PrismaClient, Tx } from "@/lib/db/prisma";
import type { OrgRole, UnitKind } from "@/lib/orgs/kinds";
import { normalizeUscc } from "@/lib/orgs/uscc";
import { nameKey, type ExistingOrgRef, type UnitListRow } from "@/lib/orgs/unit-list";

/** An organisation the unit list mentions, with what a re-import may change. */
export interface ExistingOrg extends ExistingOrgRef {
  version: number;
  legalRep: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  shortName: string | null;
  roles: OrgRole[];
  parentId: string | null;
  parent: { uscc: string; name: string } | null;
}

type Row = {
  id: string;
  name: string;
  short_name: string | null;
  uscc: string;
  kind: string;
  active: boolean;
  version: number;
  legal_rep: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
  roles: string[];
  parent_id: string | null;
  parent_uscc: string | null;
  parent_name: string | null;
  children: unknown;
};

/** The credit codes and name keys a list refers to: its rows and their 上级单位. */
export function referencedKeys(rows: readonly UnitListRow[]): { codes: string[]; names: string[] } {
  const codes = new Set<string>();
  const names = new Set<string>();
  for (const row of rows) {
    if (row.uscc) codes.add(row.uscc);
    if (row.name) names.add(nameKey(row.name));
    if (row.parentRef) {
      const code = normalizeUscc(row.parentRef);
      if (/^[0-9A-Z]{18}$/.test(code)) codes.add(code);
      else names.add(nameKey(row.parentRef));
    }
  }
  return { codes: [...codes], names: [...names] };
}

/**
 * ONE query for every organisation the list mentions, by credit code or by name (compared like
 * `nameKey`: NFKC, no whitespace), with its parent and its active children's kinds.
 */
export async function loadExistingForUnitList(client: PrismaClient | Tx, rows: readonly UnitListRow[]): Promise<ExistingOrg[]> {
  const { codes, names } = referencedKeys(rows);
  if (codes.length === 0 && names.length === 0) return [];
  const found = await client.$queryRaw<Row[]>`
    SELECT o.id, o.name, o.short_name, o.uscc, o.kind::text AS kind, o.active, o.version, o.legal_rep, o.phone,
           o.email, o.note, o.roles::text[] AS roles, o.parent_id, p.uscc AS parent_uscc, p.name AS parent_name,
           COALESCE((SELECT json_agg(json_build_object('uscc', c.uscc, 'kind', c.kind))
                       FROM organisation c WHERE c.parent_id = o.id AND c.active), '[]'::json) AS children
      FROM organisation o
      LEFT JOIN organisation p ON p.id = o.parent_id
     WHERE o.uscc = ANY(${codes}::text[])
        OR regexp_replace(normalize(o.name, NFKC), '\\s+', '', 'g') = ANY(${names}::text[])
     ORDER BY o.uscc`;
  return found.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    uscc: r.uscc,
    kind: r.kind as UnitKind,
    active: r.active,
    version: r.version,
    legalRep: r.legal_rep,
    phone: r.phone,
    email: r.email,
    note: r.note,
    roles: r.roles as OrgRole[],
    parentId: r.parent_id,
    parent: r.parent_uscc && r.parent_name ? { uscc: r.parent_uscc, name: r.parent_name } : null,
    children: (typeof r.children === "string" ? JSON.parse(r.children) : r.children) as { uscc: string; kind: UnitKind }[],
  }));
}

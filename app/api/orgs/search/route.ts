import { z } from "zod";
import { apiActor } from "@/lib/auth/api";
import { searchOrganisations } from "@/lib/orgs/data";
import { UNIT_KINDS } from "@/lib/orgs/kinds";

const querySchema = z.object({
  q: z.string().trim().max(100).default(""),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
  all: z.literal("1").optional().catch(undefined),
});

/** The organisation pickers' search (unit and account forms): at most 20 matches, never the whole list. */
export async function GET(request: Request) {
  const actor = await apiActor("manage:orgs:any");
  if (actor instanceof Response) return actor;
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const options = await searchOrganisations(query.q, { kind: query.kind, includeInactive: query.all === "1" });
  return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
}

import { z } from "zod";
import { apiActor } from "@/lib/auth/api";
import { searchOrganisations } from "@/lib/orgs/data";
import { UNIT_KINDS } from "@/lib/orgs/kinds";

const querySchema = z.object({
  q: z.string().trim().max(50).default(""),
  kind: z.enum(UNIT_KINDS).optional().catch(undefined),
});

/** Parent-picker search for staff: at most 20 matches, never the whole list. */
export async function GET(request: Request) {
  const actor = await apiActor("manage:orgs:any");
  if (actor instanceof Response) return actor;
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await searchOrganisations(query.q, query.kind), { headers: { "Cache-Control": "no-store" } });
}

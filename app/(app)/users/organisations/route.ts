import { apiActor } from "@/lib/auth/api";
import { searchOrganisations } from "@/lib/users/data";

/** The searchable organisation picker of the account forms: a short list, searched in the database. */
export async function GET(request: Request) {
  const actor = await apiActor("manage:users:any");
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const options = await searchOrganisations((params.get("q") ?? "").slice(0, 100), { includeInactive: params.get("all") === "1" });
  return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
}

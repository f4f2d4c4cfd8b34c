import { archivedDocxResponse } from "@/lib/dossiers/download";

type Context = { params: Promise<{ orgId: string; entryId: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { orgId, entryId } = await params;
  return archivedDocxResponse({ kind: "staff", organisationId: orgId }, entryId);
}

import { archivedDocxResponse } from "@/lib/dossiers/download";

type Context = { params: Promise<{ entryId: string }> };

export async function GET(_request: Request, { params }: Context) {
  return archivedDocxResponse({ kind: "own" }, (await params).entryId);
}

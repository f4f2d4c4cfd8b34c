import { reportDownload } from "@/lib/reports/download";

type Context = { params: Promise<{ cycleId: string }> };

export async function GET(_request: Request, { params }: Context) {
  return reportDownload((await params).cycleId, "own", "xlsx");
}

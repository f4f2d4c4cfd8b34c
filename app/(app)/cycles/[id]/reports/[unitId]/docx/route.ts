import { reportDownload } from "@/lib/reports/download";

type Context = { params: Promise<{ id: string; unitId: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { id, unitId } = await params;
  return reportDownload(id, unitId, "docx");
}

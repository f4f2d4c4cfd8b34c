import { apiActor } from "@/lib/auth/api";
import { db } from "@/lib/db/client";
import { jobById } from "@/lib/jobs/jobs";
import { jobProgressBody } from "@/lib/archive/progress";

/** How far an archive or volume job is (`?job=<id>`): polled every second by the archive page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await apiActor("archive:cycles:any");
  if (actor instanceof Response) return actor;
  const jobId = (new URL(request.url).searchParams.get("job") ?? "").slice(0, 60);
  const job = await jobById(db(), (await params).id, jobId);
  if (!job) return Response.json({ error: "未找到" }, { status: 404 });
  return Response.json(jobProgressBody(job), { headers: { "Cache-Control": "no-store" } });
}

import "server-only";
import { writeAudit } from "@/lib/audit/mutations";
import { getActor, requestIp, auditDenied } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { reportFor } from "./access";
import { reportToDocx } from "./docx";
import { reportToXlsx } from "./xlsx";
import { contentDisposition } from "@/lib/files/policy";

/*
 * The report as a file: the same access rule as the page (lib/reports/access.ts), audited
 * "report.downloaded", never cached. Word for filing and printing, Excel for the score tables.
 */

const TYPES = {
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", render: reportToDocx, suffix: "评价报告" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render: reportToXlsx, suffix: "评分表" },
} as const;

export async function reportDownload(cycleId: string, unitId: string | "own", format: keyof typeof TYPES): Promise<Response> {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return Response.json({ error: "请先登录" }, { status: 401 });
  const target = unitId === "own" ? actor.organisationId : unitId;
  const access = await reportFor(actor, cycleId, target);
  if (!access || (unitId === "own") !== (access.viewer === "unit")) {
    await auditDenied(actor, "read:results:any");
    return Response.json({ error: "未找到" }, { status: 404 });
  }
  const { report } = access;
  const type = TYPES[format];
  const body = await type.render(report);
  await writeAudit(db(), {
    actor, action: "report.downloaded", entityType: "unit_result", entityId: report.resultId,
    meta: { cycleId, unitId: target, unit: report.unit.name, format, version: report.versionLabel }, ip: await requestIp(),
  });
  const filename = `${report.unit.name}${report.cycle.year}年度政务诚信${type.suffix}（${report.versionLabel}）.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": type.mime,
      "Content-Disposition": contentDisposition(filename, `report.${format}`),
      "Cache-Control": "no-store",
    },
  });
}

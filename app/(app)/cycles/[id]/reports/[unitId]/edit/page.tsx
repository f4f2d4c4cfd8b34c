import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportTextEditor } from "@/components/reports/text-editor";
import { PageHeader } from "@/components/ui/page-header";
import { ui } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/session";
import { reportForEditing } from "@/lib/reports/access";
import { generateProblems } from "@/lib/reports/model";
import { saveReportTextAction } from "../../actions";

export const metadata: Metadata = { title: "编辑问题与建议" };

type Props = { params: Promise<{ id: string; unitId: string }> };

export default async function EditReportTextPage({ params }: Props) {
  await requirePermission("edit:reports:any", "cycles");
  const { id, unitId } = await params;
  const editing = await reportForEditing(id, unitId);
  if (!editing) notFound();
  const { input, report, refusal } = editing;
  const back = `/cycles/${id}/reports/${unitId}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title="编辑问题与建议"
        description={`${report.unit.name} · ${report.cycle.name}。自动生成的内容按失分指标列出，可逐条修改、删除或增加；每次保存都留有版本和编辑人。`}
        actions={<Link href={back} className={ui.btnSecondary}>返回报告</Link>}
      />
      {refusal ? (
        <p role="alert" className={ui.alertError}>{refusal}</p>
      ) : (
        <ReportTextEditor
          cycleId={id}
          unitId={unitId}
          version={report.problemsEdited?.version ?? 0}
          items={report.problems}
          generated={generateProblems(input.scheme, input.result.indicators)}
          indicators={report.indicators.map((i) => ({ code: i.code, name: i.name }))}
          save={saveReportTextAction}
          backHref={back}
        />
      )}
    </div>
  );
}

import type { Column } from "@/lib/export/xlsx";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import type { CompareCycle, CycleCompareRow } from "./compare-cycles";
import { COMPARE_GROUP_LABELS, GRADE_MOVE_LABELS, sideLabels } from "./movers";

const num = (v: string | null) => (v === null ? null : Number(v));

/** The columns of the year-over-year export (the route and its test share them). */
export function cycleComparisonColumns(a: CompareCycle, b: CompareCycle): Column<CycleCompareRow>[] {
  const side = sideLabels(a, b);
  return [
    { header: "对比情况", width: 24, value: (r) => COMPARE_GROUP_LABELS[r.group] },
    { header: "单位名称", width: 36, value: (r) => r.name },
    { header: "统一社会信用代码", width: 22, value: (r) => r.uscc },
    { header: "单位类别", width: 12, value: (r) => UNIT_KIND_LABELS[r.kind] },
    { header: `${side.a}总分`, width: 14, value: (r) => num(r.totalA) },
    { header: `${side.a}等次`, width: 12, value: (r) => r.gradeA },
    { header: `${side.a}名次`, width: 12, value: (r) => r.rankA },
    { header: `${side.b}总分`, width: 14, value: (r) => num(r.totalB) },
    { header: `${side.b}等次`, width: 12, value: (r) => r.gradeB },
    { header: `${side.b}名次`, width: 12, value: (r) => r.rankB },
    { header: "得分变化", width: 10, value: (r) => num(r.change) },
    { header: "等次变化", width: 10, value: (r) => (r.move ? GRADE_MOVE_LABELS[r.move] : null) },
  ];
}

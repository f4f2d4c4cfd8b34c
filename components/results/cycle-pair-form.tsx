import Link from "next/link";
import { ui } from "@/components/ui/styles";
import { CYCLE_STATE_LABELS } from "@/lib/cycles/workflow";
import { KindFilter } from "@/components/ui/kind-filter";
import type { UnitKind } from "@/lib/orgs/kinds";
import type { CompareCycle } from "@/lib/results/compare-cycles";

type Props = { options: CompareCycle[]; a: string | null; b: string | null; kind: UnitKind | undefined; basePath: string };

const optionLabel = (c: CompareCycle) => `${c.name}（${CYCLE_STATE_LABELS[c.status]}）`;

/** Chooses the two cycles (A the earlier) and the kind every figure is limited to; a plain GET form. */
export function CyclePairForm({ options, a, b, kind, basePath }: Props) {
  return (
    <form action={basePath} className={`${ui.card} flex flex-wrap items-end gap-3 py-3`} aria-label="选择对比的评价周期" data-testid="cycle-pair-form">
      <label className="text-sm">
        前一周期（A）
        <select name="a" defaultValue={a ?? ""} className={`${ui.input} w-64`}>
          {a === null ? <option value="">请选择</option> : null}
          {options.map((c) => <option key={c.id} value={c.id}>{optionLabel(c)}</option>)}
        </select>
      </label>
      <label className="text-sm">
        后一周期（B）
        <select name="b" defaultValue={b ?? ""} className={`${ui.input} w-64`}>
          {b === null ? <option value="">请选择</option> : null}
          {options.map((c) => <option key={c.id} value={c.id}>{optionLabel(c)}</option>)}
        </select>
      </label>
      <KindFilter value={kind} />
      <button type="submit" className={ui.btnPrimary}>对比</button>
      {a && b && a !== b ? <Link href={`${basePath}?a=${b}&b=${a}${kind ? `&kind=${kind}` : ""}`} className={ui.link}>交换 A 与 B</Link> : null}
    </form>
  );
}

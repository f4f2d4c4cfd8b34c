import { ui } from "@/components/ui/styles";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/orgs/kinds";

/** The "单位类别" filter of a GET form: every unit kind, or 全部 (empty). */
export function KindFilter({ value }: { value: string | null | undefined }) {
  return (
    <label className="text-sm">
      单位类别
      <select name="kind" defaultValue={value ?? ""} className={ui.input}>
        <option value="">全部</option>
        {UNIT_KINDS.map((k) => <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>)}
      </select>
    </label>
  );
}

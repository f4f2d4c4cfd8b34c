import { ui } from "@/components/ui/styles";
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from "@/lib/orgs/kinds";

/** The name/credit-code search and the unit-kind filter of the unit lists (a GET form's fields). */
export function OrgSearchFields({ q, kind }: { q?: string; kind?: UnitKind }) {
  return (
    <>
      <label className="text-sm">
        名称或信用代码
        <input name="q" defaultValue={q} className={`${ui.input} w-56`} />
      </label>
      <label className="text-sm">
        类别
        <select name="kind" defaultValue={kind ?? ""} className={ui.input}>
          <option value="">全部</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>{UNIT_KIND_LABELS[k]}</option>
          ))}
        </select>
      </label>
    </>
  );
}

import { ui } from "@/components/ui/styles";
import type { SchemeVersionOption } from "@/lib/schemes/data";

type Props = { versions: SchemeVersionOption[]; a?: string; b?: string; fixedB?: boolean };

function Options({ versions }: { versions: SchemeVersionOption[] }) {
  return versions.map((v) => (
    <option key={v.id} value={v.id}>
      {v.code} 第{v.version}版{v.status === "draft" ? "（草稿）" : v.builtIn ? "（内置模板）" : ""} · {v.name}
    </option>
  ));
}

/** A plain GET form choosing the two versions of /schemes/compare (works without JavaScript). */
export function ComparePicker({ versions, a, b, fixedB = false }: Props) {
  return (
    <form action="/schemes/compare" className="flex flex-wrap items-end gap-2">
      <label className="text-sm">
        {fixedB ? "与此版本对比" : "原版本"}
        <select name="a" defaultValue={a} className={`${ui.input} max-w-sm`}>
          <Options versions={fixedB ? versions.filter((v) => v.id !== b) : versions} />
        </select>
      </label>
      {fixedB ? (
        <input type="hidden" name="b" value={b} />
      ) : (
        <label className="text-sm">
          新版本
          <select name="b" defaultValue={b} className={`${ui.input} max-w-sm`}>
            <Options versions={versions} />
          </select>
        </label>
      )}
      <button type="submit" className={ui.btnSecondary}>对比</button>
    </form>
  );
}

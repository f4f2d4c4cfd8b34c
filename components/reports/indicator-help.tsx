/** The scheme's rule for one indicator, folded so the table stays compact (seed wording, quoted). */
export function IndicatorHelp({ help, label = "评分标准" }: { help?: { content: string | null; rule: string | null; note: string | null } | null; label?: string }) {
  if (!help || (!help.content && !help.rule && !help.note)) return null;
  return (
    <details className="indicator-help mt-1 text-xs text-slate-700 print:hidden">
      <summary className="cursor-pointer text-brand-700 underline">{label}</summary>
      <dl className="mt-1 space-y-1 rounded bg-slate-50 p-2">
        {help.content ? (<><dt className="font-semibold">评价内容</dt><dd>“{help.content}”</dd></>) : null}
        {help.rule ? (<><dt className="font-semibold">评分规则</dt><dd>{help.rule}</dd></>) : null}
        {help.note ? (<><dt className="font-semibold">说明</dt><dd>“{help.note}”</dd></>) : null}
      </dl>
    </details>
  );
}

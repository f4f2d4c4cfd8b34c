import { ruleToText, type Category, type Indicator, type SchemeDocument, type SubItem } from "@/lib/scoring";

type Props = { scheme: SchemeDocument; knownSources?: ReadonlySet<string> };

const cell = "px-3 py-2 align-top";

function Sources({ sources, known }: { sources: string[] | undefined; known?: ReadonlySet<string> }) {
  if (!sources?.length) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {sources.map((s) => (
        <li key={s} className="whitespace-nowrap">
          {s}
          {known && !known.has(s) ? (
            <span className="ml-1 text-xs text-amber-700" title="单位管理中没有这个简称的信源单位">（未找到该信源单位）</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Described({ thing }: { thing: Pick<Indicator | SubItem, "content" | "note"> }) {
  return (
    <>
      {thing.content ? <p className="whitespace-pre-line">{thing.content}</p> : <span className="text-slate-400">—</span>}
      {thing.note ? <p className="mt-1 text-xs text-slate-600">说明：{thing.note}</p> : null}
    </>
  );
}

function IndicatorRows({ category, indicator, first, span, known }: { category: Category; indicator: Indicator; first: boolean; span: number; known?: ReadonlySet<string> }) {
  const items = indicator.items ?? [];
  return (
    <>
      <tr data-indicator={indicator.code} className="border-t border-slate-200">
        {first ? (
          <th scope="rowgroup" rowSpan={span} className={`${cell} bg-slate-50 text-left font-semibold`}>
            {category.name}
            <div className="text-xs font-normal text-slate-600">
              {category.code} · 权重 <span className="tabular-nums">{category.weight}</span>
            </div>
          </th>
        ) : null}
        <td className={cell}>
          <div className="font-medium">{indicator.name}</div>
          <div className="font-mono text-xs text-slate-500">{indicator.code}</div>
        </td>
        <td className={`${cell} whitespace-nowrap tabular-nums`}>{indicator.max}分</td>
        <td className={cell}>{indicator.rule ? ruleToText(indicator.rule, indicator.max) : `由以下${items.length}个子项组成`}</td>
        <td className={`${cell} max-w-md`}>
          <Described thing={indicator} />
        </td>
        <td className={cell}>
          <Sources sources={indicator.sources} known={known} />
        </td>
        <td className={`${cell} max-w-xs`}>{indicator.evidence ?? <span className="text-slate-400">—</span>}</td>
      </tr>
      {items.map((item) => (
        <tr key={item.key} data-item={`${indicator.code}/${item.key}`} className="border-t border-dashed border-slate-200 bg-slate-50/50">
          <td className={`${cell} pl-8`}>
            <div>{item.name}</div>
            <div className="font-mono text-xs text-slate-500">{item.key}</div>
          </td>
          <td className={`${cell} whitespace-nowrap tabular-nums`}>{item.max}分</td>
          <td className={cell}>{ruleToText(item.rule, item.max)}</td>
          <td className={`${cell} max-w-md`}>
            <Described thing={item} />
          </td>
          <td className={cell}>
            <Sources sources={item.sources} known={known} />
          </td>
          <td className={`${cell} max-w-xs`}>{item.evidence ?? <span className="text-slate-400">—</span>}</td>
        </tr>
      ))}
    </>
  );
}

/** A scheme laid out like the seed tables: categories with weights, indicators and sub-items. */
export function SchemeTable({ scheme, knownSources }: Props) {
  const total = scheme.categories.reduce((sum, c) => sum + c.weight, 0);
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="min-w-full text-sm" data-testid="scheme-table">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-semibold">一级指标（权重）</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">二级指标</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">分值</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">评分规则</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">主要评价内容</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">数据来源</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">佐证材料</th>
          </tr>
        </thead>
        {scheme.categories.map((category) => {
          const span = category.indicators.reduce((n, i) => n + 1 + (i.items?.length ?? 0), 0);
          return (
            <tbody key={category.code} data-category={category.code}>
              {category.indicators.map((indicator, i) => (
                <IndicatorRows key={indicator.code} category={category} indicator={indicator} first={i === 0} span={span} known={knownSources} />
              ))}
            </tbody>
          );
        })}
        <tfoot className="border-t-2 border-slate-300 bg-slate-50">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">合计</th>
            <td className="px-3 py-2" />
            <td className="px-3 py-2 tabular-nums" colSpan={5}>
              权重 {total}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

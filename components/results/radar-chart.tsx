"use client";

import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from "recharts";

export type RadarCategory = { name: string; unit: number; average: number };

/**
 * A unit's category scores against the average of its scheme, both as % of each category's weight
 * (data from lib/results/data.ts unitCategoryComparison). The figures are also given as a visually
 * hidden table.
 */
export function CategoryRadarChart({ categories, unitLabel = "本单位", height = 300 }: { categories: RadarCategory[]; unitLabel?: string; height?: number }) {
  if (categories.length === 0) return <p className="text-sm text-slate-500">尚无评分结果。</p>;
  const data = categories.map((c) => ({ name: c.name, [unitLabel]: c.unit, 平均: c.average }));
  return (
    <figure className="w-full" data-testid="category-radar">
      <figcaption className="mb-2 text-sm font-semibold">各方面得分率：{unitLabel}与平均（%）</figcaption>
      <div style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <RadarChart accessibilityLayer={false} data={data} outerRadius="70%">
            <PolarGrid />
            <PolarAngleAxis dataKey="name" tick={{ fontSize: 12 }} />
            <PolarRadiusAxis domain={[0, 100]} tick={{ fontSize: 10 }} angle={60} tickCount={5} />
            <Radar name={unitLabel} dataKey={unitLabel} stroke="#1e40af" fill="#1e40af" fillOpacity={0.35} isAnimationActive={false} />
            <Radar name="平均" dataKey="平均" stroke="#b45309" fill="#b45309" fillOpacity={0.12} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => `${value}%`} />
          </RadarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>各方面得分率（占该方面权重的百分比）</caption>
        <thead><tr><th scope="col">方面</th><th scope="col">{unitLabel}</th><th scope="col">平均</th></tr></thead>
        <tbody>{categories.map((c) => <tr key={c.name}><th scope="row">{c.name}</th><td>{c.unit}%</td><td>{c.average}%</td></tr>)}</tbody>
      </table>
    </figure>
  );
}

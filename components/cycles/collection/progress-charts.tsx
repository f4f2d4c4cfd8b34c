"use client";

import { Bar, BarChart, CartesianGrid, Cell, Label, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type SourceBar = { name: string; cells: number; answered: number };

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10);

/** One bar per source: the share of its cells answered (green) and missing (grey). */
export function SourceProgressChart({ sources }: { sources: SourceBar[] }) {
  const data = sources.map((s) => ({ name: s.name, 已填报: percent(s.answered, s.cells), 未填报: Math.round((100 - percent(s.answered, s.cells)) * 10) / 10, detail: `${s.answered}/${s.cells}` }));
  return (
    <figure className="w-full" data-testid="source-progress-chart" aria-label="各信源单位填报进度柱状图">
      <figcaption className="mb-2 text-sm font-semibold">各信源单位填报进度（%）</figcaption>
      <div style={{ height: 48 + 30 * Math.max(data.length, 1) }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barSize={18}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value, key, item) => [`${value}%（${(item?.payload as { detail?: string })?.detail ?? ""}）`, key]} />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} />
            <Bar dataKey="已填报" stackId="p" fill="#15803d" isAnimationActive={false} />
            <Bar dataKey="未填报" stackId="p" fill="#cbd5e1" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** The share of all cells answered, as a donut with the percentage inside. */
export function OverallDonut({ answered, cells, label }: { answered: number; cells: number; label: string }) {
  const data = [
    { name: "已填报", value: answered, fill: "#15803d" },
    { name: "未填报", value: Math.max(cells - answered, 0), fill: "#cbd5e1" },
  ];
  return (
    <figure data-testid="overall-progress-chart" aria-label={`${label}：已填报${answered}项，共${cells}项`} className="flex flex-col items-center">
      <div style={{ width: 200, height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={data} dataKey="value" nameKey="name" innerRadius={60} outerRadius={90} startAngle={90} endAngle={-270} isAnimationActive={false}>
              {data.map((d) => <Cell key={d.name} fill={d.fill} />)}
              <Label value={`${percent(answered, cells)}%`} position="center" style={{ fontSize: 22, fontWeight: 600, fill: "#0f172a" }} />
            </Pie>
            <Tooltip />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-sm text-slate-700">{label}：{answered.toLocaleString("zh-CN")} / {cells.toLocaleString("zh-CN")}</figcaption>
    </figure>
  );
}

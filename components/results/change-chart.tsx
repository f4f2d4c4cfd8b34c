"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Bin = { bin: number; label: string; count: number };

const FALL = "#b91c1c";
const SAME = "#64748b";
const RISE = "#15803d";

/** The histogram of score changes (falls red, rises green); the same figures follow as a table. */
export function ChangeDistributionChart({ bins, center }: { bins: Bin[]; center: number }) {
  const total = bins.reduce((s, b) => s + b.count, 0);
  return (
    <figure className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="change-chart">
      <figcaption className="mb-2 text-sm font-semibold">得分变化分布（两期均有结果的单位数）</figcaption>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div style={{ height: 240 }} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart accessibilityLayer={false} data={bins} margin={{ top: 18, right: 8, bottom: 4, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={56} />
              <YAxis tick={{ fontSize: 11 }} allowDecimals={false} />
              <Tooltip formatter={(value) => [`${value}`, "单位数"]} />
              <Bar dataKey="count" isAnimationActive={false}>
                {bins.map((b) => <Cell key={b.bin} fill={b.bin < center ? FALL : b.bin > center ? RISE : SAME} />)}
                <LabelList dataKey="count" position="top" style={{ fontSize: 11, fill: "#334155" }} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <table className="text-sm" data-testid="change-table">
          <caption className="sr-only">得分变化分布</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-1 pr-3 font-medium">变化区间</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">单位数</th>
              <th scope="col" className="py-1 text-right font-medium">占比</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b) => (
              <tr key={b.bin} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{b.label}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{b.count.toLocaleString("zh-CN")}</td>
                <td className="py-1 text-right tabular-nums text-slate-600">{total > 0 ? `${((b.count / total) * 100).toFixed(1)}%` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

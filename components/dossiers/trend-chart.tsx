"use client";

import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "@/lib/dossiers/amendments";

/**
 * The unit's total across archived years (as amended). The same figures follow as a table (visually
 * hidden unless the chart has a single point, which a line cannot show well).
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  if (points.length === 0) return null;
  const data = points.map((p) => ({ label: `${p.year}年`, total: p.total }));
  const low = Math.min(...points.map((p) => p.total));
  const floor = Math.max(0, Math.floor((low - 10) / 10) * 10);
  const ceiling = Math.max(100, Math.ceil(Math.max(...points.map((p) => p.total))));
  return (
    <figure className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="dossier-trend">
      <figcaption className="mb-2 text-sm font-semibold">历年总分走势</figcaption>
      {points.length > 1 ? (
        <div style={{ height: 240 }} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={data} margin={{ top: 20, right: 24, bottom: 4, left: -8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis tick={{ fontSize: 11 }} domain={[floor, ceiling]} allowDecimals={false} />
              <Tooltip formatter={(value) => [`${value}分`, "总分"]} />
              <Line type="linear" dataKey="total" stroke="#1e40af" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false}>
                <LabelList dataKey="total" position="top" style={{ fontSize: 11, fill: "#334155" }} />
              </Line>
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="text-sm text-slate-600">目前只有一个年度的档案，第二个年度归档后显示走势。</p>
      )}
      <table className={points.length > 1 ? "sr-only" : "mt-2 text-sm"}>
        <caption className="sr-only">历年总分和等次</caption>
        <thead>
          <tr><th scope="col" className="pr-4 text-left">年度</th><th scope="col" className="pr-4 text-right">总分</th><th scope="col" className="text-left">等次</th></tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.year}>
              <th scope="row" className="pr-4 text-left font-normal">{p.year}年</th>
              <td className="pr-4 text-right tabular-nums">{p.total.toFixed(2)}{p.amended ? "（已更正）" : ""}</td>
              <td>{p.grade ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/*
 * The results page's charts. Each figure carries its figures as a visually hidden table, so a
 * screen reader gets the same numbers as the picture.
 */

type Datum = { label: string; value: number; detail?: string };

function FigureTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: Datum[] }) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{head[0]}</th><th scope="col">{head[1]}</th></tr></thead>
      <tbody>{rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td>{r.detail ?? r.value}</td></tr>)}</tbody>
    </table>
  );
}

function BarFigure({ title, data, unit, color, domain, head, testId }: { title: string; data: Datum[]; unit?: string; color: string; domain?: [number, number]; head: [string, string]; testId: string }) {
  return (
    <figure className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      <div style={{ height: 220 }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 18, right: 8, bottom: 4, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={data.length > 6 ? -30 : 0} textAnchor={data.length > 6 ? "end" : "middle"} height={data.length > 6 ? 48 : 24} />
            <YAxis tick={{ fontSize: 11 }} allowDecimals={!!unit} domain={domain} unit={unit} />
            <Tooltip formatter={(value) => [`${value}${unit ?? ""}`, head[1]]} />
            <Bar dataKey="value" fill={color} isAnimationActive={false}>
              <LabelList dataKey="value" position="top" style={{ fontSize: 11, fill: "#334155" }} formatter={(v) => `${v}${unit ?? ""}`} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <FigureTable caption={title} head={head} rows={data} />
    </figure>
  );
}

export function ScoreDistributionChart({ bins }: { bins: { label: string; count: number }[] }) {
  return <BarFigure title="总分分布（单位数）" data={bins.map((b) => ({ label: b.label, value: b.count }))} color="#1e40af" head={["分数段", "单位数"]} testId="distribution-chart" />;
}

export function GradeChart({ grades }: { grades: { grade: string; count: number }[] }) {
  return <BarFigure title="等次分布（单位数）" data={grades.map((g) => ({ label: g.grade, value: g.count }))} color="#0f766e" head={["等次", "单位数"]} testId="grade-chart" />;
}

export function CategoryAverageChart({ categories }: { categories: { name: string; average: number; weight: number; percent: number }[] }) {
  const data = categories.map((c) => ({ label: c.name, value: c.percent, detail: `${c.percent}%（平均${c.average}分，满分${c.weight}分）` }));
  return <BarFigure title="各方面平均得分率（平均分占该方面权重的百分比）" data={data} unit="%" domain={[0, 100]} color="#b45309" head={["方面", "平均得分率"]} testId="category-chart" />;
}

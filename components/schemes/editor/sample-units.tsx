"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import { problemToText, type SchemeDocument, type UnitResult } from "@/lib/scoring";
import { IndicatorFactInput } from "./fact-inputs";
import { scoreSampleUnits, type SampleUnit } from "./preview-engine";
import { currentFact, defaultIndicatorFacts, factSignature } from "./sample-facts";

const NAMES = ["样例单位甲", "样例单位乙", "样例单位丙", "样例单位丁", "样例单位戊"];
const MIN_UNITS = 2;
const MAX_UNITS = 5;

function Summary({ label, units, value }: { label: string; units: SampleUnit[]; value: (u: number) => string }) {
  return (
    <tr className="bg-slate-50">
      <th scope="row" className={ui.th}>
        {label}
      </th>
      {units.map((_, u) => (
        <td key={u} className={`${ui.td} font-semibold`} data-testid={`sample-${label}-${u}`}>
          {value(u)}
        </td>
      ))}
    </tr>
  );
}

/** A few sample units' facts, editable, and the whole draft scored over them by the engine. */
export function SampleUnits({ doc }: { doc: SchemeDocument }) {
  const [units, setUnits] = useState<SampleUnit[]>(() => NAMES.slice(0, 3).map((name) => ({ name, facts: {} })));
  const outcome = scoreSampleUnits(doc, units);
  const results: UnitResult[] = outcome.ok ? outcome.results : [];
  const update = (u: number, change: (unit: SampleUnit) => SampleUnit) => setUnits(units.map((unit, k) => (k === u ? change(unit) : unit)));
  const show = (u: number, pick: (result: UnitResult) => string) => {
    const result = results[u];
    return result === undefined ? "—" : pick(result);
  };
  return (
    <section aria-labelledby="samples-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="samples-heading" className="text-lg font-semibold">
            样例单位试算
          </h2>
          <p className="text-sm text-slate-600">按当前草稿为几个样例单位计算总分、等级和名次；数据预填为满分情形（无扣分、达标），可逐项修改。</p>
        </div>
        <button type="button" className={ui.btnSecondary} disabled={units.length >= MAX_UNITS} onClick={() => setUnits([...units, { name: NAMES[units.length] ?? `样例单位${units.length + 1}`, facts: {} }])}>
          添加样例单位
        </button>
      </div>
      {!outcome.ok && outcome.reason === "scheme" ? (
        <div className={ui.alertError} role="alert">
          <p>草稿尚有{outcome.problems.length}个错误，改正后才能试算：</p>
          <ul className="mt-1 list-disc pl-5">
            {outcome.problems.map((problem, k) => (
              <li key={k}>{problemToText(problem)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {!outcome.ok ? (
            <div className={ui.alertError} role="alert">
              <p>样例数据有误，未能计算：</p>
              <ul className="mt-1 list-disc pl-5">
                {outcome.problems.map((problem, k) => (
                  <li key={k}>{problemToText(problem)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="overflow-x-auto">
            <table className={`${ui.table} table-fixed`} style={{ minWidth: `${14 + units.length * 17}rem` }}>
              <colgroup>
                <col className="w-56" />
              </colgroup>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className={ui.th}>
                    指标
                  </th>
                  {units.map((unit, u) => (
                    <th key={u} scope="col" className={ui.th}>
                      <label className="sr-only" htmlFor={`sample-name-${u}`}>
                        样例单位{u + 1}名称
                      </label>
                      <div className="flex gap-1">
                        <input id={`sample-name-${u}`} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm font-normal" value={unit.name} onChange={(e) => update(u, (x) => ({ ...x, name: e.target.value }))} />
                        <button type="button" className="shrink-0 whitespace-nowrap rounded border border-slate-300 bg-white px-2 text-xs font-normal" aria-label={`删除样例单位${u + 1}`} disabled={units.length <= MIN_UNITS} onClick={() => setUnits(units.filter((_, k) => k !== u))}>
                          删除
                        </button>
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 align-top">
                <Summary label="总分" units={units} value={(u) => show(u, (r) => r.total)} />
                <Summary label="等级" units={units} value={(u) => show(u, (r) => r.grade ?? "无等级")} />
                <Summary label="名次" units={units} value={(u) => show(u, (r) => `第${r.rank}名`)} />
                {doc.categories.map((category, c) =>
                  category.indicators.map((indicator, i) => {
                    return (
                      <tr key={`${c}-${i}`}>
                        <th scope="row" className={`${ui.td} text-left font-normal`}>
                          <span className="block text-xs text-slate-500">{category.name}</span>
                          {indicator.code} {indicator.name}（{indicator.max}分）
                        </th>
                        {units.map((unit, u) => {
                          const result = results[u]?.indicators.find((r) => r.code === indicator.code);
                          return (
                            <td key={u} className={ui.td}>
                              <p>
                                <strong>{result?.score ?? (result?.notApplicable ? "不计入" : "—")}</strong>
                                {result ? <span className="block text-xs text-slate-600">{result.explanation}</span> : null}
                              </p>
                              <details className="mt-1">
                                <summary className="cursor-pointer text-xs text-brand-700">修改数据</summary>
                                <div className="mt-1">
                                  <IndicatorFactInput
                                    id={`sample-${u}-${c}-${i}`}
                                    srPrefix={`${unit.name} ${indicator.code} `}
                                    indicator={indicator}
                                    value={currentFact(unit.facts[indicator.code], indicator)}
                                    onChange={(fact) =>
                                      update(u, (x) => ({ ...x, facts: { ...x.facts, [indicator.code]: { sig: factSignature(indicator), fact: fact ?? defaultIndicatorFacts(indicator) } } }))
                                    }
                                  />
                                </div>
                              </details>
                            </td>
                          );
                        })}
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

"use client";

import { useState } from "react";
import { ui } from "@/components/ui/styles";
import type { Indicator, SchemeDocument } from "@/lib/scoring";
import { IndicatorFactInput } from "./fact-inputs";
import { TextField } from "./fields";
import { previewIndicator } from "./preview-engine";
import { currentFact, defaultIndicatorFacts, factSignature, isRanked, type StoredFact } from "./sample-facts";

type Props = {
  indicator: Indicator;
  notApplicable: SchemeDocument["notApplicable"];
  stored: StoredFact | undefined;
  onChange: (stored: StoredFact) => void;
  /** Whether the draft has errors in this indicator (no preview until they are fixed). */
  blocked: boolean;
};

function parsePeers(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter((part) => part !== "");
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v) && v >= 0) ? values : null;
}

/** Sample facts for the selected indicator, scored by the engine beside its rule. */
export function RulePreview({ indicator, notApplicable, stored, onChange, blocked }: Props) {
  const [peersText, setPeersText] = useState("0, 2, 5");
  const fact = currentFact(stored, indicator);
  const ranked = !blocked && isRanked(indicator);
  const peers = parsePeers(peersText);
  const preview = blocked ? null : previewIndicator(indicator, notApplicable, fact, ranked ? (peers ?? []) : []);
  return (
    <section aria-labelledby="preview-heading" className="space-y-3 rounded-lg bg-brand-50/60 p-4 ring-1 ring-brand-100">
      <div>
        <h3 id="preview-heading" className="font-semibold">
          试算
        </h3>
        <p className="text-xs text-slate-600">输入一个单位的样例数据，得分和说明由评价引擎按当前草稿计算。</p>
      </div>
      {blocked ? (
        <p className={ui.alertError}>该指标或其规则尚有错误，修正后显示试算结果。</p>
      ) : (
        <>
          <IndicatorFactInput
            id="preview-fact"
            indicator={indicator}
            value={fact}
            onChange={(value) => onChange({ sig: factSignature(indicator), fact: value === undefined ? defaultIndicatorFacts(indicator) : value })}
          />
          {ranked ? (
            <TextField
              id="preview-peers"
              label="同批其他单位的数值"
              hint="按排名计分时，本单位与这些单位一起排名；用逗号分隔"
              errors={peers === null ? ["请填写不小于0的数，用逗号分隔"] : undefined}
              value={peersText}
              onChange={setPeersText}
            />
          ) : null}
        </>
      )}
      <div aria-live="polite" className="rounded-md bg-white p-3 ring-1 ring-slate-200">
        {preview === null ? (
          <p className="text-sm text-slate-500">暂无试算结果</p>
        ) : preview.ok ? (
          <div className="space-y-1">
            <p className="text-sm">
              得分 <strong className="text-xl" data-testid="preview-score">{preview.result.score ?? "—"}</strong>
              <span className="text-slate-500"> / {preview.result.max} 分</span>
              {preview.result.notApplicable ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">不涉及</span> : null}
            </p>
            <p className="text-sm" data-testid="preview-explanation">
              {preview.result.explanation}
            </p>
            {preview.peers > 0 ? <p className="text-xs text-slate-500">与{preview.peers}个同批单位一起排名</p> : null}
          </div>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5 text-sm text-red-700">
            {preview.problems.map((problem, k) => (
              <li key={k}>{problem.message}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

"use client";

import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ui } from "@/components/ui/styles";
import { useFormAction, type FormAction } from "@/components/users/use-form-action";
import type { StartScoringData } from "@/lib/results/schema";
import { UnitChooser, type ChosenUnit } from "./unit-chooser";

type Props = { cycleId: string; action: FormAction<StartScoringData>; disabled: string | null; openUnits: number };

/** Start a run over every unit not yet issued, or over the units chosen from a searched list. */
export function StartScoringForm({ cycleId, action, disabled, openUnits }: Props) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  const [scope, setScope] = useState<"all" | "selected">("all");
  const [chosen, setChosen] = useState<ChosenUnit[]>([]);
  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="start-scoring">
      <input type="hidden" name="cycleId" value={cycleId} />
      {scope === "selected" ? chosen.map((u) => <input key={u.id} type="hidden" name="unitIds" value={u.id} />) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">评分范围</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="all" checked={scope === "all"} onChange={() => setScope("all")} />
          全部单位（初评结果尚未送达的{openUnits.toLocaleString("zh-CN")}个单位）
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="selected" checked={scope === "selected"} onChange={() => setScope("selected")} />
          所选单位
        </label>
      </fieldset>
      {scope === "selected" ? (
        <div aria-describedby={errors.unitIds ? "unitIds-error" : undefined}>
          <UnitChooser cycleId={cycleId} chosen={chosen} onChange={setChosen} />
          <FieldError id="unitIds-error" messages={errors.unitIds} />
        </div>
      ) : null}
      {disabled ? <p className="text-sm text-slate-600">{disabled}</p> : null}
      <button type="submit" className={ui.btnPrimary} disabled={pending || disabled !== null}>
        {pending ? "正在开始…" : scope === "selected" ? `为所选${chosen.length}个单位评分` : "开始评分"}
      </button>
      {state && !state.ok ? <p role="alert" className={ui.alertError}>{state.error}</p> : null}
      {state?.ok ? <p role="status" className={ui.alertOk}>{state.data.message}</p> : null}
    </form>
  );
}

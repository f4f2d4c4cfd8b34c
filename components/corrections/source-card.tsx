import { NoneButton, NotApplicableForm } from "@/components/collect/answer-buttons";
import { EvidenceLinks } from "@/components/collect/evidence-links";
import { answerText } from "@/components/collect/format";
import type { NoteField } from "@/components/collect/note-field";
import { RecordForm } from "@/components/collect/record-form";
import { RecordTable } from "@/components/collect/record-table";
import { CellStatusBadge } from "@/components/collect/status-badge";
import type { CollectAction } from "@/components/collect/use-collect-form";
import { ValueForm } from "@/components/collect/value-form";
import { ui } from "@/components/ui/styles";
import { formatDateTimeCn } from "@/lib/clock";
import type { CorrectionSourceCell } from "@/lib/collection/correction-data";
import { CORRECTION_REASON_MAX } from "@/lib/collection/correction-schema";
import type { CycleSlot } from "@/lib/collection/cycle-slots";

export type CorrectionActions = { value: CollectAction; addRecord: CollectAction; withdraw: CollectAction; none: CollectAction; notApplicable: CollectAction };

const NOTE: NoteField = { name: "correctionReason", label: "更正原因", maxLength: CORRECTION_REASON_MAX, placeholder: "写明依据，如：经与数据来源单位核实……（记入审计日志）" };

type Props = {
  cell: { cycleId: string; unitId: string; indicatorCode: string; subKey: string };
  slot: CycleSlot;
  source: CorrectionSourceCell;
  /** null: read-only (the cell cannot be corrected now). */
  actions: CorrectionActions | null;
  dateBounds: { min: string; max: string };
  /** Unique per card: several cards share the page. */
  index: number;
};

/** One source's answer for the cell, and the office's corrections made on its behalf. */
export function SourceCard({ cell, slot, source, actions, dateBounds, index }: Props) {
  const { entry, status } = source;
  const hidden = { sourceOrgId: source.sourceOrgId };
  const version = entry?.version ?? 0;
  const records = [...source.live, ...source.withdrawn];
  const idPrefix = `s${index}-`;
  return (
    <section aria-label={`${source.name}报送的数据`} className={`${ui.card} space-y-3`} data-source={source.sourceOrgId}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{source.name}</h2>
        {source.lead ? <span className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">牵头</span> : null}
        <CellStatusBadge status={status} />
        {entry && (entry.answer === "value" || entry.answer === "not_applicable") ? <span className="text-sm">{answerText(slot.rule, entry.answer, entry.value)}</span> : null}
        {entry ? <span className="text-xs text-slate-500">最后修改：{formatDateTimeCn(entry.updatedAt)}</span> : null}
      </div>
      {slot.mode === "records" ? (
        <RecordTable rule={slot.rule} records={records} withdraw={actions?.withdraw ?? null} withdrawHidden={{ cycleId: cell.cycleId }} withdrawNote={NOTE} />
      ) : (
        <EvidenceLinks files={source.entryEvidence} />
      )}
      {actions ? (
        <>
          <div className="flex flex-wrap gap-2">
            {slot.mode === "records" && source.live.length === 0 && status.kind !== "none" ? (
              <NoneButton cell={cell} version={version} action={actions.none} label="更正为“无”（该单位无此类记录）" hidden={hidden} note={NOTE} />
            ) : null}
            {source.live.length === 0 && status.kind !== "not_applicable" ? (
              <NotApplicableForm cell={cell} version={version} action={actions.notApplicable} hidden={hidden} note={NOTE} />
            ) : null}
          </div>
          <div className="space-y-2 border-t border-slate-100 pt-3">
            <h3 className="font-medium">{slot.mode === "records" ? "补录记录" : status.kind === "value" ? "更正数值" : "代为填报数值"}</h3>
            {slot.mode === "records" ? (
              <RecordForm
                cell={cell} items={slot.recordItems} itemKind={slot.rule.kind === "award" ? "奖励级别" : "扣分项"}
                minDate={dateBounds.min} maxDate={dateBounds.max} maxBytes={null} action={actions.addRecord}
                hidden={hidden} note={NOTE} idPrefix={idPrefix}
              />
            ) : (
              <ValueForm
                cell={cell} rule={slot.rule} max={slot.max} value={entry?.answer === "value" ? entry.value : null} version={version}
                maxBytes={null} action={actions.value} hidden={hidden} note={NOTE} idPrefix={idPrefix} submitLabel="保存更正"
              />
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}

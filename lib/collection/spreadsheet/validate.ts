// A filled template → every problem of every row, or the plan of what to write. Pure: the scope and
// what is already stored come in as data, so the import validates inside its transaction.
import type { FactSheets } from "./read";
import { cellKey, unitsByCode, type CurrentAnswers, type ImportPlan, type ImportProblem, type PlannedEntry } from "./plan";
import type { SourceScope } from "./scope";
import { recordEntries, validateRecordRows } from "./validate-records";
import { validateValueRows } from "./validate-values";

export type ValidateOptions = {
  /** Beijing calendar date of today: records cannot be dated later. */
  today: string;
  /** "其余未报记录的单位均为无": every records slot of every unit that has no answer yet gets "无". */
  blankRecordsAsNone?: boolean;
};

export type ImportCounts = {
  values: number;
  none: number;
  notApplicable: number;
  records: number;
  /** Units the file says something about. */
  units: number;
};

export type ImportValidation =
  | { ok: true; plan: ImportPlan; counts: ImportCounts; rows: number }
  | { ok: false; problems: ImportProblem[]; rows: number; badRows: number };

function noneForTheRest(scope: SourceScope, planned: PlannedEntry[], current: CurrentAnswers): PlannedEntry[] {
  const taken = new Set(planned.map((e) => cellKey(e.unitId, e)));
  const extra: PlannedEntry[] = [];
  for (const unit of scope.units) {
    for (const slot of scope.slots[unit.unitKind] ?? []) {
      if (slot.mode !== "records") continue;
      const key = cellKey(unit.id, slot);
      if (taken.has(key) || current.entries.has(key) || (current.liveRecords.get(key) ?? 0) > 0) continue;
      extra.push({ unitId: unit.id, indicatorCode: slot.indicatorCode, subKey: slot.subKey, answer: "none", value: null });
    }
  }
  return extra;
}

function countsOf(plan: ImportPlan): ImportCounts {
  const units = new Set<string>();
  let values = 0;
  let none = 0;
  let notApplicable = 0;
  for (const e of plan.entries) {
    units.add(e.unitId);
    if (e.answer === "value") values++;
    else if (e.answer === "none") none++;
    else if (e.answer === "not_applicable") notApplicable++;
  }
  return { values, none, notApplicable, records: plan.records.length, units: units.size };
}

export function validateFactSheets(scope: SourceScope, sheets: FactSheets, current: CurrentAnswers, options: ValidateOptions): ImportValidation {
  const problems: ImportProblem[] = [];
  const units = unitsByCode(scope);
  const valueEntries = validateValueRows(scope, units, sheets.values, problems);
  const recordOutcome = validateRecordRows(scope, units, sheets.records, options.today, problems);
  const fromRecords = recordEntries(recordOutcome, current, problems);
  const rows = sheets.values.length + sheets.records.length;
  if (problems.length > 0) {
    problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === "数值" ? -1 : 1));
    const badRows = new Set(problems.map((p) => `${p.sheet}:${p.row}`)).size;
    return { ok: false, problems, rows, badRows };
  }
  const entries = [...valueEntries, ...fromRecords];
  if (options.blankRecordsAsNone) entries.push(...noneForTheRest(scope, entries, current));
  const plan = { entries, records: recordOutcome.records };
  return { ok: true, plan, counts: countsOf(plan), rows };
}

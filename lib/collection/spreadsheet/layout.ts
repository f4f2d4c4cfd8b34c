// The layout of a source's facts spreadsheet (数据报送模板): sheet names, columns and the words a
// person may type. The template writes it, the import reads it; both take it from here.

export const SHEETS = { values: "数值", records: "记录", guide: "说明", lists: "选项" } as const;

/** Answers that are not data: "none" (no events / no information) and "not applicable". */
export const NONE_WORD = "无";
export const NOT_APPLICABLE_WORD = "不涉及";

export const VALUE_COLUMNS = [
  { key: "uscc", header: "统一社会信用代码", width: 22 },
  { key: "unitName", header: "单位名称", width: 30 },
  { key: "slot", header: "指标代码", width: 20 },
  { key: "slotName", header: "指标名称", width: 28 },
  { key: "hint", header: "填报要求", width: 40 },
  { key: "value", header: "填报值", width: 14 },
  { key: "note", header: "备注", width: 30 },
] as const;

export const RECORD_COLUMNS = [
  { key: "uscc", header: "统一社会信用代码", width: 22 },
  { key: "unitName", header: "单位名称", width: 30 },
  { key: "slot", header: "指标代码", width: 20 },
  { key: "slotName", header: "指标名称", width: 28 },
  { key: "item", header: "事项", width: 24 },
  { key: "date", header: "日期", width: 12 },
  { key: "description", header: "事件描述", width: 40 },
  { key: "reference", header: "文号/编号", width: 22 },
  { key: "reported", header: "已报记录数", width: 10 },
] as const;

export type ValueColumnKey = (typeof VALUE_COLUMNS)[number]["key"];
export type RecordColumnKey = (typeof RECORD_COLUMNS)[number]["key"];

/** 0-based column index of a key. */
export function valueColumn(key: ValueColumnKey): number {
  return VALUE_COLUMNS.findIndex((c) => c.key === key);
}

export function recordColumn(key: RecordColumnKey): number {
  return RECORD_COLUMNS.findIndex((c) => c.key === key);
}

/** The header row is row 1 of both data sheets; data starts at row 2. */
export const HEADER_ROW = 1;

export const MAX_DESCRIPTION = 500;
export const MAX_REFERENCE = 100;
export const MAX_NOTE = 1000;
/** The most data rows one file may hold (both sheets together). */
export const MAX_ROWS = 50_000;
/** Uploads go through a server action (next.config.js allows 6 MB); a 10,000-row template is well under 1 MB. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

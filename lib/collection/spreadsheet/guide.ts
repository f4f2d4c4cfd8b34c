// The "说明" sheet: how to fill the template, and each slot's rule in words (ruleToText).
import type ExcelJS from "exceljs";
import { ruleToText } from "@/lib/scoring";
import { UNIT_KIND_LABELS } from "@/lib/orgs/kinds";
import { NONE_WORD, NOT_APPLICABLE_WORD, SHEETS } from "./layout";
import { distinctSlots, type SourceScope } from "./scope";
import { itemChoices } from "./validate-records";
import { valueHint } from "./value-cell";
import { slotKey } from "../slots";

export const GUIDE_LINES = [
  `“${SHEETS.values}”工作表：每行是一个受评单位的一个单值指标（等次、比率、是否、人工评分等）。在“填报值”列填写，有下拉选项的请从中选择；人工评分类指标在“备注”列写评分说明。整项不适用的填“${NOT_APPLICABLE_WORD}”，并在“备注”列写明理由。“填报值”留空的行不导入，已报送的值保持不变。`,
  `“${SHEETS.records}”工作表：每行一条记录（一件事），填写日期、事件描述和文号/编号（有则填），区分事项的指标在“事项”列选择。每个单位、每个记录类指标预先列出一行：全年没有记录的，在“事项”列选“${NONE_WORD}”；不适用的选“${NOT_APPLICABLE_WORD}”并在“事件描述”列写明理由；有多条记录的，复制该行后逐条填写。记录数由记录自动计算，不需要另填次数。`,
  "“统一社会信用代码”和“指标代码”用于识别单位和指标，请勿修改；“单位名称”“指标名称”“填报要求”“已报记录数”仅供核对，导入时不读取。请勿增删或移动列。",
  "日期按 2026-03-15 的格式填写，须在评价年度内且不晚于导入当天。",
  "导入时逐行检查，全部无误才一次性写入；只要有一行有问题，整份文件都不导入，并列出每个问题所在的工作表、行号和原因。",
  "与已报送记录完全相同的记录（单位、指标、事项、日期、描述、文号均相同）再次导入时自动跳过；在表中删除行不会撤回已报送的记录，如需撤回请在网页上操作。",
  "提交后或截止日期后不能再导入；被退回或经信用办重新开放后可以继续导入。",
];

const GUIDE_COLUMNS = [
  { header: "指标代码", width: 18 },
  { header: "指标名称", width: 28 },
  { header: "所属方面", width: 12 },
  { header: "适用单位类别", width: 14 },
  { header: "报送方式", width: 10 },
  { header: "评分规则", width: 50 },
  { header: "可填内容", width: 40 },
  { header: "佐证材料", width: 30 },
];

export function writeGuide(sheet: ExcelJS.Worksheet, scope: SourceScope, generatedAt: string): void {
  sheet.columns = GUIDE_COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([`${scope.cycleName} 数据报送模板`]).font = { bold: true, size: 14 };
  sheet.addRow([`报送单位：${scope.sourceName}　　受评单位：${scope.units.length}个　　生成时间：${generatedAt}`]);
  sheet.addRow([]);
  sheet.addRow(["填写说明"]).font = { bold: true };
  GUIDE_LINES.forEach((line, i) => sheet.addRow([`${i + 1}. ${line}`]));
  sheet.addRow([]);
  sheet.addRow(["本单位报送的指标"]).font = { bold: true };
  const header = sheet.addRow(GUIDE_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  for (const { slot, kinds } of distinctSlots(scope)) {
    const choices = slot.mode === "records" ? itemChoices(slot).map((c) => c.label).join("、") || "（不区分事项）" : valueHint(slot.rule);
    const row = sheet.addRow([
      slotKey(slot),
      slot.name,
      slot.categoryName,
      kinds.map((k) => UNIT_KIND_LABELS[k]).join("、"),
      slot.mode === "records" ? "记录" : "数值",
      ruleToText(slot.rule, slot.max) + `（满分${slot.max}分）`,
      choices,
      slot.evidence ?? "",
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
}

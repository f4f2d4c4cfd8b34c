/** Public API of the scoring engine (docs/scoring-engine.md). Pure: no I/O, clock or database. */
export { D, fmt2, round2, type Dec } from "./decimal";
export * from "./schema";
export { ruleToText, levelName } from "./rules";
export { validateScheme, parseScheme, type SchemeValidation, type ParsedScheme } from "./validate-scheme";
export { scoreUnits, type ScoreOutcome } from "./engine";
export { scoreFactsDocument, type DocumentOutcome, type SchemeResolver } from "./documents";
export { problemToText } from "./problems";
export { builtInSchemes, getBuiltInScheme } from "./templates";
export { compareSchemes, type SchemeComparison, type IndicatorChange, type IndicatorSummary, type SubItemChange, type SubItemSummary, type CategoryChange, type CategorySummary, type TextChanges, type SchemeChanges, type Change } from "./compare";

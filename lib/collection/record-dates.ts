/**
 * Where a record's date may fall: within the evaluated year (or up to a collection deadline that
 * lies after it) and not in the future. Shared by the record form and the spreadsheet import.
 */
export function recordDateProblem(date: string, year: number, deadline: string, today: string): string | null {
  if (date > today) return `日期 ${date} 晚于今天，不能报送尚未发生的事件`;
  const from = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const upper = deadline > yearEnd ? deadline : yearEnd;
  if (date < from || date > upper) return `日期 ${date} 不在评价年度（${year}年）内（${from} 至 ${upper}）`;
  return null;
}

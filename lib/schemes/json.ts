/** Reading an uploaded JSON file, with the place of a syntax error in words people can use. */

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether a prefix of the text already holds the error (rather than merely stopping early). */
function failsInside(prefix: string): boolean {
  const result = tryParse(prefix);
  if (result.ok || /unexpected end of json input/i.test(result.message)) return false;
  const position = /position (\d+)/.exec(result.message);
  return position === null || Number(position[1]) < prefix.length;
}

/**
 * The offset of the first syntax error. V8 names a position for most errors but not for an
 * unexpected token; then the shortest prefix that already fails ends with the culprit.
 */
function errorOffset(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/unexpected end/i.test(message)) return text.length;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (failsInside(text.slice(0, mid))) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The parsed JSON (a leading byte-order mark is ignored), or "文件不是有效的 JSON：第3行第11列附近有误". */
export function parseJsonText(raw: string): Parsed {
  const text = raw.replace(/^\uFEFF/, "");
  const result = tryParse(text);
  if (result.ok) return result;
  const { line, column } = lineColumn(text, errorOffset(text, result.message));
  return { ok: false, message: `文件不是有效的 JSON：第${line}行第${column}列附近有误` };
}

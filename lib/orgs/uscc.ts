/**
 * Unified social credit code (统一社会信用代码) per GB 32100-2015.
 *
 * Layout (1-based positions):
 *   1      registration authority (登记管理部门代码)
 *   2      organisation type (机构类别代码)
 *   3–8    administrative division (登记管理机关行政区划码), 6 digits
 *   9–17   organisation code (组织机构代码, GB 11714): 8 body chars + check digit
 *   18     check character over positions 1–17 (mod 31)
 *
 * Decision: a wrong GB 11714 check digit (position 17) is an ERROR, reported
 * as `uscc_checksum` with its own message. Codes issued to government bodies
 * (registration authority 1) always embed a valid organisation code, so a bad
 * inner check digit means a mistyped or invented code, not an exotic real one.
 * An all-zero organisation body (the 112301000000000000 kind of placeholder
 * in seed 000) is a `uscc_format` error even when both check characters fit.
 */

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const EXCLUDED_LETTERS = "IOZSV";

export const REGISTRATION_AUTHORITIES: Readonly<Record<string, string>> = {
  "1": "机构编制",
  "2": "外交",
  "3": "司法行政",
  "4": "文化",
  "5": "民政",
  "6": "旅游",
  "7": "宗教",
  "8": "工会",
  "9": "工商",
  A: "中央军委改革和编制办公室",
  N: "农业",
  Y: "其他",
};

export type UsccProblemCode = "uscc_format" | "uscc_checksum";
export interface UsccProblem {
  code: UsccProblemCode;
  message: string;
  /** 1-based position the problem is about, when there is one. */
  position?: number;
}
export type UsccResult =
  | { ok: true; normalized: string }
  | { ok: false; normalized: string; problems: UsccProblem[] };

/** Full-width ASCII (common in spreadsheets typed with a Chinese IME) → half-width, trim, uppercase. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim()
    .toUpperCase();
}

function usccValue(ch: string): number {
  return USCC_CHARSET.indexOf(ch);
}

/** GB 11714 character value: digits 0–9, letters A=10 … Z=35 (NOT the USCC charset order). */
function orgValue(ch: string): number {
  if (/^[0-9]$/.test(ch)) return Number(ch);
  if (/^[A-Z]$/.test(ch)) return ch.charCodeAt(0) - 55;
  return -1;
}

/** Check digit of a GB 11714 organisation code from its 8 body characters: '0'–'9' or 'X'. */
export function computeOrgCodeCheckDigit(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new Error(`组织机构代码本体应为8位数字或大写字母：${first8}`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_WEIGHTS[i]! * orgValue(first8[i]!);
  const c = 11 - (sum % 11);
  if (c === 10) return "X";
  if (c === 11) return "0";
  return String(c);
}

/** Check character (position 18) from the first 17 characters. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17 || [...first17].some((ch) => usccValue(ch) < 0)) {
    throw new Error(`前17位应为17个合法字符：${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_WEIGHTS[i]! * usccValue(first17[i]!);
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[c]!;
}

function describeChar(ch: string): string {
  if (ch === " ") return "空格";
  if (/\s/.test(ch)) return "空白字符";
  return ch;
}

function charsetProblems(code: string): UsccProblem[] {
  const problems: UsccProblem[] = [];
  [...code].forEach((ch, i) => {
    if (usccValue(ch) >= 0) return;
    const hint = EXCLUDED_LETTERS.includes(ch) ? "（代码不使用字母I、O、Z、S、V）" : "";
    problems.push({
      code: "uscc_format",
      message: `含非法字符${describeChar(ch)}（第${i + 1}位）${hint}`,
      position: i + 1,
    });
  });
  return problems;
}

function segmentProblems(code: string): UsccProblem[] {
  const problems: UsccProblem[] = [];
  const authority = code[0]!;
  if (usccValue(authority) >= 0 && !(authority in REGISTRATION_AUTHORITIES)) {
    problems.push({
      code: "uscc_format",
      message: `第1位登记管理部门代码${authority}不存在（应为1–9、A、N或Y）`,
      position: 1,
    });
  }
  const orgType = code[1]!;
  if (usccValue(orgType) >= 0 && !/^[1-9]$/.test(orgType)) {
    problems.push({ code: "uscc_format", message: `第2位机构类别代码应为数字1–9，实际为${orgType}`, position: 2 });
  }
  const division = code.slice(2, 8);
  const divisionCharsLegal = [...division].every((ch) => usccValue(ch) >= 0);
  if (divisionCharsLegal && !/^\d{6}$/.test(division)) {
    problems.push({ code: "uscc_format", message: `第3–8位行政区划码应为6位数字，实际为${division}`, position: 3 });
  }
  if (/^0{8}$/.test(code.slice(8, 16))) {
    problems.push({ code: "uscc_format", message: "第9–16位组织机构代码为全0，是占位值而非真实代码", position: 9 });
  }
  const orgCheck = code[16]!;
  if (usccValue(orgCheck) >= 0 && !/^[0-9X]$/.test(orgCheck)) {
    problems.push({
      code: "uscc_format",
      message: `第17位组织机构代码校验位只能是数字或X，实际为${orgCheck}`,
      position: 17,
    });
  }
  return problems;
}

function checksumProblems(code: string): UsccProblem[] {
  const problems: UsccProblem[] = [];
  const expectedOrg = computeOrgCodeCheckDigit(code.slice(8, 16));
  if (/^[0-9X]$/.test(code[16]!) && code[16] !== expectedOrg) {
    problems.push({
      code: "uscc_checksum",
      message: `组织机构代码校验位（第17位）应为${expectedOrg}，实际为${code[16]}`,
      position: 17,
    });
  }
  const expected = computeUsccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    problems.push({ code: "uscc_checksum", message: `第18位校验码应为${expected}，实际为${code[17]}`, position: 18 });
  }
  return problems;
}

/** Validates a code and returns EVERY problem found, not just the first. */
export function validateUscc(raw: string): UsccResult {
  const normalized = normalizeUscc(raw);
  if (normalized === "") {
    return { ok: false, normalized, problems: [{ code: "uscc_format", message: "统一社会信用代码为空" }] };
  }
  const problems: UsccProblem[] = [];
  if (normalized.length !== 18) {
    problems.push({
      code: "uscc_format",
      message: `统一社会信用代码应为18位，实际为${normalized.length}位`,
    });
  }
  const badChars = charsetProblems(normalized);
  problems.push(...badChars);
  if (normalized.length === 18) {
    problems.push(...segmentProblems(normalized));
    if (badChars.length === 0) problems.push(...checksumProblems(normalized));
  }
  return problems.length === 0 ? { ok: true, normalized } : { ok: false, normalized, problems };
}

export interface UsccParts {
  registrationAuthority: string;
  orgType: string;
  division: string;
  orgBody8: string;
}

/** Builds a valid code from its parts (demo data, tests); throws on malformed parts. */
export function makeUscc(parts: UsccParts): string {
  const { registrationAuthority, orgType, division, orgBody8 } = parts;
  const first16 = `${registrationAuthority}${orgType}${division}${orgBody8}`.toUpperCase();
  if (first16.length !== 16) throw new Error(`代码各部分长度不正确：${first16}`);
  const first17 = first16 + computeOrgCodeCheckDigit(orgBody8.toUpperCase());
  const code = first17 + computeUsccCheckChar(first17);
  const result = validateUscc(code);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("；"));
  return code;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeOrgCodeCheckDigit,
  computeUsccCheckChar,
  makeUscc,
  USCC_CHARSET,
  validateUscc,
  type UsccResult,
} from "@/lib/orgs/uscc";

function problemsOf(result: UsccResult) {
  return result.ok ? [] : result.problems;
}

const REAL_CODES = [
  "91350100M000100Y43",
  "11100000000013127D", // central government body
  "12100000400010398P", // central public institution
  "91110000802100433B",
];

describe("validateUscc: real codes", () => {
  it.each(REAL_CODES)("accepts %s", (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, normalized: code });
  });

  it("normalizes whitespace, case and full-width characters", () => {
    expect(validateUscc("  11100000000013127d ")).toEqual({ ok: true, normalized: "11100000000013127D" });
    expect(validateUscc("１１１０００００００００１３１２７Ｄ")).toEqual({ ok: true, normalized: "11100000000013127D" });
  });

  it("computes the check characters of the real codes", () => {
    expect(computeUsccCheckChar("11100000000013127")).toBe("D");
    expect(computeUsccCheckChar("91350100M000100Y4")).toBe("3");
    expect(computeOrgCodeCheckDigit("M000100Y")).toBe("4");
    expect(computeOrgCodeCheckDigit("40001039")).toBe("8");
  });

  it("maps inner check values 10 and 11 to X and 0", () => {
    expect(computeOrgCodeCheckDigit("00000000")).toBe("0");
    expect(computeOrgCodeCheckDigit("00000001")).toBe("9");
    expect(computeOrgCodeCheckDigit("00000006")).toBe("X");
  });
});

describe("validateUscc: failures", () => {
  it("reports an empty value", () => {
    expect(problemsOf(validateUscc("   "))).toEqual([{ code: "uscc_format", message: "统一社会信用代码为空" }]);
  });

  it("reports the wrong length", () => {
    const problems = problemsOf(validateUscc("1110000000001312"));
    expect(problems).toEqual([{ code: "uscc_format", message: "统一社会信用代码应为18位，实际为16位" }]);
  });

  it("names each illegal character and its position", () => {
    const problems = problemsOf(validateUscc("1110I000000O13127D"));
    expect(problems.map((p) => p.code)).toEqual(["uscc_format", "uscc_format"]);
    expect(problems[0]?.message).toContain("含非法字符I（第5位）");
    expect(problems[1]?.message).toContain("含非法字符O（第12位）");
  });

  it("reports length and illegal characters together", () => {
    const problems = problemsOf(validateUscc("11100000S"));
    expect(problems.map((p) => p.message)).toEqual([
      "统一社会信用代码应为18位，实际为9位",
      expect.stringContaining("含非法字符S（第9位）"),
    ]);
  });

  it("reports a wrong final check character with the expected one", () => {
    const problems = problemsOf(validateUscc("11100000000013127E"));
    expect(problems).toEqual([
      { code: "uscc_checksum", message: "第18位校验码应为D，实际为E", position: 18 },
    ]);
  });

  it("reports a wrong inner organisation-code check digit as uscc_checksum", () => {
    const first17 = "1110000000001312" + "8";
    const code = first17 + computeUsccCheckChar(first17);
    expect(problemsOf(validateUscc(code))).toEqual([
      { code: "uscc_checksum", message: "组织机构代码校验位（第17位）应为7，实际为8", position: 17 },
    ]);
  });

  it("reports a bad registration authority, organisation type and division", () => {
    const first17 = "ZA23A40011300100".replace("Z", "B") + "0";
    const code = first17 + computeUsccCheckChar(first17);
    const messages = problemsOf(validateUscc(code)).map((p) => p.message);
    expect(messages).toContain("第1位登记管理部门代码B不存在（应为1–9、A、N或Y）");
    expect(messages).toContain("第2位机构类别代码应为数字1–9，实际为A");
    expect(messages).toContain("第3–8位行政区划码应为6位数字，实际为23A400");
  });

  it("reports a letter other than X at position 17 as a format problem", () => {
    const first17 = "11230400" + "11300100" + "A";
    const code = first17 + computeUsccCheckChar(first17);
    expect(problemsOf(validateUscc(code))).toEqual([
      { code: "uscc_format", message: "第17位组织机构代码校验位只能是数字或X，实际为A", position: 17 },
    ]);
  });
});

describe("validateUscc: seed 000 unit list", () => {
  it("rejects the placeholder 112301000000000000 on format and checksum", () => {
    const problems = problemsOf(validateUscc("112301000000000000"));
    expect(problems.map((p) => p.code).sort()).toEqual(["uscc_checksum", "uscc_format"]);
    expect(problems.map((p) => p.message)).toContain("第18位校验码应为T，实际为0");
  });

  it("still rejects the placeholder when its check character is made to fit", () => {
    const problems = problemsOf(validateUscc("11230100000000000T"));
    expect(problems).toEqual([
      { code: "uscc_format", message: "第9–16位组织机构代码为全0，是占位值而非真实代码", position: 9 },
    ]);
  });
});

const bodyChar = fc.constantFrom(...USCC_CHARSET.split(""));
const validCode = fc
  .record({
    registrationAuthority: fc.constantFrom("1", "5", "9", "Y"),
    orgType: fc.constantFrom("1", "2", "3", "9"),
    division: fc.integer({ min: 110000, max: 659999 }).map(String),
    orgBody8: fc.array(bodyChar, { minLength: 8, maxLength: 8 }).map((cs) => cs.join("")),
  })
  .filter((p) => !/^0{8}$/.test(p.orgBody8))
  .map(makeUscc);

describe("makeUscc and the check characters (properties)", () => {
  it("builds codes that validate", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateUscc(code)).toEqual({ ok: true, normalized: code });
      }),
    );
  });

  it("round-trips explicit parts", () => {
    const code = makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: "11300100" });
    expect(code.slice(0, 16)).toBe("1123040011300100");
    expect(validateUscc(code).ok).toBe(true);
  });

  it("rejects malformed parts", () => {
    expect(() => makeUscc({ registrationAuthority: "1", orgType: "1", division: "2304", orgBody8: "11300100" })).toThrow();
    expect(() => makeUscc({ registrationAuthority: "1", orgType: "1", division: "230400", orgBody8: "0000000I" })).toThrow();
  });

  // Weights 3^i mod 31 are all non-zero mod the prime 31, so any single substitution changes Σ mod 31.
  it("detects every single-character substitution", () => {
    const change = fc.record({ code: validCode, pos: fc.nat(17), replacement: bodyChar });
    fc.assert(
      fc.property(change, ({ code, pos, replacement }) => {
        fc.pre(code[pos] !== replacement);
        const altered = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(validateUscc(altered).ok).toBe(false);
      }),
    );
  });

  it("detects every substitution at every position of a real code, exhaustively", () => {
    const code = "11100000000013127D";
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of USCC_CHARSET) {
        if (ch === code[pos]) continue;
        const altered = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(validateUscc(altered).ok, altered).toBe(false);
      }
    }
  });

  // Adjacent weights differ mod 31, so swapping two different characters within positions 1–17 is caught.
  it("detects adjacent transpositions within the first 17 characters", () => {
    const swap = fc.record({ code: validCode, pos: fc.nat(15) });
    fc.assert(
      fc.property(swap, ({ code, pos }) => {
        fc.pre(code[pos] !== code[pos + 1]);
        const altered = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        expect(validateUscc(altered).ok).toBe(false);
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { ceilDiv, D, dec, fmt2, fmtCents, percent, plain, quotient2 } from "@/lib/scoring/decimal";
import { formatPath } from "@/lib/scoring/paths";

describe("decimal helpers", () => {
  it("format with exactly two decimals, half-up, never -0.00", () => {
    expect(fmt2(dec("1.005"))).toBe("1.01");
    expect(fmt2(dec("4.994999"))).toBe("4.99");
    expect(fmt2(dec("-0.001"))).toBe("0.00");
    expect(fmtCents(0)).toBe("0.00");
    expect(fmtCents(5)).toBe("0.05");
    expect(fmtCents(750)).toBe("7.50");
    expect(fmtCents(123_456_789)).toBe("1234567.89");
  });

  it("read JSON numbers by their decimal text", () => {
    expect(dec(0.1).plus(0.2).toString()).toBe("0.3");
    expect(plain(1e-7)).toBe("0.0000001");
    expect(plain(dec("2.50"))).toBe("2.5");
    expect(percent(0.8523)).toBe("85.23%");
    expect(percent(0.00005)).toBe("0.01%");
  });

  it("divide without rounding the quotient first", () => {
    expect(quotient2(new D(1), new D(3)).toString()).toBe("0.33");
    expect(quotient2(new D(2), new D(3)).toString()).toBe("0.67");
    expect(quotient2(new D("0.01"), new D(2)).toString()).toBe("0.01"); // 0.005 → 0.01
    expect(ceilDiv(new D("0.3"), new D("0.1")).toString()).toBe("3");
    expect(ceilDiv(new D("0.31"), new D("0.1")).toString()).toBe("4");
  });

  it("write JSON paths", () => {
    expect(formatPath(["units", 0, "facts", "LAW.EXAM", "counts", "items"])).toBe('units[0].facts["LAW.EXAM"].counts.items');
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath([])).toBe("");
  });
});

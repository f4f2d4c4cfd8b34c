import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/origin";

const request = (headers: Record<string, string>) => isSameOriginRequest(new Headers(headers));

describe("isSameOriginRequest", () => {
  it("accepts a post from the app's own pages", () => {
    expect(request({ host: "xy.hegang.gov.cn", origin: "https://xy.hegang.gov.cn" })).toBe(true);
    expect(request({ host: "127.0.0.1:3210", origin: "http://127.0.0.1:3210", "sec-fetch-site": "same-origin" })).toBe(true);
    expect(request({ host: "internal:3000", "x-forwarded-host": "xy.hegang.gov.cn", origin: "https://xy.hegang.gov.cn" })).toBe(true);
    expect(request({ host: "XY.hegang.gov.cn", origin: "https://xy.HEGANG.gov.cn" })).toBe(true);
  });

  it("refuses another site, another port, an opaque or malformed origin", () => {
    expect(request({ host: "xy.hegang.gov.cn", origin: "https://evil.example" })).toBe(false);
    expect(request({ host: "xy.hegang.gov.cn", origin: "https://xy.hegang.gov.cn.evil.example" })).toBe(false);
    expect(request({ host: "127.0.0.1:3210", origin: "http://127.0.0.1:3211" })).toBe(false);
    expect(request({ host: "xy.hegang.gov.cn", origin: "null" })).toBe(false);
    expect(request({ host: "xy.hegang.gov.cn", origin: "" })).toBe(false);
    expect(request({ host: "xy.hegang.gov.cn", origin: "file:///etc/passwd" })).toBe(false);
    expect(request({ host: "xy.hegang.gov.cn", origin: "javascript:alert(1)//xy.hegang.gov.cn" })).toBe(false);
    expect(request({ origin: "https://xy.hegang.gov.cn" })).toBe(false);
  });

  it("without Origin, goes by Sec-Fetch-Site; a request with neither header is no browser's cross-site post", () => {
    expect(request({ host: "a", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(request({ host: "a", "sec-fetch-site": "same-site" })).toBe(false);
    expect(request({ host: "a", "sec-fetch-site": "same-origin" })).toBe(true);
    expect(request({ host: "a", "sec-fetch-site": "none" })).toBe(true);
    expect(request({ host: "a" })).toBe(true);
  });
});

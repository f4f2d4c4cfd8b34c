import { describe, expect, it } from "vitest";
import { actionRefusal, feedbackState, isFinal, type FeedbackFacts } from "@/lib/feedback/state";

const issuedAt = new Date("2026-11-17T02:00:00Z");
const ends = new Date("2026-11-24T15:59:59.999Z");
const base: FeedbackFacts = { issuedAt, feedbackEndsAt: ends, confirmedAt: null, request: null };
const filed = { status: "filed" as const, filedAt: new Date("2026-11-20T01:00:00Z"), withdrawnAt: null, decidedAt: null };

describe("feedbackState (derived from the time, no job needed)", () => {
  it("is not issued without a delivery", () => {
    expect(feedbackState({ ...base, issuedAt: null, feedbackEndsAt: null }, issuedAt)).toEqual({ kind: "not_issued" });
  });

  it("is open up to and including the last millisecond of the 5th working day, lapsed from 00:00:00 the next day", () => {
    expect(feedbackState(base, new Date("2026-11-24T15:59:59.000Z"))).toEqual({ kind: "open", endsAt: ends });
    expect(feedbackState(base, ends).kind).toBe("open");
    const lapsed = feedbackState(base, new Date("2026-11-24T16:00:00.000Z"));
    expect(lapsed).toEqual({ kind: "lapsed", finalAt: ends });
    expect(isFinal(lapsed)).toBe(true);
  });

  it("confirmed, withdrawn and revised results are final at their own time; a filed request is not final", () => {
    const confirmedAt = new Date("2026-11-18T03:00:00Z");
    expect(feedbackState({ ...base, confirmedAt }, new Date("2026-12-30T00:00:00Z"))).toEqual({ kind: "confirmed", finalAt: confirmedAt });
    const withdrawnAt = new Date("2026-11-21T03:00:00Z");
    expect(feedbackState({ ...base, request: { ...filed, status: "withdrawn", withdrawnAt } }, ends)).toEqual({ kind: "withdrawn", finalAt: withdrawnAt });
    const decidedAt = new Date("2026-12-02T03:00:00Z");
    expect(feedbackState({ ...base, request: { ...filed, status: "decided", decidedAt } }, ends)).toEqual({ kind: "revised", finalAt: decidedAt });
    const requested = feedbackState({ ...base, request: filed }, new Date("2026-12-30T00:00:00Z"));
    expect(requested).toEqual({ kind: "requested", filedAt: filed.filedAt });
    expect(isFinal(requested)).toBe(false);
  });

  it("says why a unit cannot act, naming the deadline when it has passed", () => {
    expect(actionRefusal({ kind: "open", endsAt: ends }, "x")).toBeNull();
    expect(actionRefusal({ kind: "lapsed", finalAt: ends }, "2026年11月24日 23:59:59")).toBe("反馈期已于2026年11月24日 23:59:59截止，初评结果已成为最终结果，不能再确认或申请复评");
    expect(actionRefusal({ kind: "requested", filedAt: ends }, "")).toMatch(/只能申请一次/);
    expect(actionRefusal({ kind: "withdrawn", finalAt: ends }, "")).toMatch(/只能申请一次/);
    expect(actionRefusal({ kind: "confirmed", finalAt: ends }, "")).toMatch(/已确认/);
    expect(actionRefusal({ kind: "not_issued" }, "")).toMatch(/尚未送达/);
  });
});

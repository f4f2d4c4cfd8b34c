import { describe, expect, it } from "vitest";
import { reportingSlots } from "@/lib/collection/slots";
import { defaultAssignments, sourceIndex, type SourceOrg } from "@/lib/cycles/defaults";
import { getBuiltInScheme } from "@/lib/scoring";

const orgs: SourceOrg[] = [
  { id: "sfj", name: "鹤岗市司法局", shortName: "市司法局" },
  { id: "ysj", name: "鹤岗市营商环境建设监督局", shortName: "市营商局" },
  { id: "czj", name: "鹤岗市财政局", shortName: " 市财政局 " },
  { id: "court", name: "市中级人民法院", shortName: null },
];

describe("matching the schemes' source names", () => {
  it("matches short names first, then full names, trimmed", () => {
    const find = sourceIndex(orgs);
    expect(find("市司法局")?.id).toBe("sfj");
    expect(find("鹤岗市司法局")?.id).toBe("sfj");
    expect(find("市财政局")?.id).toBe("czj");
    expect(find("市中级人民法院")?.id).toBe("court");
    expect(find("市信访局")).toBeUndefined();
  });

  it("assigns every matched source, the first as lead of a value slot, and lists names matching nothing", () => {
    const slots = [
      { indicatorCode: "A", subKey: "", name: "甲", mode: "records" as const, sources: ["市营商局", "市司法局", "市营商局"] },
      { indicatorCode: "B", subKey: "", name: "乙", mode: "value" as const, sources: ["市信访局", "市财政局", "市司法局"] },
      { indicatorCode: "C", subKey: "x", name: "丙", mode: "value" as const, sources: ["市信访局"] },
    ];
    expect(defaultAssignments(slots, orgs)).toEqual({
      assignments: [
        { indicatorCode: "A", subKey: "", sourceOrgId: "ysj", lead: false },
        { indicatorCode: "A", subKey: "", sourceOrgId: "sfj", lead: false },
        { indicatorCode: "B", subKey: "", sourceOrgId: "czj", lead: true },
        { indicatorCode: "B", subKey: "", sourceOrgId: "sfj", lead: false },
      ],
      unmatched: [{ name: "市信访局", slots: ["乙", "丙"] }],
    });
  });

  it("covers all 12 slots of hegang-2022 with the demo source names", () => {
    const names = ["市司法局", "市中级人民法院", "市政府公开办", "市营商局", "市委考评办", "市信访局", "市财政局", "市工信局", "市文明办", "市总工会", "市纪委监委"];
    const demo = names.map((shortName, i) => ({ id: `o${i}`, name: `鹤岗${shortName}`, shortName }));
    const { assignments, unmatched } = defaultAssignments(reportingSlots(getBuiltInScheme("hegang-2022")!), demo);
    expect(unmatched).toEqual([]);
    expect(new Set(assignments.map((a) => a.indicatorCode)).size).toBe(12);
    expect(assignments.filter((a) => a.lead).map((a) => a.indicatorCode).sort()).toEqual(["DILIGENT.PETITION", "DILIGENT.TARGET", "KEEP.DEBT", "OPEN.PLEDGE"]);
  });
});

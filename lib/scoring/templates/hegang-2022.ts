import type { SchemeDocument } from "../schema";

/**
 * 2022版政务诚信评价标准 of 《鹤岗市政务诚信评价办法（试行）》 (seed 000, 鹤信用办发〔2022〕20号):
 * 6 categories, 12 indicators, 100 points. Codes are part of the interchange format.
 */
export const hegang2022: SchemeDocument = {
  format: "integrity-scheme/v1",
  code: "hegang-2022",
  version: 1,
  name: "2022版政务诚信评价标准（鹤岗市）",
  description:
    "鹤岗市社会信用体系建设工作领导小组办公室《鹤岗市政务诚信评价办法（试行）》（鹤信用办发〔2022〕20号）所附《2022版政务诚信评价标准》，对市政府工作部门、直属机构按六个方面12项指标评价，采用加权法和百分制。",
  notes: [
    "各项得分在0分与该项满分之间；每项得分四舍五入保留两位小数。",
    "不涉及的指标填“N/A”，按满分计并标注“不涉及”。",
    "失信信息：本部门或所属二级机构在评价年度内被列入失信被执行人的，按一票否决计0分（次数填两者合计）。",
    "信访件办结信息：原文只规定办结100%得5分、低于1%得0分；其间按比例计分，即5分×办结率。办结率以小数填报（85%填0.85）。",
    "激励信息：同一年度获得多项奖励的，按最高一项计分（国家级10分、省级5分、市级3分），不累加。",
    "受到党纪政务处分信息：领导班子受处分扣5分、本部门公职人员受处分扣5分，各按“发生即扣”计一次，不按人次累计。",
    "依法行政考核、政务公开考核、“双公示”情况、拖欠中小微企业偿还情况、政务投诉信息按发现的问题逐项扣分，扣至0分为止。",
  ],
  unitKinds: ["municipal_department"],
  notApplicable: "full_marks",
  grades: [
    { min: 90, label: "优秀" },
    { min: 80, label: "良好" },
    { min: 60, label: "一般" },
    { min: 0, label: "较差" },
  ],
  categories: [
    {
      code: "LAW",
      name: "依法行政",
      weight: 20,
      indicators: [
        {
          code: "LAW.EXAM",
          name: "依法行政考核",
          max: 10,
          content:
            "政府部门依法行政考核情况。评价年度内依法行政考核无减分项得10分，考核一项工作扣分减1分，最高扣10分。",
          sources: ["市司法局"],
          evidence: "年度依法行政考核结果及扣分项清单",
          rule: {
            kind: "deduction",
            items: [{ key: "items", label: "考核扣分项", points: 1, per: "each", cap: 10 }],
          },
        },
        {
          code: "LAW.DISHONEST",
          name: "失信信息",
          max: 10,
          content: "政府部门被列入失信被执行人信息。评价年度内政府部门及所属二级机构被列入失信被执行人得0分。",
          sources: ["市中级人民法院"],
          evidence: "失信被执行人名单查询结果（含所属二级机构）",
          note: "本部门及所属二级机构被列入失信被执行人的次数合计填报；次数为0得10分。",
          rule: { kind: "veto", event: "被列为失信被执行人" },
        },
      ],
    },
    {
      code: "OPEN",
      name: "政务公开",
      weight: 25,
      indicators: [
        {
          code: "OPEN.EXAM",
          name: "政务公开考核",
          max: 10,
          content:
            "政府部门政务公开考核情况。评价年度内部门政务信息“应公开尽公开”得10分，“应公开未公开”发现一次扣1分，最高扣10分。",
          sources: ["市政府公开办"],
          evidence: "年度政务公开考核结果及“应公开未公开”问题清单",
          rule: {
            kind: "deduction",
            items: [{ key: "findings", label: "应公开未公开事项", points: 1, per: "each", cap: 10 }],
          },
        },
        {
          code: "OPEN.DOUBLE",
          name: "“双公示”情况",
          max: 10,
          content:
            "政府部门“双公示”情况。各部门产生的“双公示”信息“应公示尽公示”，国家、省、市抽查检查结果无问题的得10分；存在“应公示不公示”，有迟报漏报现象，发现一次扣1分，最高扣10分。",
          sources: ["市营商局"],
          evidence: "国家、省、市“双公示”抽查检查结果及问题清单",
          rule: {
            kind: "deduction",
            items: [{ key: "findings", label: "应公示不公示或迟报漏报事项", points: 1, per: "each", cap: 10 }],
          },
        },
        {
          code: "OPEN.PLEDGE",
          name: "公开公示政务承诺",
          max: 5,
          content: "政府部门及其二级单位评价年度内，公开公示本部门政务承诺得5分，未承诺0分。",
          sources: ["市营商局"],
          evidence: "信用信息共享平台上公示的本部门政务承诺（每年5月1日前更新）",
          rule: { kind: "binary", question: "已公开公示本部门政务承诺" },
        },
      ],
    },
    {
      code: "DILIGENT",
      name: "勤政高效",
      weight: 15,
      indicators: [
        {
          code: "DILIGENT.TARGET",
          name: "综合责任目标考核",
          max: 10,
          content: "政府部门综合责任目标考核情况。优秀得10分，良好得7分，一般得4分、未达标得0分。",
          sources: ["市委考评办"],
          evidence: "年度综合责任目标考核等次通报",
          rule: {
            kind: "tiered",
            tiers: [
              { label: "优秀", points: 10 },
              { label: "良好", points: 7 },
              { label: "一般", points: 4 },
              { label: "未达标", points: 0 },
            ],
          },
        },
        {
          code: "DILIGENT.PETITION",
          name: "信访件办结信息",
          max: 5,
          content: "政府部门信访件未按期办结信息情况。评价年度内办结100%得5分，低于1%得0分。",
          sources: ["市信访局"],
          evidence: "信访件按期办结情况统计（办结件数/应办结件数）",
          note: "办结率以小数填报（85%填0.85）；1%至100%之间按比例得分，即5分×办结率。",
          rule: { kind: "ratio", label: "办结率", mode: "proportional", fullAt: 1, zeroBelow: 0.01 },
        },
      ],
    },
    {
      code: "KEEP",
      name: "守信践诺",
      weight: 15,
      indicators: [
        {
          code: "KEEP.DEBT",
          name: "债务管理信息",
          max: 10,
          content: "政府部门债务超警戒线信息。未超得10分，超过得0分。",
          sources: ["市财政局"],
          evidence: "财政部门债务风险监测结果",
          rule: { kind: "binary", question: "债务未超警戒线" },
        },
        {
          code: "KEEP.ARREARS",
          name: "拖欠中小微企业偿还情况",
          max: 5,
          content:
            "政府部门落实《保障中小企业款项支付条例》情况。无举报信息得5分，举报一条核实属实扣1分，最高扣5分。",
          sources: ["市工信局"],
          evidence: "拖欠中小企业账款举报及核实结论",
          rule: {
            kind: "deduction",
            items: [{ key: "verified", label: "核实属实的举报", points: 1, per: "each", cap: 5 }],
          },
        },
      ],
    },
    {
      code: "PERFORM",
      name: "履职成效",
      weight: 15,
      indicators: [
        {
          code: "PERFORM.COMPLAINT",
          name: "政务投诉信息",
          max: 5,
          content: "政府部门评价年度内政务投诉情况，无举报信息得5分，举报一条核实属实扣1分，最高扣5分。",
          sources: ["市营商局", "市司法局"],
          evidence: "政务投诉举报登记及核实结论",
          rule: {
            kind: "deduction",
            items: [{ key: "verified", label: "核实属实的举报", points: 1, per: "each", cap: 5 }],
          },
        },
        {
          code: "PERFORM.AWARD",
          name: "激励信息",
          max: 10,
          content: "政府部门评价年度内被授予国家级奖励得10分，授予省级奖励5分，授予市级奖励3分。",
          sources: ["市文明办", "市总工会"],
          evidence: "表彰决定或奖励文件",
          note: "多项奖励按最高一项计分，不累加。",
          rule: { kind: "award", levels: { national: 10, provincial: 5, municipal: 3 }, combine: "max" },
        },
      ],
    },
    {
      code: "CLEAN",
      name: "廉政建设",
      weight: 10,
      indicators: [
        {
          code: "CLEAN.DISCIPLINE",
          name: "受到党纪政务处分信息",
          max: 10,
          content: "政府部门评价年度内领导班子受到党纪政务处分扣5分，本部门公职人员受到党纪政务处分扣5分。",
          sources: ["市纪委监委"],
          evidence: "纪律处分、问责处理决定",
          note: "领导班子、公职人员两类各按“发生即扣”计一次，不按人次累计。",
          rule: {
            kind: "deduction",
            items: [
              { key: "leadership", label: "领导班子受到党纪政务处分", points: 5, per: "once" },
              { key: "staff", label: "本部门公职人员受到党纪政务处分", points: 5, per: "once" },
            ],
          },
        },
      ],
    },
  ],
};

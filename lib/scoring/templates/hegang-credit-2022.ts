import type { SchemeDocument } from "../schema";

/**
 * 2022年度“信用鹤岗”建设工作考核指标 (seed 002, 鹤信用办发〔2022〕4号): two deduction-from-100 schemes,
 * annex 1 for counties/districts (15 rows) and annex 2 for municipal departments (17 rows). Every row
 * of an annex table is one indicator; its deductions are `deduction` items or a `threshold`.
 */

function grades(): SchemeDocument["grades"] {
  return [
    { min: 90, label: "优秀" },
    { min: 80, label: "良好" },
    { min: 60, label: "一般" },
    { min: 0, label: "较差" },
  ];
}

const COMMON_NOTES = [
  "减分制：基础分100分，按各项评分标准扣分；每项扣分以本项分值为限。",
  "不涉及考核指标任务的单位，该考核指标项目不给予扣分（不涉及按满分计，not-applicable policy full_marks）。",
  "原表不列数据来源；考核由市社会信用体系建设领导小组办公室考核组依据佐证材料和平台调阅实施，默认数据来源为“市信用办”。各项括注的佐证材料（平台调阅、文件、图片等）作为填报指引。",
  "同一项列有两个扣分情形（各扣一半分值）的，拆为两个一次性扣分项（发生即扣，不按次数累计）；只写“未开展/未完成扣N分”的按一次性扣分处理。",
];

/** 附件1：2022年度“信用鹤岗”建设工作考核指标（县、区）. */
export const hegangCredit2022County: SchemeDocument = {
  format: "integrity-scheme/v1",
  code: "hegang-credit-2022-county",
  version: 1,
  name: "2022年度“信用鹤岗”建设工作考核指标（县、区）",
  description:
    "鹤岗市社会信用体系建设工作领导小组办公室《2022年度“信用鹤岗”建设主要责任指标考核的通知》（鹤信用办发〔2022〕4号）附件1，适用于县、区，基础分100分，减分制。",
  notes: [
    ...COMMON_NOTES,
    "比例类指标以小数填报：“信易贷”入驻比例低于0.20扣10分；“码上诚信”赋码比例低于0.40扣10分；信用承诺覆盖面低于1（100%）扣5分；信用修复率低于0.80扣10分。",
    "信用承诺数量：原文“数量不低于1000份扣5分”系笔误，按“低于1000份扣5分”执行。",
    "信息报送：全年报送工作动态、工作信息少于30篇扣10分。",
    "重大失信事件：失信联合惩戒对象企业占比超过1%扣2.5分（占比超过1%时填1），辖区政府部门被列入失信被执行人扣2.5分（一次性）。",
  ],
  unitKinds: ["county"],
  notApplicable: "full_marks",
  grades: grades(),
  categories: [
    {
      code: "BASE",
      name: "信用制度和基础建设",
      weight: 25,
      indicators: [
        {
          code: "BASE.ORGANIZATION",
          name: "信用议事机构和工作会议",
          max: 5,
          content:
            "建立辖区内信用议事机构，推进本辖区信用体系建设工作，召开信用体系相关工作会议。未及时调整辖区信用领导小组组成人员扣2.5分；未召开信用工作会议扣2.5分。",
          sources: ["市信用办"],
          evidence: "制定文件；信息、图片",
          rule: {
            kind: "deduction",
            items: [
              { key: "group_not_adjusted", label: "未及时调整辖区信用领导小组组成人员", points: 2.5, per: "once" },
              { key: "no_meeting", label: "未召开信用工作会议", points: 2.5, per: "once" },
            ],
          },
        },
        {
          code: "BASE.SYSTEM",
          name: "信用制度落实情况",
          max: 5,
          content: "未完成对鹤岗市信用体系建设文件和制度的落实，扣5分。",
          sources: ["市信用办"],
          evidence: "落实文件、取得成效、工作汇报",
          rule: {
            kind: "deduction",
            items: [{ key: "not_implemented", label: "未完成鹤岗市信用体系建设文件和制度的落实", points: 5, per: "once" }],
          },
        },
        {
          code: "BASE.DOUBLE",
          name: "加强“双公示”工作",
          max: 10,
          content:
            "严格执行“双公示”7日公示制度，推动本辖区“双公示”信息应录尽录。未开展本辖区“双公示”情况通报，扣5分；准确率、及时率低于100%扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅、文件、图片",
          note: "“准确率、及时率低于100%”按任一低于100%即扣5分（一次性）处理。",
          rule: {
            kind: "deduction",
            items: [
              { key: "no_circular", label: "未开展本辖区“双公示”情况通报", points: 5, per: "once" },
              { key: "rate_below_full", label: "“双公示”准确率或及时率低于100%", points: 5, per: "once" },
            ],
          },
        },
        {
          code: "BASE.FOUR_TYPES",
          name: "行政强制等四类信用信息归集",
          max: 5,
          content: "推动行政强制等四类信用信息归集工作。本行政辖区内产生行政强制等四类信用信息，应录未录扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          rule: {
            kind: "deduction",
            items: [{ key: "not_recorded", label: "四类信用信息应录未录", points: 5, per: "once" }],
          },
        },
      ],
    },
    {
      code: "BUSINESS",
      name: "优化营商环境",
      weight: 40,
      indicators: [
        {
          code: "BUSINESS.XINYIDAI",
          name: "引导市场主体入驻“信易贷”平台",
          max: 10,
          content: "积极引导辖区内市场主体入驻国家“信易贷”平台，入驻数量不低于本辖区市场主体总量20%，未完成扣10分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "填报入驻比例（入驻数量/辖区市场主体总量，小数），低于0.20扣10分。",
          rule: { kind: "threshold", label: "“信易贷”平台入驻比例", op: "lt", value: 0.2, points: 10, percent: true },
        },
        {
          code: "BUSINESS.QR_CODE",
          name: "开展“码上诚信”工作",
          max: 10,
          content: "“码上诚信”赋码数量不低于本行政区域内市场主体总量40%，未完成扣10分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "填报赋码比例（赋码数量/区域内市场主体总量，小数），低于0.40扣10分。",
          rule: { kind: "threshold", label: "“码上诚信”赋码比例", op: "lt", value: 0.4, points: 10, percent: true },
        },
        {
          code: "BUSINESS.SEVEN",
          name: "诚信“七进”活动",
          max: 5,
          content:
            "持续开展诚信“七进”活动。未开展形式多样的诚信“进机关、进大厅、进企业、进市场、进学校、进社区、进村屯”宣传活动扣5分。",
          sources: ["市信用办"],
          evidence: "图片、工作信息、工作动态",
          rule: {
            kind: "deduction",
            items: [{ key: "not_held", label: "未开展诚信“七进”宣传活动", points: 5, per: "once" }],
          },
        },
        {
          code: "BUSINESS.PLEDGE",
          name: "加强政务诚信建设",
          max: 5,
          content:
            "每年度5月1日前，结合部门职能更新本部门和公职人员诚信履职的信用承诺，承诺覆盖面未达到100%扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "填报信用承诺覆盖面（小数），低于1（100%）扣5分。",
          rule: { kind: "threshold", label: "信用承诺覆盖面", op: "lt", value: 1, points: 5, percent: true },
        },
        {
          code: "BUSINESS.MAJOR",
          name: "重大失信事件情况",
          max: 5,
          content:
            "本辖区被列入失信联合惩戒对象名单的企业占比超过1%，扣2.5分；辖区政府部门被列入失信被执行人，扣2.5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "两个情形各为一次性扣分项；企业占比一项在占比超过1%时填1，否则填0。",
          rule: {
            kind: "deduction",
            items: [
              { key: "firms_over", label: "失信联合惩戒对象企业占比超过1%", points: 2.5, per: "once" },
              { key: "gov_debtor", label: "辖区政府部门被列入失信被执行人", points: 2.5, per: "once" },
            ],
          },
        },
        {
          code: "BUSINESS.PILOT",
          name: "开展信用创新试点工作",
          max: 5,
          content: "未开展“诚信园区、诚信商场、诚信农场、诚信商圈”等信用试点工作，未形成经验材料并推广的，扣5分。",
          sources: ["市信用办"],
          evidence: "经验材料",
          rule: {
            kind: "deduction",
            items: [{ key: "no_pilot", label: "未开展信用试点工作或未形成经验材料并推广", points: 5, per: "once" }],
          },
        },
      ],
    },
    {
      code: "SUPERVISION",
      name: "信用监管",
      weight: 10,
      indicators: [
        {
          code: "SUPERVISION.PLEDGE",
          name: "全面推行信用承诺",
          max: 5,
          content:
            "归集本辖区产生的行政审批、主动承诺、行业自律等各类信用承诺，数量低于1000份扣5分（原文作“不低于1000份扣5分”，系笔误）。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "原文“数量不低于1000份扣5分”为笔误，按“低于1000份扣5分”执行；填报归集的信用承诺份数。",
          rule: { kind: "threshold", label: "归集信用承诺份数", op: "lt", value: 1000, points: 5 },
        },
        {
          code: "SUPERVISION.JOINT",
          name: "信用联合奖惩",
          max: 5,
          content:
            "本辖区产生“红黑名单”未及时推送进行公示扣2.5分；依据奖惩措施清单，依托鹤岗市信用信息共享平台对行政相对人信息实行“逢办必查、逢批必查”，未开展信用核查的扣2.5分。",
          sources: ["市信用办"],
          evidence: "日常报送、平台调阅",
          rule: {
            kind: "deduction",
            items: [
              { key: "list_not_pushed", label: "“红黑名单”未及时推送公示", points: 2.5, per: "once" },
              { key: "no_check", label: "未开展“逢办必查、逢批必查”信用核查", points: 2.5, per: "once" },
            ],
          },
        },
      ],
    },
    {
      code: "RIGHTS",
      name: "权益保护",
      weight: 10,
      indicators: [
        {
          code: "RIGHTS.REPAIR",
          name: "信用修复工作",
          max: 10,
          content: "本辖区信用修复率低于80%扣10分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "填报信用修复率（小数），低于0.80扣10分。",
          rule: { kind: "threshold", label: "信用修复率", op: "lt", value: 0.8, points: 10, percent: true },
        },
      ],
    },
    {
      code: "EDUCATION",
      name: "诚信教育",
      weight: 5,
      indicators: [
        {
          code: "EDUCATION.COURSE",
          name: "开展诚信教育情况",
          max: 5,
          content: "本辖区未开展诚信教育课程扣5分。",
          sources: ["市信用办"],
          evidence: "课程计划、信息、图片",
          rule: {
            kind: "deduction",
            items: [{ key: "no_course", label: "未开展诚信教育课程", points: 5, per: "once" }],
          },
        },
      ],
    },
    {
      code: "REPORTING",
      name: "信息报送",
      weight: 10,
      indicators: [
        {
          code: "REPORTING.ARTICLES",
          name: "信用信息报送情况",
          max: 10,
          content: "每年度报送本辖区信用体系建设工作动态、工作信息少于30篇，扣10分。",
          sources: ["市信用办"],
          evidence: "日常报送工作动态",
          note: "填报全年报送篇数，少于30篇扣10分。",
          rule: { kind: "threshold", label: "全年报送篇数", op: "lt", value: 30, points: 10 },
        },
      ],
    },
  ],
};

/** 附件2：2022年度社会“信用鹤岗”建设工作考核指标（市直部门）. */
export const hegangCredit2022Dept: SchemeDocument = {
  format: "integrity-scheme/v1",
  code: "hegang-credit-2022-dept",
  version: 1,
  name: "2022年度“信用鹤岗”建设工作考核指标（市直部门）",
  description:
    "鹤岗市社会信用体系建设工作领导小组办公室《2022年度“信用鹤岗”建设主要责任指标考核的通知》（鹤信用办发〔2022〕4号）附件2，适用于市直部门，基础分100分，减分制。",
  notes: [
    ...COMMON_NOTES,
    "信用修复率以小数填报，低于0.80扣5分。",
    "信息报送：全年向市信用办报送信用信息少于10篇扣10分。",
    "统一社会信用代码：本领域重错码应纠正未纠正、导致本地重错率高于城市平均水平的，扣5分（以国家代码中心反馈数据为准，一次性扣分）。",
    "重大失信事件：本领域失信联合惩戒对象企业占比超过1%扣2.5分（占比超过1%时填1），本部门被列入失信被执行人扣2.5分（一次性）。",
    "信用分级分类监管：未启动实施、未制定落实文件、评价结果未及时公示或未有效应用于监管，出现任一情形扣5分（一次性）。",
  ],
  unitKinds: ["municipal_department"],
  notApplicable: "full_marks",
  grades: grades(),
  categories: [
    {
      code: "BASE",
      name: "信用制度和基础建设",
      weight: 30,
      indicators: [
        {
          code: "BASE.SYSTEM",
          name: "信用制度落实情况",
          max: 5,
          content: "未完成对鹤岗市信用体系建设文件和制度的落实，扣5分。",
          sources: ["市信用办"],
          evidence: "落实文件、取得成效",
          rule: {
            kind: "deduction",
            items: [{ key: "not_implemented", label: "未完成鹤岗市信用体系建设文件和制度的落实", points: 5, per: "once" }],
          },
        },
        {
          code: "BASE.DOUBLE",
          name: "信用信息公示情况",
          max: 10,
          content:
            "推动严格执行“双公示”7日公示制度应录尽录，未开展本部门“双公示”自检自查工作，扣5分；准确率、及时率低于100%扣5分。",
          sources: ["市信用办"],
          evidence: "原始台账、自查承诺书、平台调阅",
          note: "“准确率、及时率低于100%”按任一低于100%即扣5分（一次性）处理。",
          rule: {
            kind: "deduction",
            items: [
              { key: "no_self_check", label: "未开展本部门“双公示”自检自查工作", points: 5, per: "once" },
              { key: "rate_below_full", label: "“双公示”准确率或及时率低于100%", points: 5, per: "once" },
            ],
          },
        },
        {
          code: "BASE.DATA",
          name: "信用数据归集情况",
          max: 5,
          content: "按照《黑龙江省信用信息目录》归集报送信用数据，未按目录要求归集报送本部门年度更新信用数据扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          rule: {
            kind: "deduction",
            items: [{ key: "not_reported", label: "未按目录要求归集报送年度更新信用数据", points: 5, per: "once" }],
          },
        },
        {
          code: "BASE.USCC",
          name: "统一社会信用代码情况",
          max: 5,
          content: "本领域存在重错码信息，应纠正未纠正，导致本地重错率高于城市平均水平，扣5分。",
          sources: ["市信用办"],
          evidence: "以国家代码中心反馈数据为准",
          note: "比较基准（城市平均重错率）每年变化，按一次性扣分项填报（高于城市平均水平时填1）。",
          rule: {
            kind: "deduction",
            items: [{ key: "error_rate_high", label: "重错码应纠未纠致重错率高于城市平均水平", points: 5, per: "once" }],
          },
        },
        {
          code: "BASE.FOUR_TYPES",
          name: "行政强制等四类信用信息归集工作",
          max: 5,
          content: "本部门产生行政强制等四类信用信息，应录未录扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          rule: {
            kind: "deduction",
            items: [{ key: "not_recorded", label: "四类信用信息应录未录", points: 5, per: "once" }],
          },
        },
      ],
    },
    {
      code: "BUSINESS",
      name: "优化营商环境",
      weight: 30,
      indicators: [
        {
          code: "BUSINESS.XINYIDAI",
          name: "配合县区开展“信易贷”工作",
          max: 5,
          content: "充分发挥行管部门职能，配合县区积极引导市场主体入驻“信易贷”平台，未开展扣5分。",
          sources: ["市信用办"],
          evidence: "落实文件、信息报道、工作动态",
          rule: {
            kind: "deduction",
            items: [{ key: "not_done", label: "未配合县区开展“信易贷”工作", points: 5, per: "once" }],
          },
        },
        {
          code: "BUSINESS.SERVICES",
          name: "开展信用便民惠企服务",
          max: 5,
          content: "结合部门职能，开展“信易+”场景应用，未开展扣5分。",
          sources: ["市信用办"],
          evidence: "出台文件、工作信息",
          rule: {
            kind: "deduction",
            items: [{ key: "not_done", label: "未开展“信易+”场景应用", points: 5, per: "once" }],
          },
        },
        {
          code: "BUSINESS.SEVEN",
          name: "诚信“七进”活动",
          max: 5,
          content:
            "结合部门职能，开展形式多样的诚信“进机关、进大厅、进企业、进市场、进学校、进社区、进村屯”宣传活动，未开展扣5分。",
          sources: ["市信用办"],
          evidence: "图片、工作信息、工作动态",
          rule: {
            kind: "deduction",
            items: [{ key: "not_held", label: "未开展诚信“七进”宣传活动", points: 5, per: "once" }],
          },
        },
        {
          code: "BUSINESS.QR_CODE",
          name: "配合县区开展“码上诚信”工作",
          max: 5,
          content: "充分发挥行管部门职能，配合县区积极开展“码上诚信”赋码工作，未开展扣5分。",
          sources: ["市信用办"],
          evidence: "落实文件、信息报道、工作动态",
          rule: {
            kind: "deduction",
            items: [{ key: "not_done", label: "未配合县区开展“码上诚信”赋码工作", points: 5, per: "once" }],
          },
        },
        {
          code: "BUSINESS.PLEDGE",
          name: "加强政务诚信建设",
          max: 5,
          content: "每年度5月1日前，结合部门职能更新本部门和公职人员诚信履职的信用承诺，未报送扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          rule: {
            kind: "deduction",
            items: [{ key: "not_submitted", label: "未于5月1日前报送更新的信用承诺", points: 5, per: "once" }],
          },
        },
        {
          code: "BUSINESS.MAJOR",
          name: "杜绝本领域重大失信事件",
          max: 5,
          content: "本领域被列入失信联合惩戒对象名单的企业占比超过1%，扣2.5分；本部门被列入失信被执行人，扣2.5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "两个情形各为一次性扣分项；企业占比一项在占比超过1%时填1，否则填0。",
          rule: {
            kind: "deduction",
            items: [
              { key: "firms_over", label: "本领域失信联合惩戒对象企业占比超过1%", points: 2.5, per: "once" },
              { key: "dept_debtor", label: "本部门被列入失信被执行人", points: 2.5, per: "once" },
            ],
          },
        },
      ],
    },
    {
      code: "SUPERVISION",
      name: "信用监管",
      weight: 20,
      indicators: [
        {
          code: "SUPERVISION.PLEDGE",
          name: "全面推行信用承诺",
          max: 10,
          content:
            "归集本领域产生的行政审批、市场主体主动承诺、行业自律等各类信用承诺，产生承诺未及时通过鹤岗市信用信息共享平台报送扣10分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          rule: {
            kind: "deduction",
            items: [{ key: "not_reported", label: "产生承诺未及时通过信用信息共享平台报送", points: 10, per: "once" }],
          },
        },
        {
          code: "SUPERVISION.JOINT",
          name: "信用联合奖惩",
          max: 5,
          content:
            "本部门产生“红黑名单”未及时推送、未公开公示的扣2.5分；依据奖惩措施清单，依托鹤岗市信用信息共享平台对行政相对人信息实行“逢办必查、逢批必查”，未开展信用核查的扣2.5分。",
          sources: ["市信用办"],
          evidence: "日常报送、平台调阅",
          rule: {
            kind: "deduction",
            items: [
              { key: "list_not_pushed", label: "“红黑名单”未及时推送、未公开公示", points: 2.5, per: "once" },
              { key: "no_check", label: "未开展“逢办必查、逢批必查”信用核查", points: 2.5, per: "once" },
            ],
          },
        },
        {
          code: "SUPERVISION.GRADED",
          name: "信用分级分类监管",
          max: 5,
          content:
            "鹤岗市重点领域分级分类工作涉及单位未启动并实施信用分级分类监管措施，对列入重点领域单位未制定本领域信用分级分类监管落实文件，产生信用评价结果未及时推送在信用鹤岗公开公示，评价结果未有效应用部门监管的，扣5分。",
          sources: ["市信用办"],
          evidence: "出台文件、评价结果、工作动态",
          note: "原文列举的四种情形合为一个一次性扣分项：出现任一情形扣5分。",
          rule: {
            kind: "deduction",
            items: [{ key: "not_done", label: "未落实信用分级分类监管（任一情形）", points: 5, per: "once" }],
          },
        },
      ],
    },
    {
      code: "RIGHTS",
      name: "权益保护",
      weight: 5,
      indicators: [
        {
          code: "RIGHTS.REPAIR",
          name: "信用修复情况",
          max: 5,
          content: "本领域信用修复率低于80%扣5分。",
          sources: ["市信用办"],
          evidence: "平台调阅",
          note: "填报信用修复率（小数），低于0.80扣5分。",
          rule: { kind: "threshold", label: "信用修复率", op: "lt", value: 0.8, points: 5, percent: true },
        },
      ],
    },
    {
      code: "EDUCATION",
      name: "诚信教育",
      weight: 5,
      indicators: [
        {
          code: "EDUCATION.COURSE",
          name: "开展诚信教育情况",
          max: 5,
          content: "未开展诚信教育课程扣5分。",
          sources: ["市信用办"],
          evidence: "课程计划、工作信息、图片",
          rule: {
            kind: "deduction",
            items: [{ key: "no_course", label: "未开展诚信教育课程", points: 5, per: "once" }],
          },
        },
      ],
    },
    {
      code: "REPORTING",
      name: "信息报送",
      weight: 10,
      indicators: [
        {
          code: "REPORTING.ARTICLES",
          name: "信用信息报送情况",
          max: 10,
          content:
            "充分展示部门信用体系建设风采，结合本部门工作职能与信用工作充分融合，每年度向市信用办报送信用信息不得少于10篇，未完成扣10分。",
          sources: ["市信用办"],
          evidence: "日常报送工作动态",
          note: "填报全年报送篇数，少于10篇扣10分。",
          rule: { kind: "threshold", label: "全年报送篇数", op: "lt", value: 10, points: 10 },
        },
      ],
    },
  ],
};
